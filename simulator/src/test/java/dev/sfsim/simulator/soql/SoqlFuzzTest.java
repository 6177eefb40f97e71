package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.Randoms;
import dev.sfsim.simulator.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing of the parser and compiler with seeded random inputs: generated queries over the catalog (plain and
 * aggregate), mutations of them, token soup and arbitrary text — {@link #TRIES} of each, 100,000 in all. Every query
 * compiles or fails as a Salesforce 400/501 ({@link FuzzCheck}); compiled SQL carries no quote (every value is bound),
 * and ANTLR prints nothing. {@code SoqlFuzz} (bench) runs any number.
 */
class SoqlFuzzTest {
    static final int TRIES = 25_000;
    private static final FuzzCheck CHECK = new FuzzCheck();
    private static final List<String> TOKENS = List.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT",
            "OFFSET", "Id", "Name", "COUNT(Id)", "COUNT()", "MessagingEndUser", "ConvMessageSendRequest", "=", "<", "IN", "(", ")",
            ",", "'x'", "1", "TODAY", "LAST_N_DAYS:2", "AND", "OR", "NOT", "null", "FIELDS(ALL)", "FOR", "VIEW", "WITH", "USER_MODE",
            "CALENDAR_MONTH(CreatedDate)", "a", "DESC", "NULLS", "LAST", "CreatedDate", "RequestStatus");
    private final SoqlCompiler compiler = new SoqlCompiler(Catalog.standard());

    @AfterAll
    static void close() {
        CHECK.close();
    }

    @Test
    void generatedQueries() {
        run(1, r -> new RandomSoql(r.nextLong()).query());
    }

    @Test
    void mutatedQueries() {
        run(2, r -> new RandomSoql(r.nextLong()).mutated());
    }

    @Test
    void tokenSoup() {
        run(3, r -> String.join(" ", r.list(1, 25, () -> r.oneOf(TOKENS))));
    }

    @Test
    void arbitraryText() {
        run(4, r -> switch (r.between(0, 2)) {
            case 0 -> r.text(200);
            case 1 -> r.textOf("SELECTFROMWHEREId ,()'=<>:.\\%_-0123456789", 120);
            default -> "SELECT Id FROM MessagingEndUser WHERE Name = " + r.text(80);
        });
    }

    @Test
    void pathologicalInputs() {
        String deep = "SELECT Id FROM MessagingEndUser WHERE " + "(".repeat(20_000) + "Name = 'a'" + ")".repeat(20_000);
        String wide = "SELECT Id FROM MessagingEndUser WHERE Name IN (" + "'a', ".repeat(15_000) + "'b')";
        String deepest = "SELECT Id FROM MessagingEndUser WHERE " + "(".repeat(64) + "Name = 'a'" + ")".repeat(64);
        String spaces = "SELECT Id FROM MessagingEndUser" + " ".repeat(90_000) + "FOR VIEW";
        for (String q : List.of(deep, deepest, wide, spaces, "\u0000", "SELECT", "SELECT Id FROM", "'", "\\",
                "SELECT Id FROM MessagingEndUser WHERE Name = '\\", "SELECT Id FROM MessagingEndUser WHERE Name = '\\u12'",
                "\uD83D\uDE00 SELECT", "SELECT Id FROM MessagingEndUser LIMIT 99999999999999999999999",
                "SELECT Id FROM MessagingEndUser WHERE CreatedDate = LAST_N_DAYS:99999999999",
                "SELECT COUNT(Id) FROM MessagingEndUser GROUP BY " + "Name, ".repeat(5_000) + "Name")) {
            compileOrFailAsSalesforce(q);
        }
    }

    @Test
    void validQueriesMostlyCompileAndNothingIsPrinted() {
        RandomSoql random = new RandomSoql(20240601L);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int compiled = 0;
        try {
            for (int i = 0; i < 1_000; i++) if (compileOrFailAsSalesforce(random.query())) compiled++;
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("nothing printed to stderr").isEmpty();
        assertThat(compiled).as("some generated queries are valid").isGreaterThan(100);
    }

    private void run(long seed, Function<Randoms, String> input) {
        Randoms r = new Randoms(seed);
        for (int i = 0; i < TRIES; i++) compileOrFailAsSalesforce(input.apply(r));
    }

    private boolean compileOrFailAsSalesforce(String soql) {
        return CHECK.check(soql, q -> {
            CompiledQuery c = compiler.compile(q, 60.0, q.hashCode() % 2 == 0);
            // The only quoted text in SQL is the simulator's own time zone constant; values are all bound.
            assertThat(c.sql().replace("'UTC'", "")).as(q).doesNotContain("'").doesNotContain("\"");
            return c;
        });
    }
}
