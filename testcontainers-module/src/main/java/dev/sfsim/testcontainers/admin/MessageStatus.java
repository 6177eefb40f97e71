package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a message the fake channel received stands ({@link OutboxMessage#status()}): the {@code
 * MessageStatus} picklist of its {@code ConversationEntry} (<a
 * href="https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_conversationentry.htm">ConversationEntry</a>).
 */
public enum MessageStatus {
  /** Handed to the channel. */
  SENT("Sent"),
  /** The end user's device received it. */
  DELIVERED("Delivered"),
  /** The end user read it. */
  READ("Read"),
  /** The channel could not deliver it (see {@link OutboxMessage#statusCode()}). */
  ERROR("Error");

  private final String wireValue;

  MessageStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * @return Salesforce's picklist value, e.g. {@code Delivered}
   */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }
}
