package dev.sfsim.simulator.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code EntryType} picklist of ConversationEntry ("ConversationEntry", Object Reference for
 * the Salesforce Platform). The constant's {@link #value()} is the API value, as queries, records
 * and describe show it.
 */
public enum EntryType implements PicklistValue {
  TEXT("Text"),
  ADMIN_OPTED_IN("AdminOptedIn"),
  ADMIN_OPTED_OUT("AdminOptedOut"),
  BOT_ESCALATED("BotEscalated"),
  CHATBOT_CLOSED_IDLE_SESSION("ChatbotClosedIdleSession"),
  CHATBOT_ENDED_CHAT_BY_ACTION("ChatbotEndedChatByAction"),
  CHATBOT_ENDED_TRANSFER_NOT_CONFIGURED("ChatbotEndedTransferNotConfigured"),
  CHATBOT_ESTABLISHED("ChatbotEstablished"),
  CHATBOT_NOT_ESTABLISHED("ChatbotNotEstablished"),
  END_USER_OPTED_IN("EndUserOptedIn"),
  END_USER_OPTED_OUT("EndUserOptedOut");

  private final String value;

  EntryType(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<EntryType> of(@Nullable String value) {
    return PicklistValue.find(values(), value);
  }
}
