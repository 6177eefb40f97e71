package dev.sfsim.testcontainers.admin;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ConvMessageSendRequest} record as SOQL returns it: the state of one {@code
 * sendConversationMessages} invocation (<a
 * href="https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_convmessagesendrequest.htm">ConvMessageSendRequest</a>).
 * Identifier lists are split at commas (empty when the field is null).
 *
 * @param failedMessageErrorReasons the reasons of the failed messages, comma-separated; null when
 *     none failed
 * @param completedDate when the request completed; null until it does
 */
public record SendRequestStatus(
    String id,
    RequestStatus requestStatus,
    int totalMessageCount,
    int successMessageCount,
    int failedMessageCount,
    int pendingMessageCount,
    int inProgressMessageCount,
    List<String> successMessageIdentifiers,
    List<String> failedMessageIdentifiers,
    @Nullable String failedMessageErrorReasons,
    @Nullable Instant completedDate) {

  /**
   * @return true when {@link #requestStatus()} is {@link RequestStatus#COMPLETED}
   */
  public boolean isCompleted() {
    return requestStatus == RequestStatus.COMPLETED;
  }
}
