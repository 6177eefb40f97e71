package dev.sfsim.simulator.messaging;

/**
 * What the dispatcher is configured with.
 *
 * @param latency the latency profile ({@code SFSIM_LATENCY_PROFILE})
 * @param immediateEntries {@code SFSIM_CONVERSATION_ENTRIES=immediate}: every entry appears at once
 *     with its text
 * @param maxInProgress at most this many requests InProgress at once (200, {@code
 *     SFSIM_MAX_IN_PROGRESS_REQUESTS})
 * @param integrationUserId the Platform Integration User, owner of sessions of requests that waited
 *     for a slot
 */
public record MessagingSettings(
    LatencyProfile latency,
    boolean immediateEntries,
    int maxInProgress,
    String integrationUserId) {}
