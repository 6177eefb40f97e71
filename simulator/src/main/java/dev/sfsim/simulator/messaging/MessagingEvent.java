package dev.sfsim.simulator.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in an org's messaging world, as the admin event stream ({@code GET
 * /__admin/events}) publishes it: {@code type} is the SSE event name and {@code data} the JSON
 * object sent with it (the type and the simulated instant {@code at} included). One shape per type,
 * built only by the factories below:
 *
 * <ul>
 *   <li>{@code message.sent}: {@code messageIdentifier, requestId, messagingEndUserId,
 *       messagingPlatformKey, messagingSessionId, text, status}
 *   <li>{@code message.status}: {@code messageIdentifier, messagingSessionId, status} (Delivered,
 *       Read, Error), {@code statusCode}
 *   <li>{@code request.progressed}: {@code requestId, requestStatus, totalMessageCount,
 *       successMessageCount, failedMessageCount, pendingMessageCount, inProgressMessageCount}
 *   <li>{@code session.changed}: {@code messagingSessionId, messagingEndUserId, status}
 *   <li>{@code inbound.received}: {@code messageIdentifier, messagingSessionId, messagingEndUserId,
 *       text}
 * </ul>
 */
public record MessagingEvent(String type, Map<String, Object> data) {
  public static final String MESSAGE_SENT = "message.sent";
  public static final String MESSAGE_STATUS = "message.status";
  public static final String REQUEST_PROGRESSED = "request.progressed";
  public static final String SESSION_CHANGED = "session.changed";
  public static final String INBOUND_RECEIVED = "inbound.received";

  public MessagingEvent {
    data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public static MessagingEvent messageSent(OutboxEntry e) {
    return of(
        MESSAGE_SENT,
        e.sentAt(),
        "messageIdentifier",
        e.messageIdentifier().toString(),
        "requestId",
        e.requestId(),
        "messagingEndUserId",
        e.messagingEndUserId(),
        "messagingPlatformKey",
        e.messagingPlatformKey(),
        "messagingSessionId",
        e.messagingSessionId(),
        "text",
        e.text(),
        "status",
        e.status());
  }

  public static MessagingEvent messageStatus(
      Instant at,
      String messageIdentifier,
      String sessionId,
      String status,
      @Nullable String statusCode) {
    return of(
        MESSAGE_STATUS,
        at,
        "messageIdentifier",
        messageIdentifier,
        "messagingSessionId",
        sessionId,
        "status",
        status,
        "statusCode",
        statusCode);
  }

  public static MessagingEvent requestProgressed(Instant at, RequestProgress p) {
    return of(
        REQUEST_PROGRESSED,
        at,
        "requestId",
        p.requestId(),
        "requestStatus",
        p.requestStatus(),
        "totalMessageCount",
        p.total(),
        "successMessageCount",
        p.success(),
        "failedMessageCount",
        p.failed(),
        "pendingMessageCount",
        p.pending(),
        "inProgressMessageCount",
        p.inProgress());
  }

  public static MessagingEvent sessionChanged(
      Instant at, String sessionId, String endUserId, String status) {
    return of(
        SESSION_CHANGED,
        at,
        "messagingSessionId",
        sessionId,
        "messagingEndUserId",
        endUserId,
        "status",
        status);
  }

  public static MessagingEvent inboundReceived(
      Instant at, String messageIdentifier, String sessionId, String endUserId, String text) {
    return of(
        INBOUND_RECEIVED,
        at,
        "messageIdentifier",
        messageIdentifier,
        "messagingSessionId",
        sessionId,
        "messagingEndUserId",
        endUserId,
        "text",
        text);
  }

  private static MessagingEvent of(String type, Instant at, @Nullable Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("at", at == null ? null : Instants.iso(at));
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return new MessagingEvent(type, m);
  }

  /** A send request's status and counts after a dispatcher step. */
  public record RequestProgress(
      String requestId,
      String requestStatus,
      Integer total,
      Integer success,
      Integer failed,
      Integer pending,
      Integer inProgress) {}

  private static final class Instants {
    private static final java.time.format.DateTimeFormatter ISO_MILLIS =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    static String iso(Instant at) {
      return ISO_MILLIS.format(at);
    }
  }
}
