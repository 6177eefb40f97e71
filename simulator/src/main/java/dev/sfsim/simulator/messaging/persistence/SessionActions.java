package dev.sfsim.simulator.messaging.persistence;

import static dev.sfsim.simulator.messaging.persistence.MessagingBatches.ts;

import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.SalesforceException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What agents and the platform do to a messaging session, which a real org does not let API callers
 * do by writing {@code MessagingSession.Status} (not updateable, MessagingSession object
 * reference): an agent accepts it ({@code Active}, {@code AcceptTime}), transfers it ({@code
 * Waiting} until someone accepts it again), closes it ({@code Ended}, {@code EndedByType} {@code
 * Agent}, {@code EndTime}); the platform marks it {@code Error}. Each is one transaction on the
 * locked session row.
 */
public final class SessionActions {
  /** One action: its name in the admin path, the new status, and the statuses it may start from. */
  public enum Action {
    ACCEPT("Active", Set.of("New", "Waiting", "Consent", "Paused", "Inactive")),
    TRANSFER("Waiting", Set.of("Active")),
    END("Ended", Set.of("New", "Active", "Waiting", "Consent", "Paused", "Inactive")),
    ERROR("Error", Set.of("New", "Active", "Waiting", "Consent", "Paused", "Inactive"));

    final String status;
    final Set<String> from;

    Action(String status, Set<String> from) {
      this.status = status;
      this.from = from;
    }

    public String pathName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The session after the action, its status before, its end user and the simulated instant of the
   * action.
   */
  public record Outcome(
      String messagingSessionId,
      String status,
      String previousStatus,
      String messagingEndUserId,
      Instant at) {}

  private final Jdbi jdbi;
  private final SimClock clock;

  public SessionActions(Jdbi jdbi, SimClock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Applies the action now (simulated clock).
   *
   * @param sessionId 18-character MessagingSession id
   * @throws SalesforceException 404 {@code NOT_FOUND} for no live session with that id; 400 {@code
   *     INVALID_STATUS} when the session's status does not allow the action (e.g. accepting an
   *     ended session)
   */
  public Outcome apply(String sessionId, Action action) {
    return jdbi.inTransaction(
        h -> {
          String[] row =
              h.createQuery(
                      "SELECT coalesce(status, 'New'), messaging_end_user_id FROM messaging_session"
                          + " WHERE id = :id AND NOT is_deleted FOR UPDATE")
                  .bind("id", sessionId)
                  .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                  .findOne()
                  .orElseThrow(
                      () ->
                          new SalesforceException(
                              404,
                              "NOT_FOUND",
                              "No MessagingSession with id " + sessionId,
                              List.of()));
          String before = row[0];
          if (!action.from.contains(before)) {
            throw SalesforceException.badRequest(
                "INVALID_STATUS",
                "Cannot "
                    + action.pathName()
                    + " MessagingSession "
                    + sessionId
                    + ": its Status is "
                    + before
                    + " ("
                    + action.pathName()
                    + " needs one of "
                    + String.join(", ", action.from.stream().sorted().toList())
                    + ").");
          }
          String set =
              switch (action) {
                case ACCEPT -> "accept_time = :now, agent_type = coalesce(agent_type, 'Agent')";
                case TRANSFER -> "accept_time = NULL";
                case END -> "end_time = :now, ended_by_type = 'Agent', sfsim_expires_at = NULL";
                case ERROR -> "end_time = :now, sfsim_expires_at = NULL";
              };
          Instant now = clock.now();
          h.createUpdate(
                  "UPDATE messaging_session SET status = :status, "
                      + set
                      + ", last_modified_date = :now, system_modstamp = :now"
                      + " WHERE id = :id")
              .bind("status", action.status)
              .bind("now", ts(now))
              .bind("id", sessionId)
              .execute();
          return new Outcome(sessionId, action.status, before, row[1], now);
        });
  }
}
