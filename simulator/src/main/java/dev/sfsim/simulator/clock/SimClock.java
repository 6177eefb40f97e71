package dev.sfsim.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The simulated clock behind every timestamp the simulator writes (the README's "Messaging
 * behaviour" rules). Runs with real time by default (offset zero); {@code POST /__admin/clock}
 * freezes, sets and advances it. It never moves backwards. Instants are truncated to milliseconds,
 * the precision Salesforce datetimes carry. Thread-safe.
 *
 * <p>Its state (offset from real time, or the instant it is frozen at) lives in a {@link Shared}
 * store: the org's database for a running simulator, so that simulator processes sharing a database
 * share their orgs' clocks. Reading the clock costs no query: the state is cached here, every
 * change is made in the store (on the store's current state, not the cached one) and {@link
 * #refresh()} is called when another process changed it.
 */
public final class SimClock {
  /**
   * The latest instant the clock moves to: Salesforce's latest valid date, 4000-12-31T00:00:00Z GMT
   * ("Data Import Dates", Data Loader Guide).
   */
  public static final Instant LATEST = Instant.parse("4000-12-31T00:00:00Z");

  /**
   * The clock's state.
   *
   * @param offset simulated minus real time while running
   * @param frozenAt the instant it stands at, or null while running
   * @param version increases with every change (a cached state is replaced by newer ones only)
   */
  public record State(Duration offset, @Nullable Instant frozenAt, long version) {
    /** Real time, running. */
    public static final State REAL = new State(Duration.ZERO, null, 0);

    State next(Duration newOffset, @Nullable Instant newFrozenAt) {
      return new State(newOffset, newFrozenAt, version + 1);
    }
  }

  /** Where the state lives. */
  public interface Shared {
    State read();

    /**
     * Replaces the state with {@code change} applied to the current one, atomically across every
     * user of the store.
     *
     * @throws IllegalArgumentException from {@code change}, leaving the state as it was
     */
    State update(UnaryOperator<State> change);
  }

  private final Shared shared;
  private volatile State state;

  /** A clock of its own (tests, tools): its state lives in memory. */
  public SimClock() {
    this(new InMemory());
  }

  public SimClock(Shared shared) {
    this.shared = shared;
    this.state = shared.read();
  }

  /** The current simulated instant, millisecond precision. */
  public Instant now() {
    return now(state);
  }

  private static Instant now(State s) {
    return s.frozenAt() != null
        ? s.frozenAt()
        : Instant.now().plus(s.offset()).truncatedTo(ChronoUnit.MILLIS);
  }

  public boolean frozen() {
    return state.frozenAt() != null;
  }

  /** Stops the clock at the current simulated instant. */
  public void freeze() {
    change(s -> s.frozenAt() != null ? s : s.next(s.offset(), now(s)));
  }

  /** Lets the clock run on with real time from the current simulated instant. */
  public void unfreeze() {
    change(
        s ->
            s.frozenAt() == null ? s : s.next(Duration.between(Instant.now(), s.frozenAt()), null));
  }

  /**
   * Moves the clock to {@code instant} (frozen or running, as it was).
   *
   * @throws IllegalArgumentException when {@code instant} is before the current simulated instant
   *     or after {@link #LATEST}
   */
  public void set(Instant instant) {
    checkRange(instant);
    Instant t = instant.truncatedTo(ChronoUnit.MILLIS);
    change(
        s -> {
          Instant current = now(s);
          if (t.isBefore(current)) {
            throw new IllegalArgumentException(
                "The clock cannot move backwards: " + t + " is before " + current + ".");
          }
          return s.frozenAt() != null
              ? s.next(s.offset(), t)
              : s.next(s.offset().plus(Duration.between(current, t)), null);
        });
  }

  /**
   * @throws IllegalArgumentException when {@code instant} is after {@link #LATEST}
   */
  public static void checkRange(Instant instant) {
    if (instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "The clock cannot move past "
              + LATEST
              + " (Salesforce's latest valid date), was "
              + instant
              + ".");
    }
  }

  /**
   * Back to real time, running (reset). A clock already there is left as it is, read without a lock
   * (one round trip, where a change takes four): a change another process commits meanwhile is
   * simply ordered after this reset.
   */
  public void reset() {
    reset(shared.read());
  }

  /**
   * {@link #reset()} on the store's state as the caller just read it from this clock's store (an
   * org's reset reads it in the same round trip as its own statements).
   */
  public void reset(State stored) {
    if (stored.offset().isZero() && stored.frozenAt() == null) {
      adopt(stored);
      return;
    }
    change(c -> c.next(Duration.ZERO, null));
  }

  /** What a clock shows right after {@link #reset()}: real time, millisecond precision. */
  public static Instant realTime() {
    return now(State.REAL);
  }

  /** Takes up the store's state: another process changed it. */
  public void refresh() {
    adopt(shared.read());
  }

  private void change(UnaryOperator<State> change) {
    adopt(shared.update(change));
  }

  private synchronized void adopt(State s) {
    if (s.version() >= state.version()) {
      state = s;
    }
  }

  /** The state of a clock nobody else shares. */
  private static final class InMemory implements Shared {
    private State state = State.REAL;

    @Override
    public synchronized State read() {
      return state;
    }

    @Override
    public synchronized State update(UnaryOperator<State> change) {
      state = change.apply(state);
      return state;
    }
  }
}
