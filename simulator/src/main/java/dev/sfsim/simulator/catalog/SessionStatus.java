package dev.sfsim.simulator.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Status} picklist of MessagingSession ("MessagingSession", Object Reference for the
 * Salesforce Platform). Sessions that are {@code Ended} or {@code Error} are closed; the others are
 * open. The constant's {@link #value()} is the API value, as queries, records and describe show it.
 */
public enum SessionStatus implements PicklistValue {
  NEW("New"),
  ACTIVE("Active"),
  CONSENT("Consent"),
  WAITING("Waiting"),
  PAUSED("Paused"),
  INACTIVE("Inactive"),
  ENDED("Ended"),
  ERROR("Error");

  private final String value;

  SessionStatus(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<SessionStatus> of(@Nullable String value) {
    return PicklistValue.find(values(), value);
  }
}
