package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The engine's reads and writes inside one transaction of {@link MessagingStore#inTransaction}. */
public interface MessagingTransaction {

    /** A message whose attempt is due: its identifier and its end user. */
    record DueMessage(UUID messageIdentifier, String messagingEndUserId) {}

    /** Locks an {@code InProgress} request's row; empty when another process holds it or it is not in progress. */
    Optional<SendRequest> lockRequestInProgress(String requestId);

    /** {@code InProgress} messages of the request whose attempt is due, in recipient order. */
    List<DueMessage> dueAttempts(String requestId, Instant now);

    /** Moves due pending messages into the free in-flight slots (at most {@code maxInFlight}); returns how many. */
    int startAttempts(String requestId, Instant now, Instant attemptDueAt, int maxInFlight);

    /** Sets a message's state: {@code Pending}, {@code InProgress}, {@code Sent} or {@code Failed}. */
    void setMessageStatus(UUID messageIdentifier, String status, String failureReason, String sessionId, Instant dueAt);

    /** Rewrites the request's counts and identifier lists from its messages' states. */
    void recomputeCounts(String requestId, Instant now);

    /** Marks the request {@code Completed} (with CompletedDate) when no message is pending or in progress. */
    void completeIfDone(String requestId, Instant now);

    /** The end user with its channel; empty when either does not exist or is deleted. */
    Optional<Recipient> recipient(String messagingEndUserId);

    /** Whether the end user has a session whose Status is one of {@code statuses} ({@code exclude=false}) or none of them. */
    boolean hasSession(String messagingEndUserId, List<String> statuses, boolean exclude);

    /** The end user's newest session with Status {@code New}. */
    Optional<String> newestNewSession(String messagingEndUserId);

    /** The next ConversationEntry Seq of a session. */
    int nextEntrySeq(String sessionId);

    /** The messaging component of that developer name. */
    Optional<MessagingComponent> component(String developerName);

    /** Inserts a record as the system (any field), validated by the catalog; returns its id. */
    String insertRecord(String objectName, Map<String, JsonNode> values, String userId, Instant now);

    /** Stores the request's parameters and when the dispatcher may take it up. */
    void setRequestDispatch(String requestId, JsonNode parameters, Instant dueAt);

    /** Inserts one pending message per recipient, in order. */
    void insertMessages(String requestId, List<UUID> messageIdentifiers, List<String> endUserIds);

    /** Records a sent message in the outbox. */
    void insertOutbox(OutboxEntry entry);
}
