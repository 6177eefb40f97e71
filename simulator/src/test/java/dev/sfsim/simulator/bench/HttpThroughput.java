package dev.sfsim.simulator.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a GET from a second process: {@code wrk --latency} when on the PATH, else the {@link
 * HttpLoad} JVM. A 3-second run warms the server's JIT first and is not counted. Echoes the tool's
 * output and parses q/s, p50, p99.
 */
final class HttpThroughput {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern HTTPLOAD =
      Pattern.compile(
          "HttpLoad: ([\\d.]+) queries/s .* p50 ([\\d.]+) ms, p99 ([\\d.]+) ms, (?:\\d+ ok, )?(\\d+) not 200");

  private HttpThroughput() {}

  static SoqlBenchmark.LoadResult run(
      String url, String token, int connections, int seconds, String jfr) throws Exception {
    Path wrk = SoqlBenchmark.onPath("wrk");
    run(command(wrk, url, token, connections, 3), false);
    jdk.jfr.Recording recording = null;
    if (jfr != null) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.start();
    }
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    String out = run(command(wrk, url, token, connections, seconds), true);
    double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
    double wallMs = (System.nanoTime() - wallBefore) / 1e6;
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(jfr));
      recording.close();
      System.out.println("  JFR profile of the measured run: " + jfr);
    }
    SoqlBenchmark.LoadResult result = parse(wrk, out);
    if (result.qps() > 0) {
      System.out.printf(
          "  simulator JVM CPU during the run: %.0f ms in %.0f ms wall (%.2f cores), %.3f ms CPU per request%n",
          cpuMs, wallMs, cpuMs / wallMs, cpuMs / (result.qps() * wallMs / 1000));
    }
    return result;
  }

  private static SoqlBenchmark.LoadResult parse(Path wrk, String out) {
    if (wrk == null) {
      Matcher m = HTTPLOAD.matcher(out);
      return m.find()
          ? new SoqlBenchmark.LoadResult(
              "HttpLoad JVM",
              Double.parseDouble(m.group(1)),
              Double.parseDouble(m.group(2)),
              Double.parseDouble(m.group(3)),
              Long.parseLong(m.group(4)))
          : new SoqlBenchmark.LoadResult("HttpLoad JVM", 0, Double.NaN, Double.NaN, -1);
    }
    Matcher rps = RPS.matcher(out);
    Matcher non2xx = NON_2XX.matcher(out);
    Matcher socket = SOCKET.matcher(out);
    long errors = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    return new SoqlBenchmark.LoadResult(
        "wrk",
        rps.find() ? Double.parseDouble(rps.group(1)) : 0,
        percentile(out, "50%"),
        percentile(out, "99%"),
        errors);
  }

  private static List<String> command(
      Path wrk, String url, String token, int connections, int seconds) {
    if (wrk != null) {
      return List.of(
          wrk.toString(),
          "-t" + Math.min(2, connections),
          "-c" + connections,
          "-d" + seconds + "s",
          "--latency",
          "-H",
          "Authorization: Bearer " + token,
          url);
    }
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        HttpLoad.class.getName(),
        url,
        token,
        String.valueOf(connections),
        String.valueOf(seconds));
  }

  private static String run(List<String> command, boolean echo) throws Exception {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    StringBuilder all = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      out.lines()
          .forEach(
              line -> {
                all.append(line).append('\n');
                if (echo) {
                  System.out.println("  " + line);
                }
              });
    }
    p.waitFor();
    return all.toString();
  }

  /** A wrk latency-distribution line such as {@code 99% 3.21ms}, in milliseconds. */
  private static double percentile(String out, String which) {
    Matcher m =
        Pattern.compile(
                "^\\s*" + Pattern.quote(which) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
            .matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }
}
