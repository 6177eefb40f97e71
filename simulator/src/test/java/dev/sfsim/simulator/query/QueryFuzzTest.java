package dev.sfsim.simulator.query;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.http.ApiVersion;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.soql.FuzzCheck;
import dev.sfsim.simulator.soql.RandomSoql;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The database share of the SOQL fuzzing (jqwik): generated and mutated queries run through {@link QueryService}
 * against the embedded PostgreSQL, so that no SQL error escapes as a 500 or leaks its text — every failure is a
 * Salesforce 400/501 ({@link FuzzCheck}).
 */
class QueryFuzzTest {
    static final int TRIES = 3_000;
    private static Database db;
    private static QueryService service;
    private static FuzzCheck check;

    @BeforeContainer
    static void start() {
        db = Database.embedded();
        service = new QueryService(db.jdbi(), Catalog.standard());
        QueryFixtures.insert(db.jdbi());
        ConvMessageSendRequestRows.insert(db.jdbi(), 300, 1);
        check = new FuzzCheck();
    }

    @AfterContainer
    static void stop() {
        check.close();
        db.close();
    }

    @Property(tries = TRIES)
    void queriesRunOrFailAsSalesforceErrors(@ForAll("queries") String soql) {
        check.check(soql, q -> service.query(q, new ApiVersion(60), q.length() % 2 == 0, 200));
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.longs().map(seed -> seed % 3 == 0 ? new RandomSoql(seed).mutated() : new RandomSoql(seed).query());
    }
}
