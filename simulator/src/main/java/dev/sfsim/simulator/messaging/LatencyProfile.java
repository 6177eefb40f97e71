package dev.sfsim.simulator.messaging;

import java.time.Duration;

/** The timings of the asynchronous messaging work (the README's "Messaging behaviour" rules). */
public enum LatencyProfile {
  /**
   * Pending and InProgress are observable through SOQL: pick-up after 300 ms, 200 ms per send,
   * Delivered 2 s and Read 10 s after the send, retries after 5 s, 10 s, 20 s...
   */
  REALISTIC(
      Duration.ofMillis(300),
      Duration.ofMillis(200),
      Duration.ofMillis(50),
      Duration.ofSeconds(2),
      Duration.ofSeconds(10),
      Duration.ofSeconds(5)),
  /**
   * A request completes within about 100 ms of real time; delivery and read at once; retries after
   * 100 ms, 200 ms...
   */
  INSTANT(
      Duration.ZERO,
      Duration.ZERO,
      Duration.ofMillis(10),
      Duration.ZERO,
      Duration.ZERO,
      Duration.ofMillis(100));

  /** Time from invocation until the dispatcher takes the request up. */
  public final Duration pickupDelay;

  /** Time one message takes to be sent. */
  public final Duration sendDelay;

  /** How often the dispatcher looks for due work. */
  public final Duration pollInterval;

  /** Time from the send until the entry is Delivered. */
  public final Duration deliverDelay;

  /** Time from the send until the entry is Read. */
  public final Duration readDelay;

  /** Wait before the first retry after a transient failure; doubles with each further failure. */
  public final Duration retryBackoff;

  LatencyProfile(
      Duration pickupDelay,
      Duration sendDelay,
      Duration pollInterval,
      Duration deliverDelay,
      Duration readDelay,
      Duration retryBackoff) {
    this.pickupDelay = pickupDelay;
    this.sendDelay = sendDelay;
    this.pollInterval = pollInterval;
    this.deliverDelay = deliverDelay;
    this.readDelay = readDelay;
    this.retryBackoff = retryBackoff;
  }
}
