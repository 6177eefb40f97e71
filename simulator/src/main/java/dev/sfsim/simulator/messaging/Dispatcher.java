package dev.sfsim.simulator.messaging;

import dev.sfsim.simulator.clock.SimClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous half of {@code sendConversationMessages} (the README's "Messaging behaviour"
 * rules). All work is driven by the simulated clock: every piece of it has a due instant in
 * PostgreSQL (request pick-up, message attempts and retries, delivery and read receipts, session
 * expiry) compared with {@link SimClock#now()}. A background thread runs what is due every poll
 * interval; {@link #advanceTo} moves the clock and runs everything that became due in between, in
 * time order, synchronously. Each request is worked on under its row lock ({@code FOR UPDATE SKIP
 * LOCKED}), in one transaction with its counts, so several simulator processes sharing a database
 * never send a message twice and the counts invariant holds at every committed moment.
 *
 * <p>Held messages (session gating) are re-examined on every run, so a session status changed by
 * any means (inbound message, expiry, sObject REST update) releases them without a hook.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /**
   * At most this many messages of one request attempted at once ("sendConversationMessages",
   * Actions Developer Guide).
   */
  static final int MAX_IN_FLIGHT_MESSAGES = 5;

  /**
   * Threads working on requests at once, all orgs together (each holds a pooled database
   * connection).
   */
  static final int WORKERS = 4;

  private final MessagingStore store;
  private final SimClock clock;
  private final MessagingSettings settings;
  private final BatchSender sender;
  private final Lock lock;
  private final MessagingEvents events;

  /** The workers shared by every org's dispatcher. */
  private final ExecutorService workers;

  private final ScheduledExecutorService executor;
  private volatile @Nullable ScheduledFuture<?> ticks;

  /** Set by {@link #close()}: a tick that starts (or takes the lock) later does nothing. */
  private volatile boolean closed;

  /** Whether a {@link #wake()} tick is queued and has not started yet. */
  private final java.util.concurrent.atomic.AtomicBoolean woken =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param lock held while the dispatcher works; whoever else holds it (reset) keeps the dispatcher
   *     out
   * @param threads the scheduler and workers every org shares
   * @param events told what was sent, what changed status and how requests progressed, after each
   *     commit
   */
  public Dispatcher(
      MessagingStore store,
      SimClock clock,
      MessagingSettings settings,
      Lock lock,
      DispatchThreads threads,
      MessagingEvents events) {
    this.workers = threads.workers;
    this.executor = threads.scheduler;
    this.lock = lock;
    this.events = events;
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.sender = new BatchSender(settings);
  }

  /** Starts looking for due work every {@code latency.pollInterval}. */
  public void start() {
    long ms = Math.max(1, settings.latency().pollInterval.toMillis());
    ticks = executor.scheduleWithFixedDelay(() -> tickSafely(false), ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs a tick now, besides the regular ones (a request was accepted with no pick-up delay); a
   * wake while one is already queued adds nothing.
   */
  public void wake() {
    if (ticks == null || !woken.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(() -> tickSafely(true));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      woken.set(false); // stopping: the regular ticks are over too
    }
  }

  /**
   * @param wake a request was just accepted with no pick-up delay: start it before asking what else
   *     is due
   */
  private void tickSafely(boolean wake) {
    if (wake) {
      woken.set(false);
    }
    lock.lock();
    try {
      if (!closed) { // checked under the lock: close() waits for it, then the schema may go
        runDue(clock.now(), wake);
      }
    } catch (RuntimeException e) {
      LOG.warn("Dispatcher run failed (will retry): {}", e.toString());
    } finally {
      lock.unlock();
    }
  }

  /** Runs everything due at the clock's current instant. */
  public void runDue() {
    lock.lock();
    try {
      runDue(clock.now());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves the clock forward to {@code target}, stopping at each instant where work becomes due and
   * running it, so that work happens in time order with the clock showing its due time; returns
   * when all of it is done.
   *
   * @throws IllegalArgumentException when {@code target} is before the clock's current instant
   */
  public void advanceTo(Instant target) {
    lock.lock();
    try {
      SimClock.checkRange(target);
      if (target.isBefore(clock.now())) {
        clock.set(target);
      } // throws: never backwards
      runDue(clock.now());
      for (int steps = 0; steps < 1_000_000; steps++) {
        Optional<Instant> next = store.nextDueAfter(clock.now());
        if (next.isEmpty() || next.get().isAfter(target)) {
          break;
        }
        clock.set(next.get());
        runDue(next.get());
      }
      clock.set(target);
      runDue(target);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs what is due at {@code now}; again while requests complete, so that waiting requests take
   * the freed slots.
   */
  private void runDue(Instant now) {
    runDue(now, false);
  }

  /**
   * @param wake start pending requests first, reading what else is due in the same round trip
   *     (starting touches nothing housekeeping reads or writes, so housekeeping may follow it)
   */
  private void runDue(Instant now, boolean wake) {
    List<String> started = null;
    MessagingStore.Due due;
    if (wake) {
      MessagingStore.Started s = store.startPendingRequestsThenDue(now, settings.maxInProgress());
      due = s.due();
      // Housekeeping may give a started request due work (a held message released): list again.
      started = due.housekeeping() ? null : s.requestsWithDueWork();
    } else {
      due = store.due(now);
    }
    for (int pass = 0; pass < 100 && (due.any() || started != null); pass++) {
      if (due.housekeeping()) {
        store.housekeeping(now).forEach(events::publish);
      }
      if (started == null && !due.pending() && !due.inProgress()) {
        return;
      }
      List<String> ids =
          started != null
              ? started
              : due.pending()
                  ? store.startPendingRequests(now, settings.maxInProgress())
                  : store.requestsWithDueWork(now);
      started = null;
      List<List<OutboxEntry>> sent = new ArrayList<>();
      List<Future<Boolean>> runs = new ArrayList<>();
      boolean completed = false;
      if (ids.size() == 1) { // no hand-off to a worker and back for a lone request (a test's send)
        List<OutboxEntry> sink = new ArrayList<>();
        sent.add(sink);
        completed = store.inTransaction(tx -> advance(tx, ids.get(0), now, sink));
      } else {
        for (String id : ids) {
          List<OutboxEntry> sink = new ArrayList<>();
          sent.add(sink);
          runs.add(workers.submit(() -> store.inTransaction(tx -> advance(tx, id, now, sink))));
        }
      }
      for (Future<Boolean> run : runs) {
        completed |= join(run);
      }
      publish(ids, sent, now);
      if (!completed) {
        return;
      }
      due = store.due(now);
    }
  }

  /**
   * After the commits: what each worked-on request sent, and its counts (read only when someone
   * listens).
   */
  private void publish(List<String> ids, List<List<OutboxEntry>> sent, Instant now) {
    if (!events.active()) {
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      sent.get(i).forEach(e -> events.publish(MessagingEvent.messageSent(e)));
      store
          .progress(ids.get(i))
          .ifPresent(p -> events.publish(MessagingEvent.requestProgressed(now, p)));
    }
  }

  private static boolean join(Future<Boolean> run) {
    try {
      return run.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Works on one request while holding its row lock; another process holding it makes this a no-op.
   *
   * @return whether the request completed
   */
  private boolean advance(
      MessagingTransaction tx, String requestId, Instant now, List<OutboxEntry> sent) {
    boolean instant = settings.latency().sendDelay.isZero();
    // Starting before sending what is due changes nothing when no slot limit applies and a retry is
    // never due at once: then one round trip does both.
    boolean startFirst = instant && !settings.latency().retryBackoff.isZero();
    MessagingTransaction.Startable startable = null;
    SendRequest req;
    if (startFirst) {
      var locked = tx.lockAndReadDue(requestId, now);
      if (locked.isEmpty()) {
        return false;
      }
      req = locked.get().request();
      startable = locked.get().startable();
    } else {
      var locked = tx.lockRequestInProgress(requestId);
      if (locked.isEmpty()) {
        return false;
      }
      req = locked.get();
    }
    // In the instant profile every pending message is attempted in this one transaction: the
    // five-at-a-time
    // limit still holds for every committed state, which is all that SOQL can observe.
    int maxInFlight = instant ? Integer.MAX_VALUE : MAX_IN_FLIGHT_MESSAGES;
    Instant attemptDueAt = now.plus(settings.latency().sendDelay);
    Instant retryAt = null;
    boolean changed = false;
    boolean sentAtOnce = false;
    if (startable != null) {
      // Nothing to finish first (a fresh request): its due pending messages are sent at once,
      // without being marked InProgress in between — the two rounds below, one update per message.
      MessagingTransaction.Startable s = startable;
      if (s.inProgress().isEmpty()) {
        if (!s.pending().isEmpty()) {
          retryAt = sender.send(tx, req, s.pending(), now, sent).orElse(null);
          changed = true;
        }
        sentAtOnce = true;
      }
    }
    for (int round = 0; !sentAtOnce && round < 1000; round++) {
      List<MessagingTransaction.DueMessage> due;
      int started = 0;
      if (startFirst) {
        MessagingTransaction.Attempts a =
            tx.dueThenStart(requestId, now, attemptDueAt, maxInFlight);
        due = a.due();
        started = a.started();
      } else {
        due = tx.dueAttempts(requestId, now);
      }
      if (!due.isEmpty()) {
        changed = true;
        Optional<Instant> r = sender.send(tx, req, due, now, sent);
        if (r.isPresent() && (retryAt == null || r.get().isBefore(retryAt))) {
          retryAt = r.get();
        }
      }
      if (!startFirst) {
        started = tx.startAttempts(requestId, now, attemptDueAt, maxInFlight);
      }
      changed |= started > 0;
      if (started == 0 || !instant) {
        break;
      }
    }
    if (retryAt != null) {
      tx.requeue(requestId, retryAt, now);
    }
    if (changed || retryAt != null) {
      return tx.recomputeCountsThenCompleteIfDone(requestId, now);
    }
    return tx.completeIfDone(requestId, now);
  }

  /**
   * Stops this org's ticks and waits (up to a second) for a tick in progress, so that the org's
   * schema can be dropped after; the shared threads stay for the other orgs ({@link
   * DispatchThreads#close()} stops them).
   */
  @Override
  public void close() {
    closed = true;
    ScheduledFuture<?> t = ticks;
    if (t != null) {
      t.cancel(false);
    }
    if (executor.isShutdown()) {
      return;
    } // the simulator is stopping: the shared threads are already interrupted
    try {
      if (lock.tryLock(1, TimeUnit.SECONDS)) {
        lock.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
