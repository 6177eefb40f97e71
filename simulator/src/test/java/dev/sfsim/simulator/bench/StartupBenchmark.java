package dev.sfsim.simulator.bench;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;

/**
 * Prints how long an in-process simulator takes from start to accepting API calls (embedded
 * PostgreSQL, migrations, fixtures included), over a few runs. A benchmark, not a test: it prints
 * figures and never fails on time.
 *
 * <pre>./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=StartupBenchmark</pre>
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  public static void main(String[] args) {
    int runs = 5;
    long[] ms = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      try (Simulator s = Simulator.start(SimulatorConfig.defaults().withPort(0))) {
        ms[i] = (System.nanoTime() - t) / 1_000_000;
      }
      System.out.printf("run %d: %d ms to ready%n", i + 1, ms[i]);
    }
    java.util.Arrays.sort(ms);
    System.out.printf(
        "StartupBenchmark: median %d ms, min %d ms, max %d ms over %d runs%n",
        ms[runs / 2], ms[0], ms[runs - 1], runs);
  }
}
