package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.catalog.MessageStatus;
import dev.sfsim.simulator.catalog.SessionStatus;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.Dispatcher;
import dev.sfsim.simulator.messaging.FaultRule;
import dev.sfsim.simulator.messaging.MessagingEvent;
import dev.sfsim.simulator.messaging.MessagingEvents;
import dev.sfsim.simulator.messaging.persistence.EndUserMessages;
import dev.sfsim.simulator.messaging.persistence.FaultRepository;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The messaging admin endpoints of the admin API (contract: {@code GET /__admin/openapi.json}):
 * {@code GET/POST /__admin/clock}, {@code POST/GET/DELETE /__admin/faults[/{id}]}, {@code POST
 * /__admin/messaging/inbound} and the receipts {@code POST
 * /__admin/messaging/{messageIdentifier}/delivered|read}.
 */
public final class MessagingAdminRoutes {
  private static final Set<String> MATCH_KEYS =
      Set.of("messagingEndUserId", "messagingPlatformKey", "messagingChannelId");

  /**
   * Longest delay fault: keeps every scheduled send within the timestamps PostgreSQL stores, even
   * from {@link SimClock#LATEST}.
   */
  static final Duration MAX_DELAY = Duration.ofDays(36_500);

  private static final Set<String> RULE_KEYS =
      Set.of("match", "effect", "reason", "statusCode", "times", "delay");

  private static final java.time.format.DateTimeFormatter ISO_MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private final SimClock clock;
  private final Dispatcher dispatcher;
  private final FaultRepository faults;
  private final EndUserMessages endUsers;
  private final MessagingEvents events;

  public MessagingAdminRoutes(
      SimClock clock,
      Dispatcher dispatcher,
      FaultRepository faults,
      EndUserMessages endUsers,
      MessagingEvents events) {
    this.clock = clock;
    this.events = events;
    this.dispatcher = dispatcher;
    this.faults = faults;
    this.endUsers = endUsers;
  }

  /**
   * {@code GET /__admin/clock}: what the database holds now, even before another process's change
   * is announced.
   */
  public void clock(Context ctx) {
    clock.refresh();
    ctx.json(clockState());
  }

  /** {@code GET /__admin/faults}. */
  public void listFaults(Context ctx) {
    ctx.json(Map.of("faults", faults.list().stream().map(MessagingAdminRoutes::json).toList()));
  }

  /** {@code DELETE /__admin/faults}: 204. */
  public void deleteFaults(Context ctx) {
    faults.deleteAll();
    ctx.status(204);
  }

  /** {@code DELETE /__admin/faults/{id}}: 204, or 404 {@code NOT_FOUND}. */
  public void deleteFault(Context ctx) {
    if (!faults.delete(ctx.pathParam("id"))) {
      throw new SalesforceException(
          404, ErrorCode.NOT_FOUND, "No fault rule with id " + ctx.pathParam("id"), List.of());
    }
    ctx.status(204);
  }

  /** {@code POST /__admin/messaging/{messageIdentifier}/delivered}. */
  public void delivered(Context ctx) {
    receipt(ctx, false);
  }

  /** {@code POST /__admin/messaging/{messageIdentifier}/read}. */
  public void read(Context ctx) {
    receipt(ctx, true);
  }

  private Map<String, Object> clockState() {
    return clockState(clock.now());
  }

  private Map<String, Object> clockState(Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("now", ISO_MILLIS.format(now));
    m.put("frozen", clock.frozen());
    return m;
  }

