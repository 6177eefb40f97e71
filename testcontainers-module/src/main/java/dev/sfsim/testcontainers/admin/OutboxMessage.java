package dev.sfsim.testcontainers.admin;

import java.time.Instant;

/**
 * One message a fake channel "received" ({@code GET /__admin/outbox}); times in UTC, null until
 * they happen.
 */
public record OutboxMessage(
    String messageIdentifier,
    String requestId,
    String messagingEndUserId,
    String messagingPlatformKey,
    String messagingChannelId,
    String messageType,
    String messagingSessionId,
    String messageDefinitionName,
    String text,
    String status,
    String statusCode,
    Instant sentAt,
    Instant deliveredAt,
    Instant readAt) {}
