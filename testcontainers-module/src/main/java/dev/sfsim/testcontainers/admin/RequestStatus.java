package dev.sfsim.testcontainers.admin;

import java.util.Arrays;

/**
 * The {@code RequestStatus} of a {@code ConvMessageSendRequest} (<a
 * href="https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_convmessagesendrequest.htm">ConvMessageSendRequest</a>),
 * as {@link SendRequestStatus} reports it.
 */
public enum RequestStatus {
  /** No message of the request was worked on yet. */
  PENDING("Pending"),
  /** Some messages are sent or failed, others still pending (or held by session gating). */
  IN_PROGRESS("InProgress"),
  /** Every message is sent or failed. */
  COMPLETED("Completed");

  private final String wireValue;

  RequestStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * @return Salesforce's picklist value, e.g. {@code InProgress}
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * @param wireValue Salesforce's picklist value
   * @throws IllegalArgumentException for any other text
   */
  public static RequestStatus of(String wireValue) {
    return Arrays.stream(values())
        .filter(s -> s.wireValue.equals(wireValue))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException("Not a ConvMessageSendRequest status: " + wireValue));
  }
}
