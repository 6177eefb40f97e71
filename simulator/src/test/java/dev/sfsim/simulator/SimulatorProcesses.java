package dev.sfsim.simulator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulators in JVMs of their own (the test classpath, {@code SimulatorMain}), for tests that kill
 * them; each {@link #start} waits for the ready line and returns the base URL. {@link #close()}
 * kills what is left (SIGKILL).
 */
public final class SimulatorProcesses implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("ready in \\d+ ms at (http://localhost:\\d+)");
  private final List<Process> processes = new ArrayList<>();

  /** A started simulator: its process and base URL. */
  public record Started(Process process, String baseUrl, Path log) {}

  /**
   * Starts {@code SimulatorMain} with {@code SFSIM_PORT=0} and the given environment; waits for its
   * ready line.
   */
  public Started start(Map<String, String> env) throws Exception {
    File log = Files.createTempFile("sfsim-process", ".log").toFile();
    log.deleteOnExit();
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sfsim.simulator.SimulatorMain")
            .redirectErrorStream(true)
            .redirectOutput(log);
    pb.environment().put("SFSIM_PORT", "0");
    pb.environment().putAll(env);
    Process p = pb.start();
    processes.add(p);
    String[] base = new String[1];
    await(
        () -> {
          if (!p.isAlive()) {
            throw new AssertionError("the simulator exited: " + Files.readString(log.toPath()));
          }
          Matcher m = READY.matcher(Files.readString(log.toPath()));
          if (m.find()) {
            base[0] = m.group(1);
          }
          return base[0] != null;
        },
        Duration.ofMinutes(2));
    return new Started(p, base[0], log.toPath());
  }

  @Override
  public void close() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly().waitFor();
    }
  }

  /** A condition polled by {@link #await}. */
  public interface Check {
    boolean ok() throws Exception;
  }

  /**
   * Polls a condition every 20 ms; the bound only guards against a hang. Returns how long it took.
   */
  public static Duration await(Check check, Duration max) throws Exception {
    Instant start = Instant.now();
    Instant deadline = start.plus(max);
    while (!check.ok()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + max);
      }
      Thread.sleep(20);
    }
    return Duration.between(start, Instant.now());
  }

  /** The process id in the first line of a data directory's {@code postmaster.pid}. */
  public static long postmasterPid(Path dataDirectory) throws Exception {
    return Long.parseLong(
        Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
  }
}
