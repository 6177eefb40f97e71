package dev.sfsim.simulator.action;

import dev.sfsim.simulator.http.Negotiation;
import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listing and describe of invocable actions ("Invocable Actions", REST API Developer Guide): {@code
 * GET B/actions}, {@code GET B/actions/standard} (sendConversationMessages from v59.0) and {@code
 * GET}/{@code HEAD B/actions/standard/sendConversationMessages}, which answers 304 to an {@code
 * If-Modified-Since} not before the simulator's start. Custom actions are not emulated (501). XML
 * answers ({@link Negotiation}) use the roots {@code Actions} (lists) and {@code Action} (describe)
 * — inferred, the guide names the XML format for these resources but shows no XML example.
 */
public final class ActionCatalogRoutes {
  private final Instant describeModified;

  /**
   * @param describeModified when the action metadata last changed (the simulator's start)
   */
  public ActionCatalogRoutes(Instant describeModified) {
    this.describeModified = describeModified;
  }

  /** {@code GET /services/data/vNN.N/actions/custom}: not supported. */
  public void custom(Context ctx) {
    Requests.version(ctx);
    throw SalesforceException.notSupported("Custom invocable actions (/actions/custom)");
  }

  public void actions(Context ctx) {
    ApiVersion v = Requests.version(ctx);
    Map<String, String> m = new LinkedHashMap<>();
    m.put("standard", v.basePath() + "/actions/standard");
    m.put("custom", v.basePath() + "/actions/custom");
    Negotiation.write(ctx, "Actions", null, m);
  }

  public void standard(Context ctx) {
    ApiVersion v = Requests.version(ctx);
    List<Map<String, Object>> actions =
        exists(v) ? List.of(SendConversationMessagesDescribe.listEntry(v)) : List.of();
    Negotiation.write(ctx, "Actions", null, Map.of("actions", actions));
  }

  public void describe(Context ctx) {
    ApiVersion v = Requests.version(ctx);
    if (!ctx.pathParam("action").equals(SendConversationMessagesService.ACTION_NAME)
        || !exists(v)) {
      throw SalesforceException.notFound();
    }
    Instant since = Requests.ifModifiedSince(ctx);
    if (since != null
        && !since.isBefore(describeModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
      Requests.noBody(ctx, 304);
      return;
    }
    Negotiation.write(ctx, "Action", null, SendConversationMessagesDescribe.describe(v));
  }

  private static boolean exists(ApiVersion v) {
    return v.value() >= SendConversationMessagesService.SINCE_VERSION;
  }
}
