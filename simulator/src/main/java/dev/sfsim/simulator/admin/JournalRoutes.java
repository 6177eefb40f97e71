package dev.sfsim.simulator.admin;

import dev.sfsim.simulator.http.RequestJournal;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /__admin/requests} (filters {@code method}, {@code pathPrefix}, {@code since}: an
 * ISO-8601 instant) answers {@code {"requests": [...], "total": n, "dropped": d}}, oldest first
 * ({@code dropped}: entries the journal's bounds removed since it was last cleared; each entry's
 * {@code bodyTruncated} counts the body bytes it did not keep); {@code DELETE /__admin/requests}
 * clears the journal (204). Contract: {@code GET /__admin/openapi.json}.
 */
public final class JournalRoutes {
  private static final Set<String> FILTERS = Set.of("method", "pathPrefix", "since");

  private final RequestJournal journal;

  public JournalRoutes(RequestJournal journal) {
    this.journal = journal;
  }

  /** {@code DELETE /__admin/requests}: 204. */
  public void clear(Context ctx) {
    journal.clear();
    ctx.status(204);
  }

  public void list(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!FILTERS.contains(name)) {
        throw SalesforceException.badRequest(
            ErrorCode.INVALID_FIELD,
            "Unknown request journal filter '" + name + "'. Filters: method, pathPrefix, since.");
      }
    }
    List<RequestJournal.Entry> entries =
        journal.list(
            new RequestJournal.Filter(
                ctx.queryParam("method"),
                ctx.queryParam("pathPrefix"),
                since(ctx.queryParam("since"))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requests", entries);
    body.put("total", entries.size());
    body.put("dropped", journal.dropped());
    ctx.json(body);
  }

  private static @Nullable Instant since(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_FIELD,
          "since: expected an ISO-8601 instant such as 2026-01-15T10:30:00Z, was '" + value + "'",
          List.of("since"));
    }
  }
}
