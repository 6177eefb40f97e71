package dev.sfsim.simulator.bench;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.persistence.UnixSocket;
import dev.sfsim.simulator.query.ConvMessageSendRequestRows;
import dev.sfsim.simulator.query.QueryService;
import dev.sfsim.simulator.soql.CompiledQuery;
import dev.sfsim.simulator.soql.SoqlCompiler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SOQL speed with 100,000 ConvMessageSendRequest rows (issue 3). Prints, never fails on time:
 *
 * <ol>
 *   <li>parse + resolve + translate of a typical query (fresh compiler, no cache) and a cached
 *       compile, median µs;
 *   <li>a selective query through {@link QueryService} in-process, median ms, beside the same SQL
 *       straight against PostgreSQL (the ratio to beat);
 *   <li>HTTP latency and throughput of the same query against a running simulator, from a second
 *       process, with 1 connection and with {@code bench.threads} (q/s, p50, p90, p99, the
 *       simulator's CPU per request): {@code wrk} when it is on the PATH ({@code apt-get install -y
 *       wrk}), else a second JVM ({@link HttpLoad}); a warm-up run (not counted) comes first;
 *   <li>after each, the same statement straight against PostgreSQL from a second process with the
 *       same number of connections ({@code pgbench}, prepared statements), and the ratio HTTP /
 *       PostgreSQL.
 * </ol>
 *
 * <pre>./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=SoqlBenchmark</pre>
 *
 * Options (system properties, add {@code -Dbench.seconds=20} etc. to the command): {@code
 * bench.seconds} (10), {@code bench.warmup} seconds of unmeasured load before each HTTP run (10),
 * {@code bench.threads} connections (8), {@code bench.jfr=/tmp/soql.jfr} records a JFR profile of
 * the simulator during the measured multi-connection HTTP run (read it with {@code jfr print
 * --events jdk.ExecutionSample}), {@code bench.asprof=/path/async-profiler-4.1-linux-x64.jar}
 * profiles both HTTP runs with async-profiler ({@link AsyncProfiler}). The machine's load average
 * is printed before and after: other work on the machine lowers every figure. The simulator reaches
 * PostgreSQL over its Unix-domain socket, as it reaches its own embedded server ({@code
 * -Dbench.database=tcp}: over loopback TCP, as an external database URL does); {@link
 * SoqlSocketBenchmark} compares the two in one run.
 */
public final class SoqlBenchmark {
  static final int ROWS = 100_000;
  static final String TYPICAL =
      "SELECT Id, Name, RequestStatus, TotalMessageCount, CreatedDate FROM ConvMessageSendRequest"
          + " WHERE RequestStatus = 'Pending' AND CreatedDate = LAST_N_DAYS:7 ORDER BY CreatedDate DESC LIMIT 50";

  private SoqlBenchmark() {}

  static String selective(int n) {
    return "SELECT Id, Name, RequestStatus, TotalMessageCount FROM ConvMessageSendRequest WHERE Name = '"
        + name(n)
        + "'";
  }

  static String name(int n) {
    return "MSJ-" + String.format("%08d", n);
  }

  /** A simulator on port 0 over the PostgreSQL at {@code url} (user {@code postgres}). */
  static Simulator simulatorOn(String url) {
    return Simulator.start(
        SimulatorConfig.fromEnvironment(
            Map.of(
                "SFSIM_PORT", "0", "SFSIM_DATABASE_URL", url, "SFSIM_DATABASE_USER", "postgres")));
  }

  /** An embedded PostgreSQL that also listens on a socket in {@code directory}. */
  static EmbeddedPostgres.Builder withSocketIn(Path directory) {
    return EmbeddedPostgres.builder()
        .setServerConfig("unix_socket_directories", directory.toString());
  }

  /**
   * A JDBC URL over {@code pg}'s socket in {@code directory}, as the simulator reaches its own
   * embedded server; TCP where junixsocket cannot load.
   */
  static String overSocket(EmbeddedPostgres pg, Path directory) {
    return UnixSocket.jdbcUrl(directory, pg.getPort(), "postgres")
        .orElse(pg.getJdbcUrl("postgres", "postgres"));
  }

