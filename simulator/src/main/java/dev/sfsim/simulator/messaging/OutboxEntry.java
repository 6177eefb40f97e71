package dev.sfsim.simulator.messaging;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One message a fake channel "received" ({@code GET /__admin/outbox}). */
public record OutboxEntry(
    UUID messageIdentifier,
    String requestId,
    String messagingEndUserId,
    String messagingPlatformKey,
    String messagingChannelId,
    String messageType,
    String messagingSessionId,
    String messageDefinitionName,
    @Nullable String text,
    Instant sentAt,
    String status) {}
