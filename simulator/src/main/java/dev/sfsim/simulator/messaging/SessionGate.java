package dev.sfsim.simulator.messaging;

import dev.sfsim.simulator.catalog.SessionStatus;
import java.util.List;

/**
 * Session gating by AllowExistingSessionStatus (the README's "Messaging behaviour" rules): {@code
 * Any} sends; {@code NonActive} holds while the end user has an {@code Active} session; {@code
 * Closed} holds while the end user has any session not {@code Ended} or {@code Error}. Pure: works
 * on the end user's open sessions.
 */
final class SessionGate {
  private SessionGate() {}

  /**
   * @param openStatuses statuses of the end user's sessions that are not Ended or Error
   */
  static boolean holds(String allowedSessionStatus, List<String> openStatuses) {
    return switch (allowedSessionStatus == null ? "Any" : allowedSessionStatus) {
      case "NonActive" -> openStatuses.contains(SessionStatus.ACTIVE.value());
      case "Closed" -> !openStatuses.isEmpty();
      default -> false;
    };
  }
}
