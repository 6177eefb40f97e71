package dev.sfsim.simulator.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET B/limits} ("Limits", REST API Developer Guide): {@code {"<Name>":{"Max":n,
 * "Remaining":n}}}. {@code DailyApiRequests} counts this process's real calls ({@link ApiUsage});
 * the other allocations are those of a Developer Edition org, with nothing consumed because the
 * simulator offers nothing that consumes them (Bulk API, streaming, OData callouts, storage
 * accounting).
 */
public final class LimitsRoutes {
  private final ApiUsage usage;

  public LimitsRoutes(ApiUsage usage) {
    this.usage = usage;
  }

  public void limits(Context ctx) {
    Negotiation.jsonOnly(ctx, "/limits");
    Requests.version(ctx);
    Map<String, Limit> m = new LinkedHashMap<>();
    m.put(
        "DailyApiRequests",
        limit(ApiUsage.DAILY_MAX, Math.max(0, ApiUsage.DAILY_MAX - usage.used())));
    m.put("DailyAsyncApexExecutions", limit(250_000, 250_000));
    m.put("DailyBulkApiBatches", limit(15_000, 15_000));
    m.put("DailyBulkV2QueryJobs", limit(10_000, 10_000));
    m.put("DailyStreamingApiEvents", limit(10_000, 10_000));
    m.put("DataStorageMB", limit(5, 5));
    m.put("FileStorageMB", limit(20, 20));
    m.put("HourlyODataCallout", limit(10_000, 10_000));
    ctx.json(m);
  }

  /** One allocation: {@code {"Max":n,"Remaining":n}}. */
  record Limit(@JsonProperty("Max") long max, @JsonProperty("Remaining") long remaining) {}

  private static Limit limit(long max, long remaining) {
    return new Limit(max, remaining);
  }
}
