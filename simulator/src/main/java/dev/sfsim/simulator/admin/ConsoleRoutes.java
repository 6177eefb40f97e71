package dev.sfsim.simulator.admin;

import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.persistence.ConsoleRepository;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read endpoints the web console needs, per org like every admin path:
 *
 * <ul>
 *   <li>{@code GET /__admin/messaging/conversations}: {@code {"channels": [{id, developerName,
 *       masterLabel, messageType, messagingPlatformKey, platformType, endUsers: [{id, name,
 *       messagingPlatformKey, messagingConsentStatus, sessions: [{id, name, status, origin,
 *       startTime, endTime}]}]}]}}, sessions newest first;
 *   <li>{@code GET /__admin/messaging/sessions/{id}}: {@code {id, name, status, origin, startTime,
 *       endTime, messagingEndUserId, messagingEndUserName, messages: [{direction
 *       (Outbound|Inbound), messageIdentifier, text, actorType, actorName, at, status, statusCode,
 *       deliveredAt, readAt, messageDefinitionName, requestId}]}}, oldest first; 400 {@code
 *       MALFORMED_ID}, 404 {@code NOT_FOUND};
 *   <li>{@code GET /__admin/messaging/requests[?status=Pending|InProgress|Completed]}: {@code
 *       {"requests": [{id, name, requestStatus, messageDefinition, createdDate, completedDate,
 *       durationMs, totalMessageCount, successMessageCount, failedMessageCount,
 *       pendingMessageCount, inProgressMessageCount, recipients: [{messagingEndUserId,
 *       messagingEndUserName, messageIdentifier, status, failureReason, messagingSessionId}]}]}},
 *       newest first, at most 200; 400 {@code INVALID_FIELD} for another filter or status.
 * </ul>
 */
public final class ConsoleRoutes {
  private static final Set<String> STATUSES = Set.of("Pending", "InProgress", "Completed");

  private final ConsoleRepository console;

  public ConsoleRoutes(ConsoleRepository console) {
    this.console = console;
  }

  /** {@code GET /__admin/messaging/conversations}. */
  public void conversations(Context ctx) {
    ctx.json(Map.of("channels", console.channels()));
  }

  public void session(Context ctx) {
    String raw = ctx.pathParam("id");
    String id =
        SalesforceIds.parse(raw)
            .filter(i -> SalesforceIds.keyPrefix(i).equals("0Mw"))
            .orElseThrow(
                () ->
                    SalesforceException.badRequest(
                        "MALFORMED_ID",
                        "MessagingSession id value of incorrect type: " + raw,
                        List.of("id")));
    ctx.json(
        console
            .session(id)
            .orElseThrow(
                () ->
                    new SalesforceException(
                        404, "NOT_FOUND", "No MessagingSession with id " + raw, List.of())));
  }

  public void requests(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!name.equals("status")) {
        throw SalesforceException.badRequest(
            "INVALID_FIELD",
            "Unknown send request filter '" + name + "'. Filters: status.",
            List.of(name));
      }
    }
    String status = ctx.queryParam("status");
    if (status != null && status.isEmpty()) {
      status = null;
    }
    if (status != null && !STATUSES.contains(status)) {
      throw SalesforceException.badRequest(
          "INVALID_FIELD",
          "status: bad value '" + status + "'. Values: Pending, InProgress, Completed.",
          List.of("status"));
    }
    ctx.json(Map.of("requests", console.requests(status)));
  }
}
