package dev.sfsim.simulator.sobject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.error.SalesforceException;
import dev.sfsim.simulator.http.ApiVersion;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.persistence.SqlStates;
import dev.sfsim.simulator.query.QueryService;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated record and composite calls against the real dispatcher and PostgreSQL: every failure is a Salesforce
 * 4xx (or 501), never another exception (a 500 on the wire), and a call that fails as a whole writes nothing.
 */
class RestFuzzTest {
    private static final Catalog CATALOG = Catalog.standard();
    private static final String USER = "005SM0000000001YAA";
    private static Database db;
    private static RestDispatcher dispatcher;

    @BeforeContainer
    static void start() {
        db = Database.embedded();
        dispatcher = new RestDispatcher(db.jdbi(), CATALOG, new RecordRepository(CATALOG), new QueryService(db.jdbi(), CATALOG),
                new SimClock(), Instant.now());
        db.jdbi().useHandle(h -> h.execute("INSERT INTO account (id, name, created_date, created_by_id, last_modified_date,"
                + " last_modified_by_id, system_modstamp) VALUES ('" + SalesforceIds.generate("001", 7) + "', 'Seed', now(), '" + USER
                + "', now(), '" + USER + "', now())"));
    }

    @AfterContainer
    static void stop() {
        db.close();
    }

    @Property(tries = 400)
    void recordCalls(@ForAll("recordRequests") ApiRequest r) {
        check(r);
    }

    @Property(tries = 150)
    void compositeCalls(@ForAll("compositeRequests") ApiRequest r) {
        check(r);
    }

    private static void check(ApiRequest r) {
        String before = snapshot();
        try {
            ApiResponse resp = dispatcher.handle(r);
            assertThat(resp.status()).as("%s", r).isLessThan(500);
        } catch (SalesforceException e) {
            assertThat(e.status()).as("%s -> %s", r, e.getMessage()).isIn(300, 400, 404, 405, 412, 413, 501);
            assertThat(snapshot()).as("nothing written by the failed %s", r).isEqualTo(before);
        } catch (RuntimeException e) {
            if (SqlStates.toSalesforce(e).isPresent()) {
                assertThat(snapshot()).as("nothing written by the failed %s", r).isEqualTo(before);
                return;
            }
            fail("unexpected exception (a 500) for %s", r, e);
        }
    }

    private static String snapshot() {
        return db.jdbi().withHandle(h -> {
            StringBuilder sb = new StringBuilder();
            for (SObjectType t : CATALOG.all()) {
                sb.append(h.createQuery("SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x.id)), '') FROM " + t.table() + " x")
                        .mapTo(String.class).one());
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<ApiRequest> recordRequests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PATCH", "DELETE", "PUT", "HEAD");
        Arbitrary<List<String>> path = Combinators.combine(objectName(), segment(), segment(), Arbitraries.integers().between(0, 3))
                .as((o, a, b, n) -> {
                    List<String> p = new ArrayList<>(List.of("sobjects"));
                    if (n >= 1) p.add(o);
                    if (n >= 2) p.add(a);
                    if (n >= 3) p.add(b);
                    return p;
                });
        return Combinators.combine(method, path, body(), version(), query())
                .as((m, p, b, v, q) -> new ApiRequest(m, v, p, q, b, USER, null));
    }

    @Provide
    Arbitrary<ApiRequest> compositeRequests() {
        Arbitrary<String> sub = Combinators.combine(Arbitraries.of("GET", "POST", "PATCH", "DELETE", "BOGUS"), objectName(), segment(), body())
                .as((m, o, s, b) -> "{\"method\":\"" + m + "\",\"url\":\"/services/data/v60.0/sobjects/" + o + "/" + s
                        + "\",\"referenceId\":\"r" + Math.abs((o + s).hashCode() % 7) + "\",\"body\":" + (b.startsWith("{") ? b : "null") + "}");
        Arbitrary<String> composite = Combinators.combine(Arbitraries.of(true, false), sub.list().ofMaxSize(4))
                .as((all, subs) -> "{\"allOrNone\":" + all + ",\"compositeRequest\":[" + String.join(",", subs) + "]}");
        Arbitrary<String> collection = Combinators.combine(Arbitraries.of(true, false), record().list().ofMaxSize(4))
                .as((all, recs) -> "{\"allOrNone\":" + all + ",\"records\":[" + String.join(",", recs) + "]}");
        Arbitrary<List<String>> path = Arbitraries.of(List.of("composite"), List.of("composite", "batch"), List.of("composite", "sobjects"),
                List.of("composite", "sobjects", "Contact", "Email"), List.of("composite", "tree", "Account"), List.of("composite", "sobjects", "Account"));
        return Combinators.combine(Arbitraries.of("POST", "PATCH", "DELETE", "GET"), path, Arbitraries.oneOf(composite, collection, body()), query())
                .as((m, p, b, q) -> new ApiRequest(m, new ApiVersion(60), p, q, b, USER, null));
    }

    private static Arbitrary<String> objectName() {
        List<String> names = new ArrayList<>(CATALOG.all().stream().map(SObjectType::name).toList());
        names.addAll(List.of("account", "Widget__c", "", "Case"));
        return Arbitraries.of(names);
    }

    private static Arbitrary<String> segment() {
        return Arbitraries.oneOf(
                Arbitraries.of("describe", "updated", "deleted", "Id", "Email", "Name", "MessagingPlatformKey", "quickActions", "x"),
                Arbitraries.of("001", "003", "0PA", "0Zy", "1sr", "00Q", "500", "0Mj").map(p -> SalesforceIds.generate(p, 7)),
                Arbitraries.strings().ofMaxLength(20));
    }

    private static Arbitrary<ApiVersion> version() {
        return Arbitraries.integers().between(ApiVersion.OLDEST, ApiVersion.NEWEST).map(ApiVersion::new);
    }

    private static Arbitrary<Map<String, String>> query() {
        return Arbitraries.of(Map.of(), Map.of("fields", "Id,Name"), Map.of("fields", "Nope"),
                Map.of("start", "2026-01-01T00:00:00+00:00", "end", "x"), Map.of("ids", "001,003"), Map.of("updateOnly", "true"));
    }

    private static Arbitrary<String> body() {
        return Arbitraries.oneOf(record(), Arbitraries.strings().ofMaxLength(30), Arbitraries.of("", "[]", "null", "{", "{\"a\":[1,{}]}"));
    }

    private static Arbitrary<String> record() {
        List<String> fieldNames = new ArrayList<>();
        for (SObjectType t : CATALOG.all()) for (SObjectField f : t.fields()) fieldNames.add(f.name());
        fieldNames.addAll(List.of("attributes", "Bogus", "lastname", "ID"));
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of("2026-01-01T00:00:00Z", "2026-13-01", "Text", "Agent", "Open - Not Contacted", "\u0000").map(s -> (Object) s),
                Arbitraries.of("001", "003", "0Mw", "005", "0PA").map(p -> (Object) SalesforceIds.generate(p, 7)));
        Arbitrary<Map.Entry<String, Object>> entry = Combinators.combine(Arbitraries.of(fieldNames), value).as(Map::entry);
        return Combinators.combine(objectName(), entry.list().ofMaxSize(6)).as((type, entries) -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.putObject("attributes").put("type", type).put("referenceId", "ref" + entries.size());
            for (Map.Entry<String, Object> e : entries) {
                if (e.getKey().equals("attributes")) continue;
                o.putPOJO(e.getKey(), e.getValue());
            }
            return o.toString();
        });
    }
}
