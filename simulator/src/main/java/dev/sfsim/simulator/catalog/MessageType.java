package dev.sfsim.simulator.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

  /**
   * The MessagingSession {@code ChannelType} for a channel's message type: the same value, except
   * for {@code Custom}, which that picklist lacks (null then, as for an unknown or null type).
   */
  public static @Nullable String sessionChannelType(@Nullable String messageType) {
    return of(messageType).filter(t -> t != CUSTOM).map(MessageType::value).orElse(null);
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<MessageType> of(@Nullable String value) {
    return PicklistValue.find(values(), value);
  }
}
