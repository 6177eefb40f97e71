package dev.sfsim.simulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sfsim.simulator.FuzzedRandom;
import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.catalog.Catalog;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of SOQL with Jazzer: parser + resolver + translator for every input, and
 * every {@link #ENDPOINT_EVERY}th input also through {@code GET /query} (or {@code /queryAll}) of
 * the in-process simulator over the embedded PostgreSQL ({@link SoqlEndpointCheck}). Every input is
 * one of four kinds, chosen by its bytes: a query generated from a SOQL grammar over the catalog
 * ({@link RandomSoql} drawing every choice from the input through {@link FuzzedRandom}), such a
 * query mutated (characters and tokens deleted, inserted, swapped), token soup, or the raw input as
 * text (which libFuzzer mutates, guided by coverage and by the strings our code compares with). The
 * oracle ({@link FuzzCheck}): compiled, or a Salesforce 400/501 whose message leaks no SQL or Java,
 * within 20 s; compiled SQL carries no quoted value (all bound); on the wire, 200 with a query
 * result or a Salesforce error body, never a 500. Hand-picked edge cases are in {@link
 * SoqlEdgeCaseTest}.
 *
 * <p>{@code ./mvnw verify} runs it in Jazzer's fuzzing mode for {@link #EXECUTIONS} inputs (the
 * {@code fuzz} Surefire execution sets {@code JAZZER_FUZZ=1}; under a minute of fuzzing on two
 * cores, plus the simulator's start) and prints how many inputs compiled, failed, and went through
 * the endpoint. It first replays the committed seeds and any finding in {@code
 * src/test/resources/dev/sfsim/simulator/soql/SoqlFuzzTestInputs/soql/}; a new finding is written
 * there as {@code crash-<sha1>}, so the next run (and anyone's {@code ./mvnw verify}) reproduces
 * it. To fuzz longer:
 *
 * <pre>
 * ./mvnw -B -pl simulator -am test-compile surefire:test@fuzz -Dtest=SoqlFuzzTest -Djazzer.max_executions=0 -Djazzer.max_duration=30m
 * </pre>
 *
 * (Jazzer keeps its growing corpus in {@code simulator/.cifuzz-corpus}, ignored by git.)
 */
class SoqlFuzzTest {
  static final int EXECUTIONS = 100_000;
  static final int ENDPOINT_EVERY = 40;
  private static final FuzzCheck CHECK = new FuzzCheck();
  private static final SoqlCompiler COMPILER = new SoqlCompiler(Catalog.standard());
  private static final List<String> TOKENS =
      List.of(
          "SELECT",
          "FROM",
          "WHERE",
          "GROUP",
          "BY",
          "HAVING",
          "ORDER",
          "LIMIT",
          "OFFSET",
          "Id",
          "Name",
          "COUNT(Id)",
          "COUNT()",
          "MessagingEndUser",
          "ConvMessageSendRequest",
          "=",
          "<",
          "IN",
          "(",
          ")",
          ",",
          "'x'",
          "1",
          "TODAY",
          "LAST_N_DAYS:2",
          "AND",
          "OR",
          "NOT",
          "null",
          "FIELDS(ALL)",
          "FOR",
          "VIEW",
          "WITH",
          "USER_MODE",
          "CALENDAR_MONTH(CreatedDate)",
          "a",
          "DESC",
          "NULLS",
          "LAST",
          "CreatedDate",
          "RequestStatus",
          "TYPEOF",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "INCLUDES",
          "EXCLUDES",
          "toLabel(Name)",
          "FORMAT(CreatedDate)",
          "ConversationEntries",
          ".",
          "'",
          "\\",
          "4294967297",
          "99999999999999999999",
          "1e400",
          "LAST_N_DAYS:4294967297",
          "'\u0000'",
          "\u0000",
          "99999-01-01");
  private static final AtomicLong inputs = new AtomicLong();
  private static final AtomicLong compiled = new AtomicLong();
  private static final AtomicLong endpointCalls = new AtomicLong();
  private static final AtomicLong endpointOk = new AtomicLong();
  private static SoqlEndpointCheck endpoint;

  /** The simulator starts before fuzzing, so that its start is not taken for a slow input. */
  @BeforeAll
  static void startEndpoint() {
    endpoint = new SoqlEndpointCheck(TestSimulator.baseUrl(), TestSimulator.token());
  }

  @AfterAll
  static void report() {
    CHECK.close();
    long n = inputs.get();
    System.out.printf(
        "SoqlFuzzTest: %,d inputs through parse+resolve+translate (%,d compiled, %,d Salesforce errors); "
            + "%,d through GET /query (%,d answered 200, the rest Salesforce errors)%n",
        n, compiled.get(), n - compiled.get(), endpointCalls.get(), endpointOk.get());
    long asked =
        Long.getLong("jazzer.max_executions", EXECUTIONS); // 0: unlimited (stopped by max_duration)
    if (fuzzing() && asked > 0) {
      assertThat(n).as("inputs fuzzed").isGreaterThanOrEqualTo(asked);
    }
  }

  private static boolean fuzzing() {
    String env = System.getenv("JAZZER_FUZZ");
    return env != null && !env.isBlank();
  }

  @FuzzTest(maxExecutions = EXECUTIONS, maxDuration = "10m")
  void soql(FuzzedDataProvider data) {
    String soql =
        switch (data.consumeInt(0, 3)) {
          case 0 -> new RandomSoql(new FuzzedRandom(data)).query();
          case 1 -> new RandomSoql(new FuzzedRandom(data)).mutated();
          case 2 -> tokenSoup(data);
          default -> data.consumeRemainingAsString();
        };
    long n = inputs.incrementAndGet();
    if (compileOrFailAsSalesforce(soql)) {
      compiled.incrementAndGet();
    }
    if (n % ENDPOINT_EVERY == 0) {
      if (endpoint.check(soql, n % 2 == 0)) {
        endpointOk.incrementAndGet();
      }
      endpointCalls.incrementAndGet();
    }
  }

  private static String tokenSoup(FuzzedDataProvider data) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = data.consumeInt(1, 25); i < n; i++) {
      sb.append(data.pickValue(TOKENS)).append(data.consumeBoolean() ? " " : "");
    }
    return sb.toString();
  }

  static boolean compileOrFailAsSalesforce(String soql) {
    return CHECK.check(
        soql,
        q -> {
          CompiledQuery c = COMPILER.compile(q, 60.0, q.hashCode() % 2 == 0);
          // The only quoted text in SQL is the simulator's own time zone constant; values are all
          // bound.
          assertThat(c.sql().replace("'UTC'", "")).as(q).doesNotContain("'").doesNotContain("\"");
          return c;
        });
  }
}
