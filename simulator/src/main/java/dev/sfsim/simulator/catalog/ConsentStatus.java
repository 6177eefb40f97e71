package dev.sfsim.simulator.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code MessagingConsentStatus} picklist of MessagingEndUser ("MessagingEndUser", Object
 * Reference for the Salesforce Platform). The constant's {@link #value()} is the API value, as
 * queries, records and describe show it.
 */
public enum ConsentStatus implements PicklistValue {
  DOUBLY_OPTED_IN("DoublyOptedIn"),
  EXPLICITLY_OPTED_IN("ExplicitlyOptedIn"),
  IMPLICITLY_OPTED_IN("ImplicitlyOptedIn"),
  OPTED_OUT("OptedOut");

  private final String value;

  ConsentStatus(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<ConsentStatus> of(@Nullable String value) {
    return PicklistValue.find(values(), value);
  }
}
