package dev.sfsim.simulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by kind, read from Linux's {@code /proc/self/task/<tid>/schedstat}
 * (nanoseconds on a CPU) and {@code comm} (the thread's name, 15 characters): request threads
 * (Jetty's pool), the JIT compilers, the garbage collector, the simulator's own background threads
 * ({@code sfsim-…}) and the rest. A snapshot minus an earlier one gives each kind's CPU over an
 * interval; threads that ended in between are missing from it (the process total from {@code
 * OperatingSystemMXBean} has them). Empty off Linux.
 */
final class ThreadCpu {
  private final Map<String, Long> nanosByThread;

  private ThreadCpu(Map<String, Long> nanosByThread) {
    this.nanosByThread = nanosByThread;
  }

  static ThreadCpu snapshot() {
    Map<String, Long> byThread = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
          byThread.put(task.getFileName() + " " + name, nanos);
        } catch (IOException | RuntimeException e) {
          // the thread ended while listed
        }
      }
    } catch (IOException e) {
      return new ThreadCpu(Map.of());
    }
    return new ThreadCpu(byThread);
  }

  /** Milliseconds of CPU by kind since {@code before}, largest first. */
  Map<String, Double> since(ThreadCpu before) {
    Map<String, Double> byKind = new LinkedHashMap<>();
    for (String kind : new String[] {"requests", "JIT", "GC", "sfsim", "other"}) {
      byKind.put(kind, 0.0);
    }
    nanosByThread.forEach(
        (thread, nanos) -> {
          long delta = nanos - before.nanosByThread.getOrDefault(thread, 0L);
          byKind.merge(kind(thread.substring(thread.indexOf(' ') + 1)), delta / 1e6, Double::sum);
        });
    return byKind;
  }

  private static String kind(String name) {
    if (name.startsWith("JettyServerThr") || name.startsWith("qtp")) {
      return "requests";
    }
    if (name.contains("CompilerThre")) {
      return "JIT";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
      return "GC";
    }
    return name.startsWith("sfsim") ? "sfsim" : "other";
  }

  /** {@code requests 0.071, JIT 0.004, …} ms per request. */
  static String perRequest(Map<String, Double> byKind, double requests) {
    StringBuilder sb = new StringBuilder();
    byKind.forEach(
        (kind, ms) -> {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(String.format("%s %.3f", kind, ms / requests));
        });
    return sb.toString();
  }
}
