package dev.sfsim.simulator.admin;

import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.Dispatcher;
import dev.sfsim.simulator.messaging.MessagingEvent;
import dev.sfsim.simulator.messaging.MessagingEvents;
import dev.sfsim.simulator.messaging.persistence.SessionActions;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /__admin/messaging/sessions/{id}/accept|transfer|end|error}: agents and the platform
 * moving a session ({@link SessionActions}). Answers 200 {@code
 * {"messagingSessionId","status","previousStatus"}}; 404 {@code NOT_FOUND} for an id that names no
 * session; 400 {@code INVALID_STATUS} for a move the session's status does not allow. The
 * dispatcher runs at once, so messages held by {@code NonActive}/{@code Closed} gating go out
 * before the answer. Once the action's transaction committed, the org's event stream publishes
 * {@code session.changed}.
 */
public final class SessionAdminRoutes {
  private final SessionActions actions;
  private final Dispatcher dispatcher;
  private final MessagingEvents events;

  public SessionAdminRoutes(SessionActions actions, Dispatcher dispatcher, MessagingEvents events) {
    this.actions = actions;
    this.dispatcher = dispatcher;
    this.events = events;
  }

  public void apply(Context ctx, SessionActions.Action action) {
    String given = ctx.pathParam("id");
    String id =
        SalesforceIds.parse(given.trim())
            .filter(i -> SalesforceIds.keyPrefix(i).equals("0Mw"))
            .orElseThrow(
                () ->
                    new SalesforceException(
                        404, "NOT_FOUND", "No MessagingSession with id " + given, List.of()));
    SessionActions.Outcome o = actions.apply(id, action); // committed when it returns
    events.publish(
        MessagingEvent.sessionChanged(
            o.at(), o.messagingSessionId(), o.messagingEndUserId(), o.status()));
    dispatcher.runDue(); // held messages and entries react to the new status at once
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messagingSessionId", o.messagingSessionId());
    body.put("status", o.status());
    body.put("previousStatus", o.previousStatus());
    ctx.json(body);
  }
}
