package dev.sfsim.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulated clock behind every timestamp the simulator writes ({@code messaging-behaviour.md} section 4).
 * Runs with real time by default (offset zero); {@code POST /__admin/clock} freezes, sets and advances it.
 * It never moves backwards. Instants are truncated to milliseconds, the precision Salesforce datetimes carry.
 * Thread-safe.
 */
public final class SimClock {
    /**
     * The latest instant the clock moves to: Salesforce's latest valid date, 4000-12-31T00:00:00Z GMT ("Data Import
     * Dates", Data Loader Guide).
     */
    public static final Instant LATEST = Instant.parse("4000-12-31T00:00:00Z");

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
     * @throws IllegalArgumentException when {@code instant} is before the current simulated instant or after {@link #LATEST}
     */
    public synchronized void set(Instant instant) {
        checkRange(instant);
        Instant t = instant.truncatedTo(ChronoUnit.MILLIS);
        Instant current = now();
        if (t.isBefore(current)) {
            throw new IllegalArgumentException("The clock cannot move backwards: " + t + " is before " + current + ".");
        }
        if (frozenAt != null) frozenAt = t;
        else offset = offset.plus(Duration.between(current, t));
    }

    /** @throws IllegalArgumentException when {@code instant} is after {@link #LATEST} */
    public static void checkRange(Instant instant) {
        if (instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("The clock cannot move past " + LATEST + " (Salesforce's latest valid date), was " + instant + ".");
        }
    }

    /** Back to real time, running (reset). */
    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }
}
