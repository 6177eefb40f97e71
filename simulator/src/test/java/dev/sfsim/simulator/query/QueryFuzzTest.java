package dev.sfsim.simulator.query;

import dev.sfsim.simulator.Randoms;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.http.ApiVersion;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.soql.FuzzCheck;
import dev.sfsim.simulator.soql.RandomSoql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database share of the SOQL fuzzing: {@link #TRIES} generated and mutated queries (seeded, reproducible) run
 * through {@link QueryService} against the embedded PostgreSQL, so that no SQL error escapes as a 500 or leaks its
 * text — every failure is a Salesforce 400/501 ({@link FuzzCheck}).
 */
class QueryFuzzTest {
    static final int TRIES = 3_000;
    private static Database db;
    private static QueryService service;
    private static FuzzCheck check;

    @BeforeAll
    static void start() {
        db = Database.embedded();
        service = new QueryService(db.jdbi(), Catalog.standard());
        QueryFixtures.insert(db.jdbi());
        ConvMessageSendRequestRows.insert(db.jdbi(), 300, 1);
        check = new FuzzCheck();
    }

    @AfterAll
    static void stop() {
        check.close();
        db.close();
    }

    @Test
    void queriesRunOrFailAsSalesforceErrors() {
        Randoms r = new Randoms(5);
        for (int i = 0; i < TRIES; i++) {
            long seed = r.nextLong();
            String soql = seed % 3 == 0 ? new RandomSoql(seed).mutated() : new RandomSoql(seed).query();
            check.check(soql, q -> service.query(q, new ApiVersion(60), q.length() % 2 == 0, 200));
        }
    }
}
