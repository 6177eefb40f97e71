package dev.sfsim.simulator.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulator image measured as {@code .ci/bench-image.sh} does: {@code docker run -d -p
 * 127.0.0.1::8080} until {@code GET /__admin/health} answers 200, and the container's memory
 * ({@code docker stats}) 10 s after start.
 */
final class ImageRun {
  private ImageRun() {}

  static boolean dockerAnswers() {
    try {
      return docker("info", "--format", "{{.ServerVersion}}").exitCode == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Milliseconds from {@code docker run} to the first 200 of the health endpoint. */
  static long startToHealthy(String image) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    String id = run(image);
    try {
      waitHealthy(id, t0);
      return (System.nanoTime() - t0) / 1_000_000;
    } finally {
      docker("rm", "-f", id);
    }
  }

  /** {@code docker stats}' memory figure of a container 10 s after it became healthy. */
  static String idleMemory(String image) throws IOException, InterruptedException {
    String id = run(image);
    try {
      waitHealthy(id, System.nanoTime());
      Thread.sleep(10_000);
      String usage = docker("stats", "--no-stream", "--format", "{{.MemUsage}}", id).out.trim();
      return usage.replaceAll("\\s*/.*", "");
    } finally {
      docker("rm", "-f", id);
    }
  }

  private static String run(String image) throws IOException {
    Result r = docker("run", "-d", "-p", "127.0.0.1::8080", image);
    if (r.exitCode != 0) {
      throw new IllegalStateException("docker run " + image + ": " + r.out);
    }
    return r.out.trim();
  }

  private static void waitHealthy(String id, long t0) throws IOException, InterruptedException {
    String hostPort = docker("port", id, "8080/tcp").out.lines().findFirst().orElse("");
    URI health =
        URI.create(
            "http://127.0.0.1:"
                + hostPort.substring(hostPort.lastIndexOf(':') + 1)
                + "/__admin/health");
    while (ChildServer.status(health) != 200) {
      if (System.nanoTime() - t0 > 120_000_000_000L) {
        throw new IllegalStateException("container " + id + " not healthy within 120 s");
      }
      Thread.sleep(5);
    }
  }

  private record Result(int exitCode, String out) {}

  private static Result docker(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Result(-1, "interrupted");
    }
  }
}