  /**
   * One of {@code {"freeze":true|false}}, {@code {"set":"<ISO instant>"}}, {@code {"advance":"<ISO
   * duration>"}}.
   */
  public void moveClock(Context ctx) {
    JsonNode body = Json.parse(ctx.body());
    if (!body.isObject() || body.size() != 1) {
      throw bad(
          "The body must be one of {\"freeze\": true|false}, {\"set\": \"<instant>\"}, {\"advance\": \"<duration>\"}.");
    }
    try {
      if (body.has("freeze") && body.get("freeze").isBoolean()) {
        if (body.get("freeze").booleanValue()) {
          clock.freeze();
        } else {
          // the answer names the instant the clock runs on from: read after the write, a running
          // clock would already be a millisecond or two past it
          Instant resumedAt = clock.now();
          clock.unfreeze();
          ctx.json(clockState(resumedAt));
          return;
        }
      } else if (body.has("set") && body.get("set").isTextual()) {
        dispatcher.advanceTo(Instant.parse(body.get("set").asText()));
      } else if (body.has("advance") && body.get("advance").isTextual()) {
        Duration d = Duration.parse(body.get("advance").asText());
        if (d.isNegative() || d.isZero()) {
          throw bad("advance must be a positive ISO-8601 duration such as PT48H, was " + d);
        }
        Instant now = clock.now();
        if (d.compareTo(Duration.between(now, SimClock.LATEST)) > 0) {
          throw bad(
              "advance "
                  + d
                  + " would move the clock past "
                  + SimClock.LATEST
                  + " (Salesforce's latest valid date).");
        }
        dispatcher.advanceTo(now.plus(d));
      } else {
        throw bad("Unknown clock operation: " + body);
      }
    } catch (DateTimeParseException e) {
      throw bad("Not an ISO-8601 instant or duration: " + e.getParsedString());
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    ctx.json(clockState());
  }

  public void addFault(Context ctx) {
    JsonNode body = Json.parse(ctx.body());
    if (!body.isObject()) {
      throw bad("The body must be a fault rule object.");
    }
    body.fieldNames()
        .forEachRemaining(
            k -> {
              if (!RULE_KEYS.contains(k)) {
                throw bad("Unknown fault rule property: " + k);
              }
            });
    JsonNode match = body.path("match");
    if (!match.isMissingNode() && !match.isNull() && !match.isObject()) {
      throw bad("match must be an object.");
    }
    match
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!MATCH_KEYS.contains(k)) {
                throw bad(
                    "Unknown match property: "
                        + k
                        + " (messagingEndUserId, messagingPlatformKey, messagingChannelId)");
              }
            });
    String effect = text(body, "effect");
    if (effect == null || !FaultRule.EFFECTS.contains(effect)) {
      throw bad("effect must be fail, transient, undeliverable or delay, was " + effect);
    }
    Integer times = null;
    if (body.hasNonNull("times")) {
      if (!body.get("times").canConvertToInt() || body.get("times").intValue() < 1) {
        throw bad("times must be a positive integer.");
      }
      times = body.get("times").intValue();
    }
    Duration delay = null;
    if (body.hasNonNull("delay")) {
      try {
        delay = Duration.parse(body.get("delay").asText());
      } catch (DateTimeParseException e) {
        throw bad(
            "delay must be an ISO-8601 duration such as PT30S, was " + body.get("delay").asText());
      }
      if (delay.isNegative()) {
        throw bad("delay must not be negative.");
      }
      if (delay.compareTo(MAX_DELAY) > 0) {
        throw bad("delay must be at most " + MAX_DELAY + " (100 years), was " + delay);
      }
    }
    if (effect.equals("delay") && delay == null) {
      throw bad("A delay rule needs a delay (ISO-8601 duration).");
    }
    FaultRule rule =
        new FaultRule(
            null,
            id(match, "messagingEndUserId", "0PA"),
            text(match, "messagingPlatformKey"),
            id(match, "messagingChannelId", "0Mj"),
            effect,
            text(body, "reason"),
            text(body, "statusCode"),
            times,
            delay,
            0);
    ctx.status(201).json(Map.of("id", faults.add(rule)));
  }

  public void inbound(Context ctx) {
    JsonNode body = Json.parse(ctx.body());
    String endUser = id(body, "messagingEndUserId", "0PA");
    if (endUser == null) {
      throw SalesforceException.badRequest(
          ErrorCode.REQUIRED_FIELD_MISSING,
          "messagingEndUserId is required.",
          List.of("messagingEndUserId"));
    }
    String text = text(body, "text");
    if (text == null || text.isBlank()) {
      throw SalesforceException.badRequest(
          ErrorCode.REQUIRED_FIELD_MISSING, "text is required.", List.of("text"));
    }
    EndUserMessages.Inbound in = endUsers.inbound(endUser, text);
    Instant at = clock.now();
    events.publish(
        MessagingEvent.inboundReceived(
            at, in.messageIdentifier(), in.messagingSessionId(), endUser, text));
    events.publish(
        MessagingEvent.sessionChanged(
            at, in.messagingSessionId(), endUser, SessionStatus.ACTIVE.value()));
    dispatcher.runDue(); // a session that became Active gates held messages at once
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messagingSessionId", in.messagingSessionId());
    out.put("messageIdentifier", in.messageIdentifier());
    ctx.status(201).json(out);
  }

  private void receipt(Context ctx, boolean read) {
    String id = ctx.pathParam("messageIdentifier");
    endUsers
        .receipt(id, read)
        .ifPresent(
            session ->
                events.publish(
                    MessagingEvent.messageStatus(
                        clock.now(),
                        id,
                        session,
                        (read ? MessageStatus.READ : MessageStatus.DELIVERED).value(),
                        null)));
    ctx.status(204);
  }

  private static @Nullable String text(JsonNode node, String name) {
    JsonNode n = node.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw bad(name + " must be a string.");
    }
    return n.asText();
  }

  private static @Nullable String id(JsonNode node, String name, String prefix) {
    String v = text(node, name);
    if (v == null) {
      return null;
    }
    return SalesforceIds.parse(v.trim())
        .filter(i -> SalesforceIds.keyPrefix(i).equals(prefix))
        .orElseThrow(
            () ->
                SalesforceException.badRequest(
                    ErrorCode.MALFORMED_ID,
                    name + ": id value of incorrect type: " + v,
                    List.of(name)));
  }

  private static SalesforceException bad(@Nullable String message) {
    return SalesforceException.badRequest(ErrorCode.INVALID_INPUT, message);
  }

  private static Map<String, Object> json(FaultRule r) {
    Map<String, Object> match = new LinkedHashMap<>();
    if (r.messagingEndUserId() != null) {
      match.put("messagingEndUserId", r.messagingEndUserId());
    }
    if (r.messagingPlatformKey() != null) {
      match.put("messagingPlatformKey", r.messagingPlatformKey());
    }
    if (r.messagingChannelId() != null) {
      match.put("messagingChannelId", r.messagingChannelId());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("match", match);
    m.put("effect", r.effect());
    m.put("reason", r.reason());
    m.put("statusCode", r.statusCode());
    m.put("times", r.times());
    m.put("delay", r.delay() == null ? null : r.delay().toString());
    m.put("fired", r.fired());
    return m;
  }
}
