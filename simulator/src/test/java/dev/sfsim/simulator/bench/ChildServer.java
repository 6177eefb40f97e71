package dev.sfsim.simulator.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A server under measurement run as its own process ({@code java -jar ...}, or {@code docker run}):
 * started, timed from the spawn to the first 200 from its health URL, measured (PSS of its process
 * tree), stopped. Its output goes to a log file, never to a pipe nobody reads.
 */
final class ChildServer implements AutoCloseable {
  private final Process process;
  private final int port;

  /** Milliseconds from the spawn to the first 200 of the health URL. */
  final long startMillis;

  private ChildServer(Process process, int port, long startMillis) {
    this.process = process;
    this.port = port;
    this.startMillis = startMillis;
  }

  /**
   * Spawns {@code command} with {@code env} added, then polls {@code
   * http://127.0.0.1:<port><health>} every 5 ms for up to 120 s.
   */
  static ChildServer start(
      List<String> command, Map<String, String> env, int port, String health, Path log)
      throws IOException, InterruptedException {
    warmUpClient();
    ProcessBuilder pb =
        new ProcessBuilder(new ArrayList<>(command))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    URI uri = URI.create("http://127.0.0.1:" + port + health);
    long deadline = t0 + 120_000_000_000L;
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("exited with " + p.exitValue() + "; see " + log);
      }
      if (status(uri) == 200) {
        return new ChildServer(p, port, (System.nanoTime() - t0) / 1_000_000);
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException("not ready within 120 s; see " + log);
      }
      Thread.sleep(5);
    }
  }

  /** The first request of a JVM loads the HTTP client's classes: not part of anyone's start. */
  private static void warmUpClient() {
    try (ServerSocket s = new ServerSocket(0)) {
      status(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/"));
    } catch (IOException e) {
      // nothing listening is what this expects
    }
  }

  /**
   * The status of one {@code GET}, -1 when it cannot be made. {@link HttpURLConnection}, not the
   * {@code java.net.http} client: the probe runs every 5 ms on the machine whose start it times,
   * and the client's selector thread and asynchronous machinery cost so much CPU per attempt that
   * on 2 cores they added 35-100 ms to a container's start to healthy (a JVM-side probe with either
   * client, alternated: 672-712 ms vs 614-650 ms; a Python probe, 600 ms).
   */
  static int status(URI uri) {
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) uri.toURL().openConnection();
      c.setConnectTimeout(2_000);
      c.setReadTimeout(2_000);
      c.setUseCaches(false);
      int code = c.getResponseCode();
      try (InputStream body = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
        if (body != null) {
          body.readAllBytes();
        }
      }
      return code;
    } catch (IOException e) {
      return -1;
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time of the server's JVM so far, in milliseconds. */
  double cpuMillis() {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
  }

  /**
   * Proportional set size, in MiB, of the server's JVM plus, when {@code dataDirectory} is given,
   * the PostgreSQL processes serving that data directory (the postmaster, found by its {@code -D}
   * argument, and its children). Null where {@code /proc} cannot tell (not Linux).
   */
  @Nullable Double pssMiB(@Nullable Path dataDirectory) {
    List<Long> pids = new ArrayList<>(List.of(process.pid()));
    if (dataDirectory != null) {
      postmaster(dataDirectory)
          .ifPresent(
              pm -> {
                pids.add(pm.pid());
                pm.descendants().forEach(d -> pids.add(d.pid()));
              });
    }
    long kib = 0;
    for (long pid : pids) {
      Long one = pssKiB(pid);
      if (one == null) {
        return null;
      }
      kib += one;
    }
    return kib / 1024.0;
  }

  private static java.util.Optional<ProcessHandle> postmaster(Path dataDirectory) {
    String wanted = dataDirectory.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              String cmdline = cmdline(p.pid());
              return cmdline.contains("postgres") && cmdline.contains(wanted);
            })
        .filter(p -> p.parent().map(pp -> !cmdline(pp.pid()).contains(wanted)).orElse(true))
        .findFirst();
  }

  private static String cmdline(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private static @Nullable Long pssKiB(long pid) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
      return lines
          .filter(l -> l.startsWith("Pss:"))
          .findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
          .orElse(null);
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }

  /** SIGTERM, then waits (a kill after 20 s): the embedded PostgreSQL stops with it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
