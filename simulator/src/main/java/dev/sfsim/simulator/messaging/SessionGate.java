package dev.sfsim.simulator.messaging;

import org.jdbi.v3.core.Handle;

/**
 * Session gating by AllowExistingSessionStatus ({@code messaging-behaviour.md} section 2, step 3):
 * {@code Any} sends; {@code NonActive} holds while the end user has an {@code Active} session; {@code Closed}
 * holds while the end user has any session not {@code Ended} or {@code Error}.
 */
final class SessionGate {
    private SessionGate() {}

    static boolean holds(Handle h, String allowedSessionStatus, String endUserId) {
        String condition = switch (allowedSessionStatus == null ? "Any" : allowedSessionStatus) {
            case "NonActive" -> "status = 'Active'";
            case "Closed" -> "status NOT IN ('Ended', 'Error')";
            default -> null;
        };
        if (condition == null) return false;
        return h.createQuery("SELECT count(*) FROM messaging_session WHERE messaging_end_user_id = :id AND NOT is_deleted AND " + condition)
                .bind("id", endUserId).mapTo(Integer.class).one() > 0;
    }
}
