package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.catalog.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes one accepted invocation: the ConvMessageSendRequest ({@code Pending}, every recipient
 * pending, Name {@code MSJ-00000001}...) and one message per recipient with a fresh UUID, in one
 * transaction (the README's "Messaging behaviour" rules).
 */
public final class RequestWriter {
  private final MessagingStore store;
  private final Runnable written;

  public RequestWriter(MessagingStore store) {
    this(store, () -> {});
  }

  /**
   * @param written run after a request written in its own transaction committed with no pick-up
   *     delay (the dispatcher's {@link Dispatcher#wake()}, so the request does not wait for the
   *     next poll)
   */
  public RequestWriter(MessagingStore store, Runnable written) {
    this.store = store;
    this.written = written;
  }

  /**
   * A validated invocation.
   *
   * @param messageDefinitionName component developer name
   * @param endUserIds 18-character MessagingEndUser ids, in input order
   * @param allowedSessionStatus {@code Any}, {@code NonActive} or {@code Closed}
   * @param enforceConsent isEnforceMessagingChannelConsent
   * @param consentType {@code MessagingEndUser}, {@code CommunicationSubscription}, or null for
   *     Custom
   * @param parameters the {@code messagingDefinitionInputParameters} array as given
   * @param callerId the invoking user's id
   * @param commSubscriptionId communicationSubscriptionId (consent type {@code
   *     CommunicationSubscription}), else null
   * @param sessionLongevity {@code KeepSessionOpen}, {@code EndSession} or {@code
   *     KeepSessionOpenOrAppend}
   */
  public record NewRequest(
      String messageDefinitionName,
      List<String> endUserIds,
      String allowedSessionStatus,
      boolean enforceConsent,
      @Nullable String consentType,
      JsonNode parameters,
      String callerId,
      @Nullable String commSubscriptionId,
      String sessionLongevity) {}

  /** The written request's id and its message identifiers, in recipient order. */
  public record Written(String requestId, List<UUID> messageIdentifiers) {}

  /**
   * @param pickupDelay how long the request stays {@code Pending} before the dispatcher may take it
   *     up
   */
  public Written write(MessagingTransaction tx, NewRequest r, Instant now, Duration pickupDelay) {
    Map<String, JsonNode> v = new LinkedHashMap<>();
    v.put("RequestType", TextNode.valueOf("SendNotificationMessages"));
    v.put("RequestStatus", TextNode.valueOf(RequestStatus.PENDING.value()));
    v.put("MessageDefinition", TextNode.valueOf(r.messageDefinitionName()));
    // v65.0 MessageDefinitionParameters (textarea): the input parameters as given, JSON (the format
    // is not published)
    v.put("MessageDefinitionParameters", TextNode.valueOf(r.parameters().toString()));
    v.put("AllowExistingSessionStatus", TextNode.valueOf(r.allowedSessionStatus()));
    v.put(
        "RequestConsentType",
        r.consentType() == null ? NullNode.instance : TextNode.valueOf(r.consentType()));
    v.put("ShouldEnforceChannelConsent", BooleanNode.valueOf(r.enforceConsent()));
    v.put("SessionLongevityPreference", TextNode.valueOf(r.sessionLongevity()));
    v.put("TotalMessageCount", IntNode.valueOf(r.endUserIds().size()));
    v.put("PendingMessageCount", IntNode.valueOf(r.endUserIds().size()));
    v.put("InProgressMessageCount", IntNode.valueOf(0));
    String requestId = tx.insertRecord("ConvMessageSendRequest", v, r.callerId(), now);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < r.endUserIds().size(); i++) {
      ids.add(UUID.randomUUID());
    }
    tx.insertMessages(requestId, ids, r.endUserIds());
    tx.setRequestDispatchAndCounts(
        requestId,
        r.parameters(),
        r.commSubscriptionId(),
        r.sessionLongevity(),
        now.plus(pickupDelay),
        now);
    return new Written(requestId, ids);
  }

  /**
   * Validates and writes one request in a transaction of its own: {@code validate} runs inside it,
   * so its reads share the write's connection (Jdbi lends a callback on this thread the handle
   * already open), and a refused input writes nothing and draws no id.
   *
   * @param validate the input's checks, throwing its error; run before anything is written
   * @param now the request's instant, read once validation passed
   */
  public Written write(Supplier<NewRequest> validate, Supplier<Instant> now, Duration pickupDelay) {
    Written w = store.inTransaction(tx -> write(tx, validate.get(), now.get(), pickupDelay));
    if (pickupDelay.isZero()) {
      written.run();
    }
    return w;
  }
}
