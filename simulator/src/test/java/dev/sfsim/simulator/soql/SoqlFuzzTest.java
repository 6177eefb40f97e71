package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.Catalog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the parser and compiler (jqwik): generated queries over the catalog (plain and
 * aggregate), mutations of them, token soup and arbitrary text. Every query compiles or fails as a Salesforce
 * 400/501 ({@link FuzzCheck}); compiled SQL carries no quote (every value is bound), and ANTLR prints nothing.
 * {@link #TRIES} queries per property run in the default suite; {@code SoqlFuzz} (bench) runs any number.
 */
class SoqlFuzzTest {
    static final int TRIES = 25_000;
    private static final FuzzCheck CHECK = new FuzzCheck();
    private final SoqlCompiler compiler = new SoqlCompiler(Catalog.standard());

    @AfterContainer
    static void close() {
        CHECK.close();
    }

    @Property(tries = TRIES)
    void generatedQueries(@ForAll("generated") String soql) {
        compileOrFailAsSalesforce(soql);
    }

    @Property(tries = TRIES)
    void mutatedQueries(@ForAll("mutated") String soql) {
        compileOrFailAsSalesforce(soql);
    }

    @Property(tries = TRIES)
    void tokenSoup(@ForAll("soup") String soql) {
        compileOrFailAsSalesforce(soql);
    }

    @Property(tries = TRIES)
    void arbitraryText(@ForAll("text") String soql) {
        compileOrFailAsSalesforce(soql);
    }

    @Example
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

    @Example
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

    @Provide
    Arbitrary<String> generated() {
        return Arbitraries.longs().map(seed -> new RandomSoql(seed).query());
    }

    @Provide
    Arbitrary<String> mutated() {
        return Arbitraries.longs().map(seed -> new RandomSoql(seed).mutated());
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET", "Id", "Name",
                        "COUNT(Id)", "COUNT()", "MessagingEndUser", "ConvMessageSendRequest", "=", "<", "IN", "(", ")", ",", "'x'",
                        "1", "TODAY", "LAST_N_DAYS:2", "AND", "OR", "NOT", "null", "FIELDS(ALL)", "FOR", "VIEW", "WITH", "USER_MODE",
                        "CALENDAR_MONTH(CreatedDate)", "a", "DESC", "NULLS", "LAST", "CreatedDate", "RequestStatus")
                .list().ofMinSize(1).ofMaxSize(25).map(tokens -> String.join(" ", tokens));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("SELECTFROMWHEREId ,()'=<>:.\\%_-0123456789").ofMaxLength(120),
                Arbitraries.strings().ofMaxLength(80).map(s -> "SELECT Id FROM MessagingEndUser WHERE Name = " + s));
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
