package dev.sfsim.simulator.http;

import dev.sfsim.simulator.clock.SimClock;
import io.javalin.http.Context;

/**
 * Counts authenticated REST calls below {@code /services/data/vNN.N/} per simulated UTC day, as
 * {@code DailyApiRequests} counts them, and reports the count on every such response as {@code
 * Sforce-Limit-Info: api-usage=N/15000} ("Limit Info Header", REST API Developer Guide; jsforce and
 * simple-salesforce read it). The count is per simulator process.
 */
public final class ApiUsage {
  /** A Developer Edition org's daily API request allocation. */
  public static final int DAILY_MAX = 15_000;

  private static final long SECONDS_PER_DAY = 86_400;

  private final SimClock clock;
  private long day = Long.MIN_VALUE;
  private long used;

  public ApiUsage(SimClock clock) {
    this.clock = clock;
  }

  public void count(Context ctx) {
    String path = Requests.path(ctx);
    if (!path.startsWith("/services/data/v")) {
      return;
    }
    ctx.header("Sforce-Limit-Info", "api-usage=" + increment() + "/" + DAILY_MAX);
  }

  private synchronized long increment() {
    rollOver();
    return ++used;
  }

  /** Calls counted today, the current one included. */
  public synchronized long used() {
    rollOver();
    return used;
  }

  /** A new simulated UTC day (days since the epoch, no date objects per call) starts at 0. */
  private void rollOver() {
    long today = Math.floorDiv(clock.now().getEpochSecond(), SECONDS_PER_DAY);
    if (today != day) {
      day = today;
      used = 0;
    }
  }
}
