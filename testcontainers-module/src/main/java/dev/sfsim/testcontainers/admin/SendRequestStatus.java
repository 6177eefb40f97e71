package dev.sfsim.testcontainers.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ConvMessageSendRequest} record as SOQL returns it: the state of one {@code
 * sendConversationMessages} invocation. Identifier lists are split at commas (empty when the field
 * is null).
 */
public record SendRequestStatus(
    String id,
    String requestStatus,
    int totalMessageCount,
    int successMessageCount,
    int failedMessageCount,
    int pendingMessageCount,
    int inProgressMessageCount,
    List<String> successMessageIdentifiers,
    List<String> failedMessageIdentifiers,
    @Nullable String failedMessageErrorReasons,
    @Nullable String completedDate) {

  public boolean isCompleted() {
    return "Completed".equals(requestStatus);
  }
}
