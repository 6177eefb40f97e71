package dev.sfsim.simulator.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code MessageStatus} picklist of ConversationEntry ("ConversationEntry", Object Reference
 * for the Salesforce Platform): an outbound message is {@code Sent}, then {@code Delivered}, then
 * {@code Read}, or ends in {@code Error}. The constant's {@link #value()} is the API value, as
 * queries, records and describe show it.
 */
public enum MessageStatus implements PicklistValue {
  DELIVERED("Delivered"),
  ERROR("Error"),
  PENDING("Pending"),
  READ("Read"),
  SENT("Sent");

  private final String value;

  MessageStatus(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<MessageStatus> of(@Nullable String value) {
    return PicklistValue.find(values(), value);
  }
}
