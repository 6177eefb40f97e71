/**
 * The simulated clock ({@link dev.sfsim.simulator.clock.SimClock}): the instant every feature reads
 * as "now", which the admin API moves and freezes. Depends on nothing.
 */
package dev.sfsim.simulator.clock;
