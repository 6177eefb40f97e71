/**
 * The simulator's public entry points: {@link dev.sfsim.simulator.Simulator} (start one in a test
 * or a process), {@link dev.sfsim.simulator.SimulatorConfig} (its {@code SFSIM_*} configuration),
 * {@code SimulatorMain} (the container's main class) and the image preparation step. The
 * composition root: it may depend on every package below; nothing depends on it.
 */
package dev.sfsim.simulator;
