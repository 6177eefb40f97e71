package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fault rule ({@code POST /__admin/faults}): what it matches and what it does to messages sent
 * from then on.
 *
 * @param id set by the simulator (null when creating)
 * @param match any subset of {@code messagingEndUserId}, {@code messagingPlatformKey} ({@code *}
 *     wildcards), {@code messagingChannelId}; empty matches every message
 * @param effect {@code fail}, {@code transient}, {@code undeliverable} or {@code delay}
 * @param reason the failure reason ({@code fail}, {@code transient})
 * @param statusCode the delivery status code ({@code undeliverable}, {@code fail})
 * @param times how often a {@code transient} fault fails before the send succeeds
 * @param delay how much longer a send takes ({@code delay})
 * @param fired how often the rule fired (set by the simulator)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(
    @Nullable String id,
    Map<String, String> match,
    String effect,
    @Nullable String reason,
    @Nullable String statusCode,
    @Nullable Integer times,
    @Nullable Duration delay,
    @Nullable Integer fired) {

  /** Every matching send fails permanently with this reason. */
  public static FaultRule fail(Map<String, String> match, String reason, String statusCode) {
    return new FaultRule(null, Map.copyOf(match), "fail", reason, statusCode, null, null, null);
  }

  /** Matching sends fail {@code times} times, then succeed. */
  public static FaultRule transientFailure(Map<String, String> match, String reason, int times) {
    return new FaultRule(null, Map.copyOf(match), "transient", reason, null, times, null, null);
  }

  /** Matching messages are sent, then end {@code Error} with this status code. */
  public static FaultRule undeliverable(Map<String, String> match, String statusCode) {
    return new FaultRule(
        null, Map.copyOf(match), "undeliverable", null, statusCode, null, null, null);
  }

  /** Matching sends take {@code delay} longer. */
  public static FaultRule delay(Map<String, String> match, Duration delay) {
    return new FaultRule(null, Map.copyOf(match), "delay", null, null, null, delay, null);
  }
}
