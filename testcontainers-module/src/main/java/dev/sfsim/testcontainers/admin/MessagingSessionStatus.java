package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The {@code Status} picklist of a {@code MessagingSession} (<a
 * href="https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_messagingsession.htm">MessagingSession</a>),
 * as {@link SessionStatus} reports it.
 */
public enum MessagingSessionStatus {
  NEW("New"),
  ACTIVE("Active"),
  CONSENT("Consent"),
  WAITING("Waiting"),
  PAUSED("Paused"),
  INACTIVE("Inactive"),
  ENDED("Ended"),
  ERROR("Error");

  private final String wireValue;

  MessagingSessionStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * @return Salesforce's picklist value, e.g. {@code Active}
   */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }
}