  /** The default org's database with {@link #ROWS} send requests inserted and analysed. */
  static Database seeded(String url) {
    Database db = Database.external(url, "postgres", null);
    ConvMessageSendRequestRows.insert(db.jdbi(), ROWS, 1, true);
    db.jdbi().useHandle(h -> h.execute("ANALYZE conv_message_send_request"));
    return db;
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int threads = Integer.getInteger("bench.threads", 8);
    String jfr =
        System.getProperty("bench.jfr", "").isBlank() ? null : System.getProperty("bench.jfr");
    Path sockets = Files.createTempDirectory("soql-pg");
    try (EmbeddedPostgres pg = withSocketIn(sockets).start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      boolean tcp = "tcp".equals(System.getProperty("bench.database"));
      String simulatorUrl = tcp ? url : overSocket(pg, sockets);
      try (Simulator simulator = simulatorOn(simulatorUrl);
          Database db = seeded(url)) {
        System.out.printf(
            "SoqlBenchmark: %,d ConvMessageSendRequest rows; %d cores; java %s; load average %s;"
                + " simulator to PostgreSQL over %s%n",
            ROWS,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version(),
            loadAverage(),
            simulatorUrl.equals(url) ? "TCP" : "its Unix-domain socket");

        Catalog catalog = Catalog.standard();
        double uncached =
            medianMicros(20_000, () -> new SoqlCompiler(catalog).compile(TYPICAL, 60.0));
        SoqlCompiler shared = new SoqlCompiler(catalog);
        double cached = medianMicros(200_000, () -> shared.compile(TYPICAL, 60.0));
        System.out.printf(
            "parse+resolve+translate (typical query, no cache): median %.1f µs; cached plan: median %.2f µs%n",
            uncached, cached);

        QueryService service = new QueryService(db.jdbi(), shared, new SimClock());
        ApiVersion v60 = new ApiVersion(60);
        int[] i = {0};
        double inProcess =
            medianMicros(
                    5_000, () -> service.query(selective(1 + (i[0]++ * 7919) % ROWS), v60, false))
                / 1000;
        CompiledQuery sql = shared.compile(selective(1), 60.0);
        double raw =
            medianMicros(
                    5_000,
                    () ->
                        db.jdbi()
                            .withHandle(
                                h ->
                                    h.createQuery(sql.sql())
                                        .bind(0, name(1 + (i[0]++ * 7919) % ROWS))
                                        .mapToMap()
                                        .list()))
                / 1000;
        System.out.printf(
            "selective query in-process: median %.3f ms; same SQL straight against PostgreSQL: median %.3f ms; ratio %.2f%n",
            inProcess, raw, inProcess / raw);
        System.out.println("  query: " + selective(1));
        System.out.println("  SQL:   " + sql.sql());

        String token = token(simulator.baseUrl());
        String target =
            simulator.baseUrl()
                + "/services/data/v60.0/query?q="
                + URLEncoder.encode(selective(54321), StandardCharsets.UTF_8);
        String direct = sql.sql().replace("?", "'" + name(54321) + "'");
        System.out.println("HTTP, 1 connection:");
        LoadResult http1 = HttpThroughput.run(target, token, 1, seconds, null);
        System.out.println("PostgreSQL direct, 1 connection:");
        LoadResult direct1 = PgBench.run(pg, direct, 1, seconds);
        System.out.println("HTTP, " + threads + " connections:");
        LoadResult http = HttpThroughput.run(target, token, threads, seconds, jfr);
        System.out.println("  load average after HTTP run: " + loadAverage());
        System.out.println("PostgreSQL direct, " + threads + " connections:");
        LoadResult directN = PgBench.run(pg, direct, threads, seconds);
        System.out.println("  load average after PostgreSQL run: " + loadAverage());

        System.out.println();
        System.out.println(
            "SUMMARY (HTTP and PostgreSQL-direct both from a second process, "
                + seconds
                + " s each; load average now "
                + loadAverage()
                + ")");
        System.out.println(
            "  " + http1.describe("HTTP GET /query, 1 connection (" + http1.tool() + ")"));
        System.out.println(
            "  " + direct1.describe("PostgreSQL direct, 1 connection (" + direct1.tool() + ")"));
        System.out.println(
            "  "
                + http.describe(
                    "HTTP GET /query, " + threads + " connections (" + http.tool() + ")"));
        System.out.println(
            "  "
                + directN.describe(
                    "PostgreSQL direct, " + threads + " connections (" + directN.tool() + ")"));
        if (http.qps() > 0 && directN.qps() > 0) {
          System.out.printf(
              "  ratio HTTP / PostgreSQL-direct throughput, %d connections: %.2f (targets: HTTP >="
                  + " 10,000 q/s at < 0.1 ms simulator CPU per request; 1 connection p50 < 0.5 ms)%n",
              threads, http.qps() / directN.qps());
        }
        System.out.printf(
            "  in-process median %.3f ms vs PostgreSQL-direct median %.3f ms (ratio %.2f; target < 2 ms); "
                + "compile %.1f µs uncached / %.2f µs cached (target < 50 µs)%n",
            inProcess, raw, inProcess / raw, uncached, cached);
      }
    }
  }

  /**
   * One load run: queries per second and latency percentiles in milliseconds (NaN when unknown).
   */
  record LoadResult(
      String tool, double qps, double p50, double p90, double p99, long errors, double cpuMs) {
    LoadResult(String tool, double qps, double p50, double p90, double p99, long errors) {
      this(tool, qps, p50, p90, p99, errors, Double.NaN);
    }

    LoadResult withCpu(double cpuMsPerRequest) {
      return new LoadResult(tool, qps, p50, p90, p99, errors, cpuMsPerRequest);
    }

    String describe(String what) {
      return String.format(
              "%s: %.0f q/s, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, %d errors",
              what, qps, p50, p90, p99, errors)
          + (Double.isNaN(cpuMs)
              ? ""
              : String.format(", simulator CPU %.3f ms per request", cpuMs));
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  static Path onPath(String program, String... extraDirs) {
    String path =
        System.getenv().getOrDefault("PATH", "")
            + java.io.File.pathSeparator
            + String.join(java.io.File.pathSeparator, extraDirs);
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Path.of(dir, program);
      }
    }
    return null;
  }

  private static double medianMicros(int runs, Supplier<?> work) {
    for (int w = 0; w < Math.min(runs, 2_000); w++) {
      work.get();
    }
    long[] nanos = new long[runs];
    for (int r = 0; r < runs; r++) {
      long t = System.nanoTime();
      work.get();
      nanos[r] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos[runs / 2] / 1000.0;
  }

  /** A password-grant access token of the default org at {@code baseUrl}. */
  static String token(String baseUrl) throws Exception {
    String form =
        "grant_type=password&client_id="
            + SimulatorConfig.DEFAULT_CLIENT_ID
            + "&client_secret="
            + SimulatorConfig.DEFAULT_CLIENT_SECRET
            + "&username="
            + URLEncoder.encode(SimulatorConfig.DEFAULT_USERNAME, StandardCharsets.UTF_8)
            + "&password="
            + SimulatorConfig.DEFAULT_PASSWORD;
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    var m =
        java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("no token: " + r.body());
    }
    return m.group(1);
  }
}
