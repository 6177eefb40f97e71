package dev.sfsim.testcontainers.admin;

import dev.sfsim.simulator.admin.AdminPaths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The other side of an org's conversations, through the admin API ({@code /__admin/messaging/...}):
 * the end user writes and reads, agents and the platform move sessions (a real org does not let the
 * REST API write {@code MessagingSession.Status}). Get one from {@link
 * SimulatorAdminClient#conversation()}; every method throws {@link SimulatorAdminException} when
 * the simulator refuses the call.
 */
public final class ConversationActions {
  private final AdminUrls urls;
  private final AdminHttp http;

  ConversationActions(AdminUrls urls, AdminHttp http) {
    this.urls = urls;
    this.http = http;
  }

  /**
   * The end user writes to the business: their {@code New} session becomes {@code Active} (or an
   * {@code InboundInitiated} one starts) and gets a {@code ConversationEntry} with ActorType {@code
   * EndUser}; {@code STOP} / {@code START} change {@code MessagingConsentStatus} instead.
   *
   * @throws SimulatorAdminException 404 {@code NOT_FOUND} for an unknown end user, 400 {@code
   *     MALFORMED_ID} for a bad id
   */
  public InboundMessage sendInbound(String messagingEndUserId, String text) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("messagingEndUserId", messagingEndUserId);
    body.put("text", text);
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", urls.org(AdminPaths.MESSAGING_INBOUND), body)),
        InboundMessage.class);
  }

  /**
   * A device receipt: the message reached the end user's device (its entry's {@code MessageStatus}
   * becomes {@code Delivered}).
   *
   * @param messageIdentifier the message's UUID, as in {@link OutboxMessage#messageIdentifier()}
   * @throws SimulatorAdminException 404 {@code NOT_FOUND} for an unknown message
   */
  public void markDelivered(String messageIdentifier) {
    http.json("POST", urls.org(AdminPaths.MESSAGING_DELIVERED, messageIdentifier), null);
  }

  /**
   * A device receipt: the end user read the message (its entry's {@code MessageStatus} becomes
   * {@code Read}).
   *
   * @throws SimulatorAdminException 404 {@code NOT_FOUND} for an unknown message
   */
  public void markRead(String messageIdentifier) {
    http.json("POST", urls.org(AdminPaths.MESSAGING_READ, messageIdentifier), null);
  }

  /**
   * An agent accepts the session: {@code Active}, with {@code AcceptTime}. Messages held by {@code
   * NonActive} gating for its end user stay held until the session leaves {@code Active}.
   *
   * @throws SimulatorAdminException 404 {@code NOT_FOUND} for an unknown session; 400 {@code
   *     INVALID_STATUS} when it is already {@code Active}, {@code Ended} or {@code Error}
   */
  public SessionStatus acceptSession(String messagingSessionId) {
    return sessionAction(messagingSessionId, "accept");
  }

  /**
   * An agent transfers the {@code Active} session: {@code Waiting} until it is accepted again (400
   * {@code INVALID_STATUS} otherwise).
   */
  public SessionStatus transferSession(String messagingSessionId) {
    return sessionAction(messagingSessionId, "transfer");
  }

  /**
   * An agent closes the session: {@code Ended}, {@code EndedByType} {@code Agent}, {@code EndTime}
   * now. Held messages ({@code NonActive}/{@code Closed}) and held conversation entries are
   * released at once.
   *
   * @throws SimulatorAdminException 404 {@code NOT_FOUND} for an unknown session; 400 {@code
   *     INVALID_STATUS} when it has ended
   */
  public SessionStatus endSession(String messagingSessionId) {
    return sessionAction(messagingSessionId, "end");
  }

  /**
   * The platform marks the open session {@code Error} ({@code EndTime} now); 400 {@code
   * INVALID_STATUS} when it has ended.
   */
  public SessionStatus errorSession(String messagingSessionId) {
    return sessionAction(messagingSessionId, "error");
  }

  private SessionStatus sessionAction(String messagingSessionId, String action) {
    return AdminHttp.read(
        AdminHttp.tree(
            http.json(
                "POST",
                urls.org(AdminPaths.MESSAGING_SESSION_ACTION, messagingSessionId, action),
                null)),
        SessionStatus.class);
  }
}
