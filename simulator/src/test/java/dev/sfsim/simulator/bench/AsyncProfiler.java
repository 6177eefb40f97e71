package dev.sfsim.simulator.bench;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * Profiles this JVM with async-profiler for the length of a measured run, when {@code
 * -Dbench.asprof=/path/to/async-profiler-<version>-linux-x64.jar} is given (Maven Central's {@code
 * tools.profiler:async-profiler:<version>:jar:linux-x64}, e.g. from {@code ~/.m2}). Its Java API
 * and native library are loaded from that jar; CPU samples every millisecond, per thread, are
 * written as collapsed stacks (one line a stack, for flame graphs) to {@code
 * /tmp/sfsim-asprof-<label>.collapsed}. {@code -Dbench.asprofEvent=wall} samples wall-clock time
 * instead (every thread, waiting or not); {@code -Dbench.asprofPrefix} replaces {@code
 * /tmp/sfsim-asprof-}.
 */
final class AsyncProfiler {
  private static final String JAR = System.getProperty("bench.asprof", "");
  private static final String EVENT = System.getProperty("bench.asprofEvent", "cpu");
  private static @Nullable Object profiler;
  private static @Nullable Method execute;
  private final String out;

  /**
   * @param label names the output file, e.g. {@code 8c} for a run with 8 connections
   */
  AsyncProfiler(String label) {
    this.out =
        System.getProperty("bench.asprofPrefix", "/tmp/sfsim-asprof-") + label + ".collapsed";
  }

  void start() throws Exception {
    if (JAR.isBlank()) {
      return;
    }
    load();
    execute.invoke(profiler, "start,event=" + EVENT + ",interval=1ms,threads");
  }

  /** Loads the profiler once per JVM: its native library cannot be loaded twice. */
  private static synchronized void load() throws Exception {
    if (profiler != null) {
      return;
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(JAR).toUri().toURL()}, null);
    Path library = Files.createTempFile("libasyncProfiler", ".so");
    try (InputStream in = loader.getResourceAsStream("linux-x64/libasyncProfiler.so")) {
      if (in == null) {
        throw new IllegalArgumentException("no linux-x64/libasyncProfiler.so in " + JAR);
      }
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    }
    Class<?> type = loader.loadClass("one.profiler.AsyncProfiler");
    profiler = type.getMethod("getInstance", String.class).invoke(null, library.toString());
    execute = type.getMethod("execute", String.class);
  }

  void stop() throws Exception {
    if (profiler != null && execute != null) {
      execute.invoke(profiler, "stop,collapsed,file=" + out);
      System.out.println("  async-profiler " + EVENT + " stacks of the measured run: " + out);
    }
  }
}
