package dev.sfsim.simulator.connect;

import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.persistence.TranscriptRepository;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /services/data/vNN.N/connect/conversation/{conversationIdentifier}/entries}
 * ("Conversation Entries", Connect REST API Developer Guide, v51.0+): the transcript of a
 * conversation, enhanced channels included, as {@code {"conversationEntries":[{clientDuration,
 * clientTimestamp, identifier, messageText, relatedRecords, sender:{appType, role, subject},
 * serverReceivedTimestamp}]}}. Parameters {@code recordLimit} (1-1000, default 25), {@code
 * queryDirection} ({@code FromEnd}, the default, or {@code FromStart}), {@code startTimestamp} and
 * {@code endTimestamp} (epoch milliseconds). The simulator's conversation identifier is the
 * MessagingSession id.
 */
public final class ConversationRoutes {
  static final double SINCE_VERSION = 51.0;
  private final TranscriptRepository transcripts;

  public ConversationRoutes(TranscriptRepository transcripts) {
    this.transcripts = transcripts;
  }

  public void entries(Context ctx) {
    ApiVersion v = Requests.version(ctx);
    if (v.value() < SINCE_VERSION) {
      throw SalesforceException.notFound();
    }
    String given = ctx.pathParam("conversationIdentifier");
    long limit = longParam(ctx, "recordLimit", 25);
    if (limit < 1 || limit > 1000) {
      throw SalesforceException.badRequest(
          "INVALID_API_INPUT", "recordLimit must be between 1 and 1000.");
    }
    String direction =
        ctx.queryParamAsClass("queryDirection", String.class).getOrDefault("FromEnd");
    if (!direction.equals("FromEnd") && !direction.equals("FromStart")) {
      throw SalesforceException.badRequest(
          "INVALID_API_INPUT", "queryDirection must be FromEnd or FromStart.");
    }
    long start = millis(longParam(ctx, "startTimestamp", 0L));
    Long end =
        ctx.queryParam("endTimestamp") == null ? null : millis(longParam(ctx, "endTimestamp", 0L));
    String sessionId =
        SalesforceIds.parse(given)
            .filter(i -> SalesforceIds.keyPrefix(i).equals("0Mw"))
            .orElse(null);
    var entries =
        sessionId == null
            ? java.util.Optional.<List<Map<String, Object>>>empty()
            : transcripts.entries(
                sessionId, direction.equals("FromStart"), start, end, (int) limit);
    ctx.json(
        Map.of(
            "conversationEntries",
            entries.orElseThrow(
                () ->
                    new SalesforceException(
                        404, "NOT_FOUND", "The requested resource does not exist", List.of()))));
  }

  /**
   * Epoch milliseconds held to years 1-9999: no entry lies beyond, and PostgreSQL refuses
   * timestamps far out of that range.
   */
  private static long millis(long epochMillis) {
    return Math.max(-62_135_596_800_000L, Math.min(253_402_300_799_999L, epochMillis));
  }

  private static long longParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw SalesforceException.badRequest(
          "INVALID_API_INPUT", name + " must be a number, was " + v);
    }
  }
}
