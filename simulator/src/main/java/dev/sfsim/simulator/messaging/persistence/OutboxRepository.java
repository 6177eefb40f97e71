package dev.sfsim.simulator.messaging.persistence;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * What the fake channels "received" ({@code GET /__admin/outbox}; admin API contract: {@code GET
 * /__admin/openapi.json}), oldest first.
 */
public final class OutboxRepository {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Query parameter name to column: the filters the admin API accepts, combined with AND. */
  public static final Map<String, String> FILTERS =
      Map.of(
          "requestId",
          "request_id",
          "messagingEndUserId",
          "messaging_end_user_id",
          "messagingPlatformKey",
          "messaging_platform_key",
          "status",
          "status");

  private final Jdbi jdbi;

  public OutboxRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Lists the outbox, oldest first.
   *
   * @param filters admin query parameter name (a key of {@link #FILTERS}) to exact value; ids given
   *     as 15 or 18 characters must already be normalised to 18 by the caller
   * @return JSON-ready entries with ISO-8601 UTC timestamps ({@code 2026-01-15T10:30:00.000Z})
   */
  public List<Map<String, Object>> list(Map<String, String> filters) {
    StringBuilder sql =
        new StringBuilder(
            """
                SELECT message_identifier, request_id, messaging_end_user_id,
                    messaging_platform_key, messaging_channel_id,
                       message_type, messaging_session_id, message_definition_name, text, status, status_code,
                       sent_at, delivered_at, read_at
                FROM outbox WHERE true""");
    List<String> params = new ArrayList<>();
    filters.forEach(
        (k, v) -> {
          sql.append(" AND ").append(FILTERS.get(k)).append(" = :").append(k);
          params.add(k);
        });
    sql.append(" ORDER BY seq");
    return jdbi.withHandle(
        h -> {
          var q = h.createQuery(sql.toString());
          for (String p : params) {
            q.bind(p, filters.get(p));
          }
          return q.map(
                  (rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("messageIdentifier", rs.getString("message_identifier"));
                    m.put("requestId", rs.getString("request_id"));
                    m.put("messagingEndUserId", rs.getString("messaging_end_user_id"));
                    m.put("messagingPlatformKey", rs.getString("messaging_platform_key"));
                    m.put("messagingChannelId", rs.getString("messaging_channel_id"));
                    m.put("messageType", rs.getString("message_type"));
                    m.put("messagingSessionId", rs.getString("messaging_session_id"));
                    m.put("messageDefinitionName", rs.getString("message_definition_name"));
                    m.put("text", rs.getString("text"));
                    m.put("status", rs.getString("status"));
                    m.put("statusCode", rs.getString("status_code"));
                    m.put("sentAt", iso(rs.getTimestamp("sent_at")));
                    m.put("deliveredAt", iso(rs.getTimestamp("delivered_at")));
                    m.put("readAt", iso(rs.getTimestamp("read_at")));
                    return m;
                  })
              .list();
        });
  }

  private static @Nullable String iso(java.sql.Timestamp ts) {
    return ts == null ? null : ISO_MILLIS.format(ts.toInstant());
  }
}
