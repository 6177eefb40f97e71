package dev.sfsim.simulator.bench;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.persistence.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A/B in one run: the selective query of {@link SoqlBenchmark} over HTTP with {@code bench.threads}
 * connections against two simulators on one PostgreSQL, one reaching it over its Unix-domain socket
 * (as the simulator reaches its embedded server), the other over loopback TCP (as with an external
 * database URL). The runs alternate, {@code bench.rounds} each (2) after a round 0 that is not
 * counted (the JVM both share still compiling), so both see the same machine load; prints q/s and
 * the simulator's CPU per request of every run, then each side's median.
 *
 * <pre>./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=SoqlSocketBenchmark</pre>
 *
 * Options: {@code bench.seconds} (10), {@code bench.warmup} (10), {@code bench.threads} (8), {@code
 * bench.rounds} (2), {@code bench.asprof} (profiles every measured run, {@link AsyncProfiler}, into
 * {@code /tmp/sfsim-asprof-<threads>c-<unix|tcp><round>.collapsed}).
 */
public final class SoqlSocketBenchmark {
  private SoqlSocketBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int threads = Integer.getInteger("bench.threads", 8);
    int rounds = Integer.getInteger("bench.rounds", 2);
    Path sockets = Files.createTempDirectory("soql-pg");
    try (EmbeddedPostgres pg = SoqlBenchmark.withSocketIn(sockets).start()) {
      String tcpUrl = pg.getJdbcUrl("postgres", "postgres");
      String unixUrl = SoqlBenchmark.overSocket(pg, sockets);
      if (unixUrl.equals(tcpUrl)) {
        System.out.println("SoqlSocketBenchmark: junixsocket cannot load here; nothing to compare");
        return;
      }
      // seeded after the starts: a simulator's first start resets the org
      try (Simulator unix = SoqlBenchmark.simulatorOn(unixUrl);
          Simulator tcp = SoqlBenchmark.simulatorOn(tcpUrl);
          Database db = SoqlBenchmark.seeded(tcpUrl)) {
        System.out.printf(
            "SoqlSocketBenchmark: %d connections, %d s per run, %d rounds; load average %s%n",
            threads, seconds, rounds, SoqlBenchmark.loadAverage());
        String path =
            "/services/data/v60.0/query?q="
                + URLEncoder.encode(SoqlBenchmark.selective(54321), StandardCharsets.UTF_8);
        List<SoqlBenchmark.LoadResult> overUnix = new ArrayList<>();
        List<SoqlBenchmark.LoadResult> overTcp = new ArrayList<>();
        // round 0 is not counted: both simulators share this JVM, whose first runs still compile
        for (int r = 0; r <= rounds; r++) {
          for (boolean socket : new boolean[] {true, false}) {
            Simulator s = socket ? unix : tcp;
            System.out.println(
                (socket ? "Unix socket" : "TCP")
                    + ", round "
                    + r
                    + (r == 0 ? " (not counted):" : ":"));
            SoqlBenchmark.LoadResult result =
                HttpThroughput.run(
                    s.baseUrl() + path, SoqlBenchmark.token(s.baseUrl()), threads, seconds, null);
            if (r > 0) {
              (socket ? overUnix : overTcp).add(result);
            }
            Path profile = Path.of("/tmp/sfsim-asprof-" + threads + "c.collapsed");
            if (Files.exists(profile)) {
              Files.move(
                  profile,
                  profile.resolveSibling(
                      "sfsim-asprof-"
                          + threads
                          + "c-"
                          + (socket ? "unix" : "tcp")
                          + r
                          + ".collapsed"),
                  java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            System.out.println("  load average: " + SoqlBenchmark.loadAverage());
          }
        }
        System.out.println();
        System.out.println("SUMMARY (load average now " + SoqlBenchmark.loadAverage() + ")");
        summary("simulator to PostgreSQL over its Unix socket", overUnix);
        summary("simulator to PostgreSQL over loopback TCP  ", overTcp);
      }
    }
  }

  private static void summary(String what, List<SoqlBenchmark.LoadResult> runs) {
    StringBuilder each = new StringBuilder();
    for (SoqlBenchmark.LoadResult r : runs) {
      each.append(String.format(" %.0f q/s %.3f ms;", r.qps(), r.cpuMs()));
    }
    System.out.printf(
        "  %s: median %.0f q/s, %.3f ms simulator CPU per request (runs:%s)%n",
        what,
        median(runs.stream().mapToDouble(SoqlBenchmark.LoadResult::qps).toArray()),
        median(runs.stream().mapToDouble(SoqlBenchmark.LoadResult::cpuMs).toArray()),
        each);
  }

  private static double median(double[] values) {
    java.util.Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
