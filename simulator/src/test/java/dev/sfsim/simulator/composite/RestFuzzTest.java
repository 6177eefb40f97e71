package dev.sfsim.simulator.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfsim.simulator.FuzzedRandom;
import dev.sfsim.simulator.Randoms;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.persistence.SqlStates;
import dev.sfsim.simulator.query.QueryService;
import dev.sfsim.simulator.sobject.ApiRequest;
import dev.sfsim.simulator.sobject.ApiResponse;
import dev.sfsim.simulator.sobject.RecordRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Record and composite calls fuzzed with Jazzer against the real dispatcher and PostgreSQL: every
 * failure is a Salesforce 4xx (or 501), never another exception (a 500 on the wire), and a call
 * that fails as a whole writes nothing. The fuzzer's bytes steer the generators ({@link Randoms}
 * over {@link FuzzedRandom}): method, path, ids, query, body, records, subrequests. {@code ./mvnw
 * verify} fuzzes {@link #EXECUTIONS} calls in the {@code fuzz} Surefire execution ({@code
 * JAZZER_FUZZ=1}) after replaying the seeds and findings in {@code
 * src/test/resources/dev/sfsim/simulator/sobject/RestFuzzTestInputs/calls/}; to fuzz longer:
 *
 * <pre>
 * ./mvnw -B -pl simulator -am test-compile surefire:test@fuzz -Dtest=RestFuzzTest -Djazzer.max_executions=0 -Djazzer.max_duration=30m
 * </pre>
 */
class RestFuzzTest {
  private static final Catalog CATALOG = Catalog.standard();
  private static final String USER = "005SM0000000001YAA";
  private static final List<String> OBJECT_NAMES = new ArrayList<>();
  private static final List<String> FIELD_NAMES = new ArrayList<>();
  private static Database db;
  private static RestDispatcher dispatcher;

  @BeforeAll
  static void start() {
    db = Database.embedded();
    dispatcher =
        new RestDispatcher(
            db.jdbi(),
            CATALOG,
            new RecordRepository(CATALOG),
            new QueryService(db.jdbi(), CATALOG),
            new SimClock(),
            Instant.now());
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO account (id, name, created_date, created_by_id, last_modified_date,"
                        + " last_modified_by_id, system_modstamp) VALUES ('"
                        + SalesforceIds.generate("001", 7)
                        + "', 'Seed', now(), '"
                        + USER
                        + "', now(), '"
                        + USER
                        + "', now())"));
    CATALOG.all().forEach(t -> OBJECT_NAMES.add(t.name()));
    OBJECT_NAMES.addAll(List.of("account", "Widget__c", "", "Case"));
    for (SObjectType t : CATALOG.all()) {
      for (SObjectField f : t.fields()) {
        FIELD_NAMES.add(f.name());
      }
    }
    FIELD_NAMES.addAll(List.of("attributes", "Bogus", "lastname", "ID"));
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  /**
   * Each call compares a checksum of every table before and after, so calls are few but thorough.
   */
  static final int EXECUTIONS = 2_000;

  @FuzzTest(maxExecutions = EXECUTIONS, maxDuration = "5m")
  void calls(FuzzedDataProvider data) {
    Randoms r = new Randoms(new FuzzedRandom(data));
    check(r.bool() ? recordRequest(r) : compositeRequest(r));
  }

