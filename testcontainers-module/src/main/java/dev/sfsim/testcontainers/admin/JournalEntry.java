package dev.sfsim.testcontainers.admin;

import java.time.Instant;
import java.util.Map;

/**
 * One API call the simulator received ({@code GET /__admin/requests}); the {@code Authorization}
 * header's value is masked.
 */
public record JournalEntry(
    String id,
    Instant receivedAt,
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    int status,
    long durationMs) {

  @Override
  public String toString() {
    return method
        + " "
        + path
        + (query == null || query.isEmpty() ? "" : " " + query)
        + " -> "
        + status
        + (body == null || body.isEmpty() ? "" : "\n  body: " + body);
  }
}
