package dev.sfsim.simulator.catalog;

import java.util.Optional;

/**
 * The {@code MessageType} picklist of MessagingChannel and MessagingEndUser ("MessagingChannel",
 * Object Reference for the Salesforce Platform): the channel a message goes through. The constant's
 * {@link #value()} is the API value, as queries, records and describe show it.
 */
public enum MessageType implements PicklistValue {
  APPLE_BUSINESS_CHAT("AppleBusinessChat"),
  CUSTOM("Custom"),
  EMBEDDED_MESSAGING("EmbeddedMessaging"),
  FACEBOOK("Facebook"),
  PHONE("Phone"),
  TEXT("Text"),
  VOICE("Voice"),
  WHATS_APP("WhatsApp");

  private final String value;

  MessageType(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<MessageType> of(String value) {
    return PicklistValue.find(values(), value);
  }
}
