package dev.sfsim.simulator.messaging;

import java.util.List;

/**
 * Session gating by AllowExistingSessionStatus ({@code messaging-behaviour.md} section 2, step 3):
 * {@code Any} sends; {@code NonActive} holds while the end user has an {@code Active} session; {@code Closed}
 * holds while the end user has any session not {@code Ended} or {@code Error}.
 */
final class SessionGate {
    private SessionGate() {}

    static boolean holds(MessagingTransaction tx, String allowedSessionStatus, String endUserId) {
        return switch (allowedSessionStatus == null ? "Any" : allowedSessionStatus) {
            case "NonActive" -> tx.hasSession(endUserId, List.of("Active"), false);
            case "Closed" -> tx.hasSession(endUserId, List.of("Ended", "Error"), true);
            default -> false;
        };
    }
}
