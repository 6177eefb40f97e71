package dev.sfsim.simulator.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The README's benchmark table: sfsim beside WireMock's standalone jar ({@code
 * org.wiremock:wiremock-standalone}, the tool sfsim's users know), measured by the same code in the
 * same run on the same machine. Prints, never fails on time:
 *
 * <ul>
 *   <li>start to ready: {@code java -jar} of each (same JVM, no flags), spawn to the first 200 of
 *       {@code GET /__admin/health}, median of {@code bench.runs}; sfsim from a prepared {@code
 *       SFSIM_EMBEDDED_DIR} (a fresh copy each run, as every container starts from the image's
 *       copy) and from nothing (unpack, initdb, migrate); the image too when {@code bench.image}
 *       names one and Docker answers;
 *   <li>idle memory 10 s after start: PSS of the JVM plus, for sfsim, its PostgreSQL processes; the
 *       image's {@code docker stats} figure;
 *   <li>{@code POST /__admin/reset}, median of 20: sfsim with 200 startup fixture records, WireMock
 *       with 200 file-backed stub mappings;
 *   <li>a GET at 1 connection (p50) and 8 connections (q/s), by {@link HttpThroughput} (the load
 *       generator of {@link SoqlBenchmark}): sfsim's selective SOQL query over 100,000 rows, in
 *       process as {@link SoqlBenchmark} runs it ({@link AnchorSoql}); WireMock's stubbed GET
 *       answering the same body.
 * </ul>
 *
 * <pre>
 * ./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=AnchorBenchmark [-Dbench.image=sfsim/simulator:0.1.0-SNAPSHOT]
 * </pre>
 *
 * Options: {@code bench.runs} (10), {@code bench.seconds} per load run (10), {@code bench.image}.
 * The load average is printed: other work on the machine lowers every figure, on both sides alike.
 */
public final class AnchorBenchmark {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private AnchorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 10);
    int seconds = Integer.getInteger("bench.seconds", 10);
    Path simulatorJar = Path.of(System.getProperty("bench.simulator.jar"));
    Path wireMockJar = Path.of(System.getProperty("bench.wiremock.jar"));
    String image = System.getProperty("bench.image", "").trim();
    Path work = Files.createTempDirectory("sfsim-anchor");
    Path log = work.resolve("servers.log");
    System.out.printf(
        "AnchorBenchmark: %d cores; java %s; load average %s; server output in %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        SoqlBenchmark.loadAverage(),
        log);
    AnchorTable table = new AnchorTable(runs);

    System.out.println("-- sfsim: selective SOQL over HTTP, in process (as SoqlBenchmark)");
    AnchorSoql.Result soql = AnchorSoql.run(seconds);
    table.soql(soql);

    System.out.println(
        "-- WireMock "
            + wireMockJar.getFileName()
            + ": java -jar (in its GET runs, the \"simulator JVM CPU\" line is this benchmark's"
            + " JVM, idle: WireMock is another process)");
    Path wireMockRoot = AnchorFiles.wireMockRoot(work.resolve("wiremock"), soql.body());
    Launcher wireMock =
        port ->
            List.of(
                JAVA,
                "-jar",
                wireMockJar.toString(),
                "--port",
                Integer.toString(port),
                "--root-dir",
                wireMockRoot.toString(),
                "--disable-banner");
    table.wireMockStarts(starts(runs, wireMock, port -> Map.of(), log));
    try (ChildServer wm = start(wireMock, Map.of(), log)) {
      Thread.sleep(10_000);
      table.wireMockIdle(wm.pssMiB(null));
      table.wireMockResets(resets(wm.baseUrl()));
      String url = wm.baseUrl() + AnchorFiles.STUB_PATH;
      table.wireMockLoad(
          HttpThroughput.run(url, "none", 1, seconds, null),
          HttpThroughput.run(url, "none", 8, seconds, null));
    }

    System.out.println("-- sfsim " + simulatorJar.getFileName() + ": java -jar");
    Path prepared = work.resolve("prepared");
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Path data = work.resolve("run");
    prepare(simulatorJar, prepared, tmp, log);
    Launcher sfsim =
        port -> List.of(JAVA, "-Djava.io.tmpdir=" + tmp, "-jar", simulatorJar.toString());
    table.sfsimStarts(
        starts(
            runs,
            sfsim,
            port -> {
              copy(prepared, data);
              return Map.of("SFSIM_PORT", "" + port, "SFSIM_EMBEDDED_DIR", data.toString());
            },
            log));
    table.sfsimFirstStarts(starts(3, sfsim, port -> Map.of("SFSIM_PORT", "" + port), log));
    copy(prepared, data);
    try (ChildServer sim = start(sfsim, Map.of("SFSIM_EMBEDDED_DIR", data.toString()), log)) {
      Thread.sleep(10_000);
      table.sfsimIdle(sim.pssMiB(data.resolve("data")));
    }
    Path fixtures = AnchorFiles.fixtures(work.resolve("fixtures"));
    try (ChildServer sim =
        start(
            sfsim,
            Map.of("SFSIM_EMBEDDED_DIR", data.toString(), "SFSIM_FIXTURES", fixtures.toString()),
            log)) {
      table.sfsimResets(resets(sim.baseUrl()));
    }

    if (!image.isEmpty() && ImageRun.dockerAnswers()) {
      System.out.println("-- sfsim image " + image + ": docker run");
      long[] ms = new long[runs];
      for (int i = 0; i < runs; i++) {
        ms[i] = ImageRun.startToHealthy(image);
      }
      System.out.println("  start to healthy, ms: " + java.util.Arrays.toString(ms));
      table.image(image, ms, ImageRun.idleMemory(image));
    } else {
      System.out.println(
          "-- no image measured (-Dbench.image=<tag> and a running Docker engine add it)");
    }
    System.out.println();
    System.out.println("ANCHOR (load average now " + SoqlBenchmark.loadAverage() + ")");
    table.print(System.out);
  }

  /** The command that starts a server on a port. */
  private interface Launcher {
    List<String> command(int port);
  }

  /** The extra environment of one start (and whatever must be done before it, untimed). */
  private interface Environment {
    Map<String, String> prepare(int port) throws IOException, InterruptedException;
  }

  private static ChildServer start(Launcher launcher, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    int port = ChildServer.freePort();
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("SFSIM_PORT", Integer.toString(port));
    return ChildServer.start(launcher.command(port), all, port, "/__admin/health", log);
  }

  private static long[] starts(int runs, Launcher launcher, Environment env, Path log)
      throws IOException, InterruptedException {
    long[] ms = new long[runs];
    for (int i = 0; i < runs; i++) {
      int port = ChildServer.freePort();
      Map<String, String> extra = env.prepare(port);
      try (ChildServer s =
          ChildServer.start(launcher.command(port), extra, port, "/__admin/health", log)) {
        ms[i] = s.startMillis;
      }
    }
    System.out.println("  start to ready, ms: " + Arrays.toString(ms));
    return ms;
  }

  /** Twenty {@code POST /__admin/reset}, each timed from send to the answer's last byte. */
  private static long[] resets(String baseUrl) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest reset =
        HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/reset"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    long[] micros = new long[20];
    for (int i = 0; i < micros.length; i++) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r = http.send(reset, HttpResponse.BodyHandlers.ofByteArray());
      micros[i] = (System.nanoTime() - t) / 1000;
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("reset answered " + r.statusCode());
      }
    }
    System.out.println("  POST /__admin/reset, µs: " + Arrays.toString(micros));
    return micros;
  }

  /** {@code java -jar sfsim-simulator.jar prepare} into {@code directory}, as the image build. */
  private static void prepare(Path jar, Path directory, Path tmp, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(JAVA, "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString(), "prepare")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("SFSIM_EMBEDDED_DIR", directory.toString());
    if (pb.start().waitFor() != 0) {
      throw new IllegalStateException("prepare failed; see " + log);
    }
  }

  /** Replaces {@code to} with a copy of {@code from} ({@code cp -a}: links and modes kept). */
  private static void copy(Path from, Path to) throws IOException, InterruptedException {
    for (List<String> command :
        List.of(
            List.of("rm", "-rf", to.toString()),
            List.of("cp", "-a", from.toString(), to.toString()))) {
      if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
        throw new IllegalStateException("failed: " + command);
      }
    }
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static String mib(@Nullable Double mib) {
    return mib == null ? "n/a (no /proc)" : String.format("%.0f MiB", mib);
  }
}
