package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.error.SalesforceException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Throws generated and mutated queries at the compiler: every failure must be a {@link SalesforceException}
 * with status 400 or 501 (never another exception, never a 500), and ANTLR must print nothing.
 */
class SoqlFuzzTest {
    private final SoqlCompiler compiler = new SoqlCompiler(Catalog.standard());

    @Test
    void generatedAndMutatedQueriesFailOnlyAsSalesforceErrors() {
        RandomSoql random = new RandomSoql(20240601L);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 400; i++) queries.add(random.query());
        for (int i = 0; i < 800; i++) queries.add(random.mutated());
        int compiled = 0;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String q : queries) {
                if (compileOrFailAsSalesforce(q)) compiled++;
            }
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("nothing printed to stderr").isEmpty();
        assertThat(compiled).as("some generated queries are valid").isGreaterThan(50);
    }

    @Test
    void pathologicalInputs() {
        String deep = "SELECT Id FROM MessagingEndUser WHERE " + "(".repeat(20_000) + "Name = 'a'" + ")".repeat(20_000);
        String wide = "SELECT Id FROM MessagingEndUser WHERE Name IN (" + "'a', ".repeat(15_000) + "'b')";
        String deepest = "SELECT Id FROM MessagingEndUser WHERE " + "(".repeat(64) + "Name = 'a'" + ")".repeat(64);
        for (String q : List.of(deep, deepest, wide, "\u0000", "SELECT", "SELECT Id FROM", "'", "\\", "SELECT Id FROM MessagingEndUser WHERE Name = '\\",
                "SELECT Id FROM MessagingEndUser WHERE Name = '\\u12'", "\uD83D\uDE00 SELECT", "SELECT Id FROM MessagingEndUser LIMIT 99999999999999999999999")) {
            compileOrFailAsSalesforce(q);
        }
    }

    private boolean compileOrFailAsSalesforce(String q) {
        try {
            CompiledQuery c = compiler.compile(q, 60.0, false);
            assertThat(c.sql()).doesNotContain("'");
            return true;
        } catch (SalesforceException e) {
            assertThat(e.status()).as(q).isIn(400, 501);
            assertThat(e.getMessage()).as(q).isNotBlank();
            return false;
        } catch (Throwable t) {
            fail("not a SalesforceException for %s", q, t);
            return false;
        }
    }
}
