package dev.sfsim.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulated clock behind every timestamp the simulator writes (the README's "Messaging behaviour" rules).
 * Runs with real time by default (offset zero); {@code POST /__admin/clock} freezes, sets and advances it.
 * It never moves backwards. Instants are truncated to milliseconds, the precision Salesforce datetimes carry.
 * Thread-safe.
 */
public final class SimClock {
    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    /** The current simulated instant, millisecond precision. */
    public synchronized Instant now() {
        return frozenAt != null ? frozenAt : Instant.now().plus(offset).truncatedTo(ChronoUnit.MILLIS);
    }

    public synchronized boolean frozen() {
        return frozenAt != null;
    }

    /** Stops the clock at the current simulated instant. */
    public synchronized void freeze() {
        frozenAt = now();
    }

    /** Lets the clock run on with real time from the current simulated instant. */
    public synchronized void unfreeze() {
        if (frozenAt == null) return;
        offset = Duration.between(Instant.now(), frozenAt);
        frozenAt = null;
    }

    /**
     * Moves the clock to {@code instant} (frozen or running, as it was).
     *
     * @throws IllegalArgumentException when {@code instant} is before the current simulated instant
     */
    public synchronized void set(Instant instant) {
        Instant t = instant.truncatedTo(ChronoUnit.MILLIS);
        Instant current = now();
        if (t.isBefore(current)) {
            throw new IllegalArgumentException("The clock cannot move backwards: " + t + " is before " + current + ".");
        }
        if (frozenAt != null) frozenAt = t;
        else offset = offset.plus(Duration.between(current, t));
    }

    /** Back to real time, running (reset). */
    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }
}
