package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The engine's reads and writes inside one transaction of {@link MessagingStore#inTransaction}.
 * Reads and writes that concern many messages are set-based (one statement or one JDBC batch per
 * call), which is what lets a request of 100 recipients be sent in a handful of round trips.
 */
public interface MessagingTransaction {

  /** A message whose attempt is due, with what the fault rules need to know of its history. */
  record DueMessage(
      UUID messageIdentifier, String messagingEndUserId, int transientFailures, boolean delayed) {}

  /** A session of an end user that is not {@code Ended} or {@code Error}. */
  record OpenSession(String id, String messagingEndUserId, String status) {}

  /**
   * The new state of one message.
   *
   * @param status Pending, Held, InProgress, Sent or Failed
   */
  record MessageUpdate(
      UUID messageIdentifier,
      String status,
      @Nullable String failureReason,
      @Nullable String sessionId,
      @Nullable Instant dueAt,
      int transientFailures,
      boolean delayed,
      @Nullable Instant deliverDueAt,
      @Nullable Instant readDueAt,
      @Nullable String undeliverableCode,
      @Nullable String undeliverableReason) {}

  /** A MessagingSession to insert (the README's "Messaging behaviour" rules). */
  record NewSession(
      String id,
      String name,
      String status,
      String origin,
      @Nullable String channelType,
      String endUserId,
      @Nullable String channelId,
      String ownerId,
      Instant now,
      @Nullable Instant expiresAt,
      @Nullable Integer agentMessages,
      int endUserMessages) {}

  /** A ConversationEntry to insert. */
  record NewEntry(
      String id,
      String sessionId,
      int seq,
      String entryType,
      String actorType,
      @Nullable String actorId,
      @Nullable String actorName,
      @Nullable String message,
      String messageIdentifier,
      @Nullable String messageStatus,
      String createdById,
      Instant now) {}

  /** A MessagingDeliveryError to insert. */
  record DeliveryError(
      String failureReason,
      String fullMessage,
      @Nullable String destination,
      @Nullable String channelId,
      @Nullable String endUserId,
      String createdById,
      Instant now) {}

  Optional<SendRequest> lockRequestInProgress(String requestId);

  /** {@code InProgress} messages of the request whose attempt is due, in recipient order. */
  List<DueMessage> dueAttempts(String requestId, Instant now);

  /**
   * Moves due pending messages into the free in-flight slots (at most {@code maxInFlight}); returns
   * how many.
   */
  int startAttempts(String requestId, Instant now, Instant attemptDueAt, int maxInFlight);

  /** What {@link #dueThenStart} found due and how many messages it started. */
  record Attempts(List<DueMessage> due, int started) {}

  /**
   * {@link #dueAttempts}, then {@link #startAttempts} at once (before the due ones are sent), in
   * one round trip: the same as the two in the other order only when sending cannot free an
   * in-flight slot that matters or make a pending message due now (unlimited in-flight, retries
   * later than now).
   */
  Attempts dueThenStart(String requestId, Instant now, Instant attemptDueAt, int maxInFlight);

  /**
   * A locked request's due {@code InProgress} messages and its due {@code Pending} ones, each in
   * recipient order, read without a write: with unlimited in-flight slots, a pending message sent
   * in the same transaction needs no {@code InProgress} write first (no other transaction could see
   * it).
   */
  record Startable(List<DueMessage> inProgress, List<DueMessage> pending) {}

  /** A request locked by {@link #lockAndReadDue}, and its due messages. */
  record Locked(SendRequest request, Startable startable) {}

  /**
   * {@link #lockRequestInProgress}, then the request's {@link Startable} messages, in one round
   * trip that also reads what sending those messages first asks for ({@link #recipients}, {@link
   * #faultRules}, {@link #component}): the transaction's first such asks are answered from it.
   */
  Optional<Locked> lockAndReadDue(String requestId, Instant now);

  void updateMessages(List<MessageUpdate> updates);

  /**
   * Marks the request {@code Completed} (with CompletedDate) when nothing is pending or in
   * progress; returns whether it did.
   */
  boolean completeIfDone(String requestId, Instant now);

  /**
   * The counts and identifier lists rewritten from the messages' states (Held counts as pending),
   * then {@link #completeIfDone}, in one write of the request.
   *
   * @return whether it completed the request
   */
  boolean recomputeCountsThenCompleteIfDone(String requestId, Instant now);

  /**
   * Back to {@code Pending} until {@code dueAt} (transient failure); messages being attempted wait
   * again.
   */
  void requeue(String requestId, Instant dueAt, Instant now);

  /** End users with their channels, by id; missing ids do not exist (or are deleted). */
  Map<String, Recipient> recipients(Collection<String> endUserIds);

  /**
   * For each end user and each status other than Ended and Error, the newest session with that
   * status.
   */
  List<OpenSession> openSessions(Collection<String> endUserIds);

  /**
   * The end users (of {@code endUserIds}) with an opted-in, effective consent to the subscription.
   */
  Set<String> subscriptionConsents(
      String commSubscriptionId, Collection<String> endUserIds, LocalDate today);

  Optional<MessagingComponent> component(String developerName);

  List<FaultRule> faultRules();

  /** Adds to the fired counts of fault rules, by rule id. */
  void faultsFired(Map<String, Integer> firedByRule);

  /** {@code n} fresh numbers of the id sequence (see {@code SalesforceIds.generate}). */
  List<Long> newNumbers(int n);

  /** Ids (numbers) and MessagingSession names ({@code MS-0000000001}...) taken together. */
  record Numbers(List<Long> ids, List<String> sessionNames) {}

  /** {@link #newNumbers}({@code n}) and {@code sessions} session names, in one round trip. */
  Numbers newNumbersAndSessionNames(int n, int sessions);

  /**
   * The highest Seq of each session (visible or held entries); sessions without entries are absent.
   */
  Map<String, Integer> maxEntrySeq(Collection<String> sessionIds);

  void insertSessions(List<NewSession> sessions);

  /** Adds one outbound message to each session's AgentMessageCount. */
  void countAgentMessages(Collection<String> sessionIds, Instant now);

  /**
   * Inserts entries; {@code held} ones are kept out of ConversationEntry until their session ends.
   */
  void insertEntries(List<NewEntry> entries, boolean held);

  void insertOutbox(List<OutboxEntry> entries);

  void insertDeliveryErrors(List<DeliveryError> errors);

  /**
   * Inserts one record through the generic record rules; returns its 18-character id. Its {@code
   * INSERT} may be held and sent with the transaction's next writes (its database errors then come
   * with them).
   */
  String insertRecord(String objectName, Map<String, JsonNode> values, String userId, Instant now);

  /**
   * Writes what the dispatcher alone reads of a new request (its parameters, subscription, session
   * longevity and pick-up instant) and rewrites its counts and identifier lists from its messages'
   * states (Held counts as pending), in one write of the request.
   */
  void setRequestDispatchAndCounts(
      String requestId,
      JsonNode parameters,
      @Nullable String commSubscriptionId,
      String sessionLongevity,
      Instant dueAt,
      Instant now);

  void insertMessages(String requestId, List<UUID> messageIdentifiers, List<String> endUserIds);
}
