package dev.sfsim.simulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-picked edge of SOQL fuzzing, beside {@link SoqlFuzzTest}: pathological sizes and
 * nesting, broken escapes and numbers, and ANTLR staying silent on stderr. Same oracle ({@link
 * FuzzCheck}).
 */
class SoqlEdgeCaseTest {
  @Test
  void pathologicalInputs() {
    String deep =
        "SELECT Id FROM MessagingEndUser WHERE "
            + "(".repeat(20_000)
            + "Name = 'a'"
            + ")".repeat(20_000);
    String wide =
        "SELECT Id FROM MessagingEndUser WHERE Name IN (" + "'a', ".repeat(15_000) + "'b')";
    String deepest =
        "SELECT Id FROM MessagingEndUser WHERE " + "(".repeat(64) + "Name = 'a'" + ")".repeat(64);
    String spaces = "SELECT Id FROM MessagingEndUser" + " ".repeat(90_000) + "FOR VIEW";
    for (String q :
        List.of(
            deep,
            deepest,
            wide,
            spaces,
            "\u0000",
            "SELECT",
            "SELECT Id FROM",
            "'",
            "\\",
            "SELECT Id FROM MessagingEndUser WHERE Name = '\\",
            "SELECT Id FROM MessagingEndUser WHERE Name = '\\u12'",
            "\uD83D\uDE00 SELECT",
            "SELECT Id FROM MessagingEndUser LIMIT 99999999999999999999999",
            "SELECT Id FROM MessagingEndUser WHERE CreatedDate = LAST_N_DAYS:99999999999",
            "SELECT COUNT(Id) FROM MessagingEndUser GROUP BY " + "Name, ".repeat(5_000) + "Name")) {
      SoqlFuzzTest.compileOrFailAsSalesforce(q);
    }
  }

  @Test
  void validQueriesMostlyCompileAndNothingIsPrinted() {
    RandomSoql random = new RandomSoql(20240601L);
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int ok = 0;
    try {
      for (int i = 0; i < 1_000; i++) {
        if (SoqlFuzzTest.compileOrFailAsSalesforce(random.query())) {
          ok++;
        }
      }
    } finally {
      System.setErr(err);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).as("nothing printed to stderr").isEmpty();
    assertThat(ok).as("some generated queries are valid").isGreaterThan(100);
  }
}
