package dev.sfsim.testcontainers.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message a fake channel "received" ({@code GET /__admin/outbox}); times in UTC, null until
 * they happen.
 */
public record OutboxMessage(
    String messageIdentifier,
    @Nullable String requestId,
    String messagingEndUserId,
    String messagingPlatformKey,
    String messagingChannelId,
    String messageType,
    @Nullable String messagingSessionId,
    @Nullable String messageDefinitionName,
    @Nullable String text,
    MessageStatus status,
    @Nullable String statusCode,
    @Nullable Instant sentAt,
    @Nullable Instant deliveredAt,
    @Nullable Instant readAt) {}
