package dev.sfsim.simulator.messaging;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every org's {@link Dispatcher} shares: one scheduler that runs each org's tick, and a
 * fixed pool of workers for the requests of all orgs. An org costs a scheduled task, not threads,
 * so a simulator with a hundred orgs has as many threads as one with a single org. {@link #close()}
 * stops them within about a second.
 */
public final class DispatchThreads implements AutoCloseable {
  /** Threads running ticks: several orgs' ticks overlap when one is slow. */
  static final int SCHEDULER_THREADS = 2;

  final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(SCHEDULER_THREADS, daemon("sfsim-dispatcher"));

  /**
   * Requests are independent (each under its own row lock), so several are worked on at once,
   * across orgs.
   */
  final ExecutorService workers =
      Executors.newFixedThreadPool(Dispatcher.WORKERS, daemon("sfsim-dispatch-worker"));

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Stops both pools: running work is interrupted after a short grace period (the data stays
   * consistent: every step is one transaction).
   */
  @Override
  public void close() {
    scheduler.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(500, TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
      scheduler.awaitTermination(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
