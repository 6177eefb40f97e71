package dev.sfsim.simulator.messaging;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A fault rule of {@code POST /__admin/faults} (admin API contract: {@code GET
 * /__admin/openapi.json}): what it matches (any subset of end user id, platform key pattern with
 * {@code *} wildcards, channel id; all given must match) and what it does.
 *
 * @param effect {@code fail}, {@code transient}, {@code undeliverable} or {@code delay}
 * @param times {@code transient}: how many times each matching message fails before it succeeds;
 *     other effects: how many times the rule fires at most; null = unlimited (transient: once)
 * @param delay {@code delay}: how much longer the send takes
 * @param fired how often the rule fired so far
 */
public record FaultRule(
    @Nullable String id,
    @Nullable String messagingEndUserId,
    @Nullable String messagingPlatformKey,
    @Nullable String messagingChannelId,
    String effect,
    @Nullable String reason,
    @Nullable String statusCode,
    @Nullable Integer times,
    @Nullable Duration delay,
    int fired) {
  public static final java.util.Set<String> EFFECTS =
      java.util.Set.of("fail", "transient", "undeliverable", "delay");

  boolean matches(Recipient r) {
    return (messagingEndUserId == null || messagingEndUserId.equals(r.id()))
        && (messagingChannelId == null || messagingChannelId.equals(r.channelId()))
        && (messagingPlatformKey == null
            || r.platformKey() != null && Glob.matches(messagingPlatformKey, r.platformKey()));
  }
}
