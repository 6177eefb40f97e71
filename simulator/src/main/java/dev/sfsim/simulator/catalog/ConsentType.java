package dev.sfsim.simulator.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ConsentType} picklist of MessagingChannel ("MessagingChannel", Object Reference for
 * the Salesforce Platform): the opt-in a channel asks of its end users. The constant's {@link
 * #value()} is the API value, as queries, records and describe show it.
 */
public enum ConsentType implements PicklistValue {
  DOUBLE_OPT_IN("DoubleOptIn"),
  EXPLICIT_OPT_IN("ExplicitOptIn"),
  IMPLICIT_OPT_IN("ImplicitOptIn");

  private final String value;

  ConsentType(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<ConsentType> of(@Nullable String value) {
    return PicklistValue.find(values(), value);
  }
}
