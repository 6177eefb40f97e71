package dev.sfsim.simulator.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code RequestStatus} picklist of ConvMessageSendRequest ("ConvMessageSendRequest", Object
 * Reference for the Salesforce Platform): a request is {@code Pending} until the dispatcher picks
 * it up, {@code InProgress} (labelled "In Progress") while it sends, then {@code Completed}. The
 * constant's {@link #value()} is the API value, as queries, records and describe show it.
 */
public enum RequestStatus implements PicklistValue {
  PENDING("Pending"),
  IN_PROGRESS("InProgress"),
  COMPLETED("Completed");

  private final String value;

  RequestStatus(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** The constant whose API value is {@code value} (case-sensitive, as stored), if any. */
  public static Optional<RequestStatus> of(@Nullable String value) {
    return PicklistValue.find(values(), value);
  }
}
