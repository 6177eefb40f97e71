package dev.sfsim.simulator.bench;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.http.ApiVersion;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.query.ConvMessageSendRequestRows;
import dev.sfsim.simulator.query.QueryService;
import dev.sfsim.simulator.soql.CompiledQuery;
import dev.sfsim.simulator.soql.SoqlCompiler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SOQL speed with 100,000 ConvMessageSendRequest rows (issue 3). Prints, never fails on time:
 * <ol>
 *   <li>parse + resolve + translate of a typical query (fresh compiler, no cache) and a cached compile, median µs;</li>
 *   <li>a selective query through {@link QueryService} in-process, median ms, beside the same SQL straight
 *       against PostgreSQL (the ratio to beat);</li>
 *   <li>HTTP throughput of the same query against a running simulator, from a second process: {@code wrk} when it is
 *       on the PATH ({@code apt-get install -y wrk}), else a second JVM ({@link HttpLoad}).</li>
 * </ol>
 * <pre>./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=SoqlBenchmark</pre>
 */
public final class SoqlBenchmark {
    static final int ROWS = 100_000;
    static final String TYPICAL = "SELECT Id, Name, RequestStatus, TotalMessageCount, CreatedDate FROM ConvMessageSendRequest"
            + " WHERE RequestStatus = 'Pending' AND CreatedDate = LAST_N_DAYS:7 ORDER BY CreatedDate DESC LIMIT 50";

    private SoqlBenchmark() {}

    static String selective(int n) {
        return "SELECT Id, Name, RequestStatus, TotalMessageCount FROM ConvMessageSendRequest WHERE Name = 'MSJ-" + String.format("%08d", n) + "'";
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int threads = Integer.getInteger("bench.threads", 8);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (Simulator simulator = Simulator.start(SimulatorConfig.fromEnvironment(Map.of(
                    "SFSIM_PORT", "0", "SFSIM_DATABASE_URL", url, "SFSIM_DATABASE_USER", "postgres")));
                 Database db = Database.external(url, "postgres", null)) {
                ConvMessageSendRequestRows.insert(db.jdbi(), ROWS, 1, true);
                db.jdbi().useHandle(h -> h.execute("ANALYZE conv_message_send_request"));
                System.out.printf("SoqlBenchmark: %,d ConvMessageSendRequest rows; %d cores; load average %s%n", ROWS,
                        Runtime.getRuntime().availableProcessors(), loadAverage());

                Catalog catalog = Catalog.standard();
                double uncached = medianMicros(20_000, () -> new SoqlCompiler(catalog).compile(TYPICAL, 60.0));
                SoqlCompiler shared = new SoqlCompiler(catalog);
                double cached = medianMicros(200_000, () -> shared.compile(TYPICAL, 60.0));
                System.out.printf("parse+resolve+translate (typical query, no cache): median %.1f µs; cached plan: median %.2f µs%n", uncached, cached);

                QueryService service = new QueryService(db.jdbi(), shared, new SimClock());
                ApiVersion v60 = new ApiVersion(60);
                int[] i = {0};
                double inProcess = medianMicros(5_000, () -> service.query(selective(1 + (i[0]++ * 7919) % ROWS), v60, false)) / 1000;
                CompiledQuery sql = shared.compile(selective(1), 60.0);
                double raw = medianMicros(5_000, () -> db.jdbi().withHandle(h -> h.createQuery(sql.sql())
                        .bind(0, "MSJ-" + String.format("%08d", 1 + (i[0]++ * 7919) % ROWS))
                        .mapToMap().list())) / 1000;
                System.out.printf("selective query in-process: median %.3f ms; same SQL straight against PostgreSQL: median %.3f ms; ratio %.2f%n",
                        inProcess, raw, inProcess / raw);
                System.out.println("  query: " + selective(1));
                System.out.println("  SQL:   " + sql.sql());

                String token = token(simulator.baseUrl());
                String path = "/services/data/v60.0/query?q=" + URLEncoder.encode(selective(54321), StandardCharsets.UTF_8);
                boolean wrk = onPath("wrk");
                List<String> command = wrk
                        ? List.of("wrk", "-t2", "-c" + threads, "-d" + seconds + "s", "-H", "Authorization: Bearer " + token, simulator.baseUrl() + path)
                        : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                                HttpLoad.class.getName(), simulator.baseUrl() + path, token, String.valueOf(threads), String.valueOf(seconds));
                Process load = new ProcessBuilder(command).redirectErrorStream(true).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
                    out.lines().forEach(line -> System.out.println("  " + line));
                }
                System.out.println("  load average after: " + loadAverage());
                System.out.printf("HTTP throughput from a second process (%s, %d connections, %d s): see Requests/sec above (exit %d)%n",
                        wrk ? "wrk" : "HttpLoad JVM", threads, seconds, load.waitFor());
            }
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    private static double medianMicros(int runs, Supplier<?> work) {
        for (int w = 0; w < Math.min(runs, 2_000); w++) work.get();
        long[] nanos = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            work.get();
            nanos[r] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos[runs / 2] / 1000.0;
    }

    private static String token(String baseUrl) throws Exception {
        String form = "grant_type=password&client_id=" + SimulatorConfig.DEFAULT_CLIENT_ID + "&client_secret=" + SimulatorConfig.DEFAULT_CLIENT_SECRET
                + "&username=" + URLEncoder.encode(SimulatorConfig.DEFAULT_USERNAME, StandardCharsets.UTF_8) + "&password=" + SimulatorConfig.DEFAULT_PASSWORD;
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        var m = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) throw new IllegalStateException("no token: " + r.body());
        return m.group(1);
    }
}
