package dev.sfsim.testcontainers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A user's suite, timed: {@link SuiteBenchmarkCases} (200 tests of a
 * {@code @SalesforceSimulatorTest} class, in-process simulator, 200 startup fixture records,
 * instant profile; each reset, send one message, await Completed, one query) run through the JUnit
 * Platform launcher. Prints the class's wall time (simulator start included, and without it) and
 * the median and p90 of one test, each beside its target and the load average. Prints figures;
 * never fails on time.
 *
 * <p>The first class run with a simulator jar prepares the shared data directory the in-process
 * mode copies (initdb, migrations: on a user's machine once per simulator version; a reactor build
 * with {@code -am} writes a new jar, so its first run pays it); every later class copies it. The
 * profile runs the class twice, each in its own JVM, and each run says which it was.
 *
 * <pre>
 * ./mvnw -B -q -pl testcontainers-module -am -Psuite-bench -DskipTests -DskipITs verify
 * </pre>
 */
public final class SuiteBenchmark {
  private SuiteBenchmark() {}

  public static void main(String[] args) throws Exception {
    Set<Path> preparedBefore = preparedDirectories();
    Map<String, Long> started = new ConcurrentHashMap<>();
    List<Double> tests = new ArrayList<>();
    long[] firstTest = {0};
    TestExecutionListener timing =
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
              started.put(id.getUniqueId(), System.nanoTime());
              if (firstTest[0] == 0) {
                firstTest[0] = System.nanoTime();
              }
            }
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Long t0 = started.remove(id.getUniqueId());
            if (id.isTest() && t0 != null) {
              synchronized (tests) {
                tests.add((System.nanoTime() - t0) / 1e6);
              }
            }
          }
        };
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(SuiteBenchmarkCases.class))
            .build();
    Launcher launcher = LauncherFactory.create();
    long t0 = System.nanoTime();
    launcher.execute(request, timing, summary);
    long end = System.nanoTime();
    var s = summary.getSummary();
    if (s.getTotalFailureCount() > 0 || s.getTestsSucceededCount() != SuiteBenchmarkCases.TESTS) {
      s.getFailures().forEach(f -> f.getException().printStackTrace());
      throw new IllegalStateException(
          s.getTestsSucceededCount() + " of " + SuiteBenchmarkCases.TESTS + " tests passed");
    }
    double[] sorted = tests.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.println(
        preparedDirectories().equals(preparedBefore)
            ? "Suite benchmark, the data directory prepared before (every class but a build's first):"
            : "Suite benchmark, this run prepared the data directory (once per simulator jar):");
    System.out.printf(
        Locale.ROOT,
        "%-48s %7.2f s   (target < 10 s)  load %s%n",
        "200-test class, wall time",
        (end - t0) / 1e9,
        load());
    System.out.printf(
        Locale.ROOT,
        "%-48s %7.2f s   (the simulator's start excluded)%n",
        "  of which the 200 tests",
        (end - firstTest[0]) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "%-48s median %6.1f ms  p90 %6.1f ms  (reset, token, send 1, await, query)%n",
        "  one test",
        sorted[sorted.length / 2],
        sorted[(int) Math.ceil(sorted.length * 0.9) - 1]);
  }

  /** The in-process mode's prepared data directories, each marked ready when prepared. */
  private static Set<Path> preparedDirectories() throws IOException {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "sfsim-in-process");
    if (!Files.isDirectory(root)) {
      return Set.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("ready"))).collect(Collectors.toSet());
    }
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "?";
    }
  }
}
