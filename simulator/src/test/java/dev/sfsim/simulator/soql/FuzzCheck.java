package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.org.SalesforceException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The fuzz oracle: running a query either succeeds or fails with a Salesforce-shaped 400/501 whose
 * message leaks no SQL or Java; anything else (another exception, an answer after {@link
 * #HANG_SECONDS}) is a finding.
 */
public final class FuzzCheck implements AutoCloseable {
  /** A hang guard, not a speed check: a query taking this long is stuck. */
  static final long HANG_SECONDS = 20;

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "soql-fuzz");
            t.setDaemon(true);
            return t;
          });

  /**
   * Runs {@code run} on {@code soql}.
   *
   * @return true when the query ran, false when it failed as Salesforce fails
   * @throws AssertionError naming the query for anything else
   */
  public <T> boolean check(String soql, Function<String, T> run) {
    Future<T> f = executor.submit(() -> run.apply(soql));
    try {
      f.get(HANG_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("no answer within " + HANG_SECONDS + " s: " + soql);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (!(cause instanceof SalesforceException s)) {
        throw new AssertionError("not a Salesforce error for: " + soql, cause);
      }
      if (s.status() != 400 && s.status() != 501) {
        throw new AssertionError("status " + s.status() + " for: " + soql, s);
      }
      String message = s.getMessage() == null ? "" : s.getMessage();
      if (message.isBlank() || leaks(message, soql)) {
        throw new AssertionError("leaking or empty message for: " + soql + " -> " + message, s);
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static final java.util.List<String> LEAK_MARKERS =
      java.util.List.of("org.postgresql", "psql", "sqlstate", "exception", " t0.");

  /**
   * Whether an error message shows SQL or Java internals: a marker that the message holds and the
   * query itself does not (Salesforce's messages echo the query, so a query that says {@code psql}
   * may see it echoed).
   */
  public static boolean leaks(String message, String soql) {
    String lower = message.toLowerCase(Locale.ROOT);
    String query = soql == null ? "" : soql.toLowerCase(Locale.ROOT);
    for (String marker : LEAK_MARKERS) {
      if (lower.contains(marker) && !query.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
