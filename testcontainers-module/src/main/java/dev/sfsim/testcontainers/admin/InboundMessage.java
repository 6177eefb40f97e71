package dev.sfsim.testcontainers.admin;

/**
 * The answer of {@code POST /__admin/messaging/inbound}: the session the message landed in and its
 * identifier.
 */
public record InboundMessage(String messagingSessionId, String messageIdentifier) {}
