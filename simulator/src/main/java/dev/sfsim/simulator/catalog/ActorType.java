package dev.sfsim.simulator.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ActorType} picklist of ConversationEntry ("ConversationEntry", Object Reference for
 * the Salesforce Platform): who wrote the entry. The constant's {@link #value()} is the API value,
 * as queries, records and describe show it.
 */
public enum ActorType implements PicklistValue {
  AGENT("Agent"),
  BOT("Bot"),
  END_USER("EndUser"),
  SUPERVISOR("Supervisor"),
  SYSTEM("System");

  private final String value;

  ActorType(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<ActorType> of(@Nullable String value) {
    return PicklistValue.find(values(), value);
  }
}
