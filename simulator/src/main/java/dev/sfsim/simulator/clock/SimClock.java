package dev.sfsim.simulator.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulated clock behind every timestamp the simulator writes ({@code messaging-behaviour.md} section 4).
 * Runs with real time; freezing, setting and advancing come with the clock admin endpoints.
 * Instants are truncated to milliseconds, the precision Salesforce datetimes carry.
 */
public final class SimClock {
    /** The current simulated instant, millisecond precision. */
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
