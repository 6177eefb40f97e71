package dev.sfsim.testcontainers;

import java.util.Locale;

/**
 * How fast simulated work happens: the simulator's {@code SFSIM_LATENCY_PROFILE}, set with {@link
 * SalesforceSimulatorContainer#withLatencyProfile(LatencyProfile)} or
 * {@code @SalesforceSimulatorTest(latencyProfile = ...)}.
 */
public enum LatencyProfile {
  /**
   * The simulator's default: a send takes a few hundred milliseconds, delivery and read receipts
   * follow seconds later, so {@code Pending}/{@code InProgress} states are observable.
   */
  REALISTIC,
  /** A send request completes within about 100 ms; receipts follow at once. */
  INSTANT;

  /**
   * @return the value of {@code SFSIM_LATENCY_PROFILE}: {@code realistic} or {@code instant}
   */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