  private static void check(ApiRequest r) {
    String before = snapshot();
    try {
      ApiResponse resp = dispatcher.handle(r);
      assertThat(resp.status()).as("%s", r).isLessThan(500);
    } catch (SalesforceException e) {
      assertThat(e.status())
          .as("%s -> %s", r, e.getMessage())
          .isIn(300, 400, 404, 405, 412, 413, 501);
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
    return db.jdbi()
        .withHandle(
            h -> {
              StringBuilder sb = new StringBuilder();
              for (SObjectType t : CATALOG.all()) {
                sb.append(
                    h.createQuery(
                            "SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x.id)), '') FROM "
                                + t.table()
                                + " x")
                        .mapTo(String.class)
                        .one());
              }
              return sb.toString();
            });
  }

  private static ApiRequest recordRequest(Randoms r) {
    String method = r.oneOf("GET", "POST", "PATCH", "DELETE", "PUT", "HEAD");
    List<String> path = new ArrayList<>(List.of("sobjects"));
    int n = r.between(0, 3);
    if (n >= 1) {
      path.add(r.oneOf(OBJECT_NAMES));
    }
    if (n >= 2) {
      path.add(segment(r));
    }
    if (n >= 3) {
      path.add(segment(r));
    }
    return new ApiRequest(
        method,
        new ApiVersion(r.between(ApiVersion.OLDEST, ApiVersion.NEWEST)),
        path,
        query(r),
        body(r),
        USER,
        null);
  }

  private static ApiRequest compositeRequest(Randoms r) {
    String body =
        switch (r.between(0, 2)) {
          case 0 ->
              "{\"allOrNone\":"
                  + r.bool()
                  + ",\"compositeRequest\":["
                  + String.join(",", r.list(0, 4, () -> subrequest(r)))
                  + "]}";
          case 1 ->
              "{\"allOrNone\":"
                  + r.bool()
                  + ",\"records\":["
                  + String.join(",", r.list(0, 4, () -> record(r)))
                  + "]}";
          default -> body(r);
        };
    List<String> path =
        r.oneOf(
            List.of("composite"),
            List.of("composite", "batch"),
            List.of("composite", "sobjects"),
            List.of("composite", "sobjects", "Contact", "Email"),
            List.of("composite", "tree", "Account"),
            List.of("composite", "sobjects", "Account"));
    return new ApiRequest(
        r.oneOf("POST", "PATCH", "DELETE", "GET"),
        new ApiVersion(60),
        path,
        query(r),
        body,
        USER,
        null);
  }

  /** JSON nested 5,000 deep, past the parser's nesting limit (issue 15). */
  private static final String DEEP_JSON =
      "{\"Name\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

  private static String subrequest(Randoms r) {
    String o = r.oneOf(OBJECT_NAMES);
    String s = segment(r);
    String b = body(r);
    if (r.between(0, 9) == 0) {
      s = r.oneOf("@{r1.records[99999999999].Id}", "@{r0.id}", "@{r2.records[2147483648].Id}");
    }
    return "{\"method\":\""
        + r.oneOf("GET", "POST", "PATCH", "DELETE", "BOGUS")
        + "\",\"url\":\"/services/data/v60.0/sobjects/"
        + o
        + "/"
        + s
        + "\",\"referenceId\":\"r"
        + Math.abs((o + s).hashCode() % 7)
        + "\",\"body\":"
        + (b.startsWith("{") ? b : "null")
        + "}";
  }

  private static String segment(Randoms r) {
    return switch (r.between(0, 2)) {
      case 0 ->
          r.oneOf(
              "describe",
              "updated",
              "deleted",
              "Id",
              "Email",
              "Name",
              "MessagingPlatformKey",
              "quickActions",
              "x");
      case 1 ->
          SalesforceIds.generate(
              r.oneOf("001", "003", "0PA", "0Zy", "1sr", "00Q", "500", "0Mj"), 7);
      default -> r.text(20);
    };
  }

  private static Map<String, String> query(Randoms r) {
    return r.oneOf(
        Map.of(),
        Map.of("fields", "Id,Name"),
        Map.of("fields", "Nope"),
        Map.of("start", "2026-01-01T00:00:00+00:00", "end", "x"),
        Map.of("ids", "001,003"),
        Map.of("updateOnly", "true"));
  }

  private static String body(Randoms r) {
    return switch (r.between(0, 2)) {
      case 0 -> record(r);
      case 1 -> r.text(30);
      default ->
          r.oneOf("", "[]", "null", "{", "{\"a\":[1,{}]}", DEEP_JSON, "{\"Name\":\"a\\u0000b\"}");
    };
  }

  private static String record(Randoms r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    List<String> fields = r.list(0, 6, () -> r.oneOf(FIELD_NAMES));
    o.putObject("attributes")
        .put("type", r.oneOf(OBJECT_NAMES))
        .put("referenceId", "ref" + fields.size());
    for (String f : fields) {
      if (f.equals("attributes")) {
        continue;
      }
      o.putPOJO(f, value(r));
    }
    return o.toString();
  }

  private static Object value(Randoms r) {
    return switch (r.between(0, 5)) {
      case 0 -> r.text(300);
      case 1 -> r.between(Integer.MIN_VALUE, Integer.MAX_VALUE - 1);
      case 2 -> r.nextDouble();
      case 3 -> r.bool();
      case 4 ->
          r.oneOf(
              "2026-01-01T00:00:00Z",
              "2026-13-01",
              "Text",
              "Agent",
              "Open - Not Contacted",
              "\u0000",
              "a\u0000b",
              "99999-12-31T00:00:00Z",
              "294277-01-01",
              new java.math.BigInteger("99999999999999999999999"),
              4294967297L,
              1e308,
              "@{r1.records[99999999999].Id}",
              "@{r0.id}");
      default -> SalesforceIds.generate(r.oneOf("001", "003", "0Mw", "005", "0PA"), 7);
    };
  }
}
