package dev.sfsim.testcontainers.admin;

import java.time.Instant;

/**
 * The simulated clock ({@code GET/POST /__admin/clock}): the simulated instant and whether it
 * stands still.
 */
public record ClockState(Instant now, boolean frozen) {}
