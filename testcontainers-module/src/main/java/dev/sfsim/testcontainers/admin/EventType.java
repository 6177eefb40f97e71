package dev.sfsim.testcontainers.admin;

/**
 * The {@code type} of an event of the admin event stream ({@code GET /__admin/events}, {@link
 * AdminEvents}); the members each type carries are listed in the project README, "Event stream".
 */
public enum EventType {
  /** The dispatcher sent a message (after its transaction committed). */
  MESSAGE_SENT("message.sent"),
  /** A message became {@code Delivered}, {@code Read} or {@code Error}. */
  MESSAGE_STATUS("message.status"),
  /** The dispatcher worked on a send request ({@code requestStatus}, the counts). */
  REQUEST_PROGRESSED("request.progressed"),
  /** A messaging session changed status. */
  SESSION_CHANGED("session.changed"),
  /** {@code POST /__admin/messaging/inbound} received an end user's message. */
  INBOUND_RECEIVED("inbound.received");

  private final String wireValue;

  EventType(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * @return the event's {@code type} member, e.g. {@code request.progressed}
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * @return true when the event (a map of its JSON members) is of this type
   */
  public boolean matches(java.util.Map<String, Object> event) {
    return wireValue.equals(event.get("type"));
  }
}
