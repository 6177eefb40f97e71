package dev.sfsim.simulator.persistence;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL started on a data directory a previous run made and left (a prepared {@code
 * SFSIM_EMBEDDED_DIR}, the image's), without zonky. The postmaster is started as {@code pg_ctl
 * start} starts it — in a session of its own, input from {@code /dev/null}, output to the log — but
 * directly, through {@code setsid(1)} where there is one (Linux): {@code pg_ctl} first runs {@code
 * postgres -V} through a shell to check the version, then the postmaster through another, 15-20 ms
 * of a container's start. Elsewhere (macOS) {@code pg_ctl start -W} does it. Neither waits ({@code
 * pg_ctl -w} polls every 100 ms, then zonky logs in as the superuser to check again): readiness is
 * the postmaster's own status line in {@code postmaster.pid} ("ready", what {@code pg_ctl -w} waits
 * for), read every {@link #POLL_MILLIS} ms. The server's output goes to {@code postgres.log} beside
 * the data directory, rewritten at each start. Stopped by {@link #close()} or, at the latest, by a
 * shutdown hook ({@code pg_ctl stop -m fast}, as zonky stops it).
 */
final class PreparedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PreparedServer.class);

  /** Between reads of {@code postmaster.pid}: a start takes 20-50 ms on a prepared directory. */
  static final long POLL_MILLIS = 2;

  /** Where {@code setsid(1)} is (util-linux, in every Debian-based image). */
  private static final List<Path> SETSID =
      List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

  /** How long a start may take ({@code pg_ctl}'s own default wait). */
  static final long START_TIMEOUT_MILLIS = 60_000;

  private final Path pgDirectory;
  private final Path data;
  private final int port;
  private final long postmasterPid;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread hook;

  private PreparedServer(Path pgDirectory, Path data, int port, long postmasterPid) {
    this.pgDirectory = pgDirectory;
    this.data = data;
    this.port = port;
    this.postmasterPid = postmasterPid;
    this.hook = new Thread(this::stop, "sfsim-postgres-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts PostgreSQL with the binaries unpacked in {@code pgDirectory} on {@code data} (which must
   * hold an initialized, stopped cluster) and returns once it accepts connections.
   *
   * @param config server settings ({@code -c name=value}), each value free of spaces
   * @param log where the server writes its output (truncated)
   * @param meanwhile work for this thread while the server starts (it takes 20-50 ms)
   * @throws IOException when the server cannot start (the log's last lines in the message)
   */
  static PreparedServer start(
      Path pgDirectory, Path data, Map<String, String> config, Path log, Runnable meanwhile)
      throws IOException {
    int port = freePort();
    List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-F"));
    config.forEach((k, v) -> options.addAll(List.of("-c", k + "=" + v)));
    if (Files.exists(data.resolve("postmaster.pid"))) {
      // left by a server still running (PreparedDirectory.reclaimStaleLock cleared a dead one's)
      throw new IOException(
          "Another PostgreSQL runs on " + data + " (its postmaster.pid is there)");
    }
    List<String> command = new ArrayList<>();
    Optional<Path> setsid = SETSID.stream().filter(Files::isExecutable).findFirst();
    if (setsid.isPresent()) {
      command.addAll(
          List.of(
              setsid.get().toString(),
              pgDirectory.resolve("bin/postgres").toString(),
              "-D",
              data.toString()));
      command.addAll(options);
    } else {
      command.addAll(
          List.of(
              pgDirectory.resolve("bin/pg_ctl").toString(),
              "-D",
              data.toString(),
              "-o",
              String.join(" ", options),
              "-W", // no wait: since PostgreSQL 10 pg_ctl waits by default
              "start"));
    }
    Process launcher =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    meanwhile.run();
    long pid = awaitReady(launcher, data, log);
    LOG.info("Embedded PostgreSQL ready (postmaster {})", pid);
    return new PreparedServer(pgDirectory, data, port, pid);
  }

  /** The postmaster's process id, read from {@code postmaster.pid} once the status says ready. */
  private static long awaitReady(Process launcher, Path data, Path log) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    long seenPid = -1;
    while (System.nanoTime() < deadline) {
      List<String> lines = readLines(pidFile);
      if (!lines.isEmpty()) {
        seenPid = parsePid(lines.get(0));
        // Line 8: PM_STATUS_READY ("ready   "), as pg_ctl -w reads it.
        if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
          return seenPid;
        }
      }
      boolean postmasterGone =
          seenPid > 0 && ProcessHandle.of(seenPid).map(p -> !p.isAlive()).orElse(true);
      // the postmaster itself (setsid execs it) or pg_ctl, which exits 0 once it has started it
      boolean launcherFailed = !launcher.isAlive() && launcher.exitValue() != 0;
      if (postmasterGone || launcherFailed) {
        throw new IOException("PostgreSQL did not start: " + tail(log));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while PostgreSQL started", e);
      }
    }
    throw new IOException(
        "PostgreSQL not ready after " + START_TIMEOUT_MILLIS + " ms: " + tail(log));
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of(); // not written yet, or being rewritten
    }
  }

  private static long parsePid(String line) {
    try {
      return Long.parseLong(line.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String tail(Path log) {
    List<String> lines = readLines(log);
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The process id in the first line of {@code data}'s {@code postmaster.pid}. */
  static long postmasterPid(Path data) throws IOException {
    List<String> lines = readLines(data.resolve("postmaster.pid"));
    long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
    if (pid <= 0) {
      throw new IOException("No postmaster.pid in " + data);
    }
    return pid;
  }

  int port() {
    return port;
  }

  long postmasterPid() {
    return postmasterPid;
  }

  /** Whether {@code pgDirectory} holds unpacked binaries (a {@code bin/pg_ctl}). */
  static Optional<Path> binaries(Path pgDirectory) {
    return Files.isExecutable(pgDirectory.resolve("bin/pg_ctl"))
        ? Optional.of(pgDirectory)
        : Optional.empty();
  }

  /** Stops the server ({@code pg_ctl stop -m fast}, waiting up to 5 s); later calls do nothing. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already exiting: the hook runs (and finds it stopped)
    }
  }

  private void stop() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      Process p =
          new ProcessBuilder(
                  pgDirectory.resolve("bin/pg_ctl").toString(),
                  "-D",
                  data.toString(),
                  "stop",
                  "-m",
                  "fast",
                  "-t",
                  "5",
                  "-w")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() != 0) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly (pg_ctl exit {})", p.exitValue());
      }
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
