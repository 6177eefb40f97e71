package dev.sfsim.testcontainers.admin;

/**
 * The answer of {@code POST /__admin/messaging/sessions/{id}/accept|transfer|end|error}.
 *
 * @param messagingSessionId the session's 18-character id
 * @param status its {@code Status} now ({@code ACTIVE}, {@code WAITING}, {@code ENDED} or {@code
 *     ERROR})
 * @param previousStatus its {@code Status} before the action
 */
public record SessionStatus(
    String messagingSessionId,
    MessagingSessionStatus status,
    MessagingSessionStatus previousStatus) {}
