package dev.sfsim.simulator.http;

import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds requests that reach the server while the simulator still starts: the server listens while
 * PostgreSQL starts, so a client that waits for the port alone (a compose probe, a port wait
 * strategy) must still meet a working simulator. {@code GET /__admin/health} waits for the start at
 * most a second, then answers UP as usual, or 503 with {@code
 * {"status":"DOWN","version":...,"database":...}} (the shape of its answer while the database is
 * down); every other call waits until the start is done, at most {@code maxWait}, and then goes on
 * as usual, or answers Salesforce's 503 {@code SERVER_UNAVAILABLE} ("Status Codes and Error
 * Responses", REST API Developer Guide) when the start failed or took longer.
 */
public final class StartGate {
  /**
   * How long health waits for the start before it answers DOWN: a probe polling every few
   * milliseconds gets its UP the moment the start is done, in one request instead of a 503 each
   * time (each one CPU the start needed), and a Docker probe (3 s timeout) still gets its answer.
   */
  private static final Duration HEALTH_HOLD = Duration.ofSeconds(1);

  private final CountDownLatch done = new CountDownLatch(1);
  private final Duration maxWait;
  private final Map<String, Object> startingHealth;
  private volatile boolean open;
  private volatile Runnable afterFirstAnswer = () -> {};
  private final AtomicBoolean answered = new AtomicBoolean();

  /**
   * @param version the simulator's version, shown by health while starting
   * @param databaseKind {@code embedded} or {@code external}, shown by health while starting
   * @param maxWait the longest a request waits for the start
   */
  public StartGate(String version, String databaseKind, Duration maxWait) {
    this.maxWait = maxWait;
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", "DOWN");
    h.put("version", version);
    h.put("database", databaseKind);
    this.startingHealth = h;
  }

  /**
   * The start is done: held requests go on, later ones pass straight through.
   *
   * @param afterFirstAnswer runs once the first request after the start has its answer (background
   *     work that would slow the answer a health probe waits for: it goes once one came)
   */
  public void open(Runnable afterFirstAnswer) {
    this.afterFirstAnswer = afterFirstAnswer;
    open = true;
    done.countDown();
  }

  /** The start failed: held requests answer 503 at once. */
  public void fail() {
    done.countDown();
  }

  /** Installs the handler of health's answer while starting. */
  public void register(RoutesConfig routes) {
    routes.exception(
        Starting.class, (e, ctx) -> ctx.status(503).json(new LinkedHashMap<>(startingHealth)));
  }

  /** Before every request (first): passes once started; holds or answers 503 before. */
  public void check(Context ctx) {
    if (open) {
      return;
    }
    String path = ctx.path();
    boolean health = path.equals("/__admin/health") || path.equals("/__admin/health/");
    boolean started;
    try {
      started =
          done.await((health ? HEALTH_HOLD : maxWait).toMillis(), TimeUnit.MILLISECONDS) && open;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started = false;
    }
    if (!started) {
      throw health ? new Starting() : unavailable();
    }
  }

  /** After every request (last): the first one answered after the start runs what waits for it. */
  public void answered(Context ctx) {
    if (!answered.get() && open && answered.compareAndSet(false, true)) {
      afterFirstAnswer.run();
    }
  }

  private static SalesforceException unavailable() {
    return new SalesforceException(
        503,
        ErrorCode.SERVER_UNAVAILABLE,
        "The server is unavailable to handle the request: it has not finished starting.");
  }

  /** Health's answer while starting, rendered by the handler {@link #register} installs. */
  private static final class Starting extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Starting() {
      super("starting", null, false, false);
    }
  }
}
