package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.catalog.ActorType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The reads of the web console's admin endpoints ({@code admin.ConsoleRoutes}): channels with their
 * end users and sessions, one session's thread, send requests with their recipients. JSON-ready
 * maps, ISO-8601 UTC instants.
 */
public final class ConsoleRepository {
  /** At most this many send requests per answer, newest first. */
  public static final int MAX_REQUESTS = 200;

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Jdbi jdbi;

  public ConsoleRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * {@code [{id, developerName, masterLabel, messageType, messagingPlatformKey, endUsers: [{...,
   * sessions: [...]}]}]}.
   */
  public List<Map<String, Object>> channels() {
    return jdbi.withHandle(
        h -> {
          Map<String, List<Map<String, Object>>> sessions = new LinkedHashMap<>();
          h.createQuery(
                  """
                    SELECT id, name, status, origin, messaging_end_user_id, start_time, end_time FROM messaging_session
                    WHERE NOT is_deleted ORDER BY created_date DESC, id DESC""")
              .map(
                  (rs, ctx) -> {
                    Map<String, Object> s =
                        row(rs, "id", "id", "name", "name", "status", "status", "origin", "origin");
                    s.put("startTime", iso(rs.getTimestamp("start_time")));
                    s.put("endTime", iso(rs.getTimestamp("end_time")));
                    sessions
                        .computeIfAbsent(
                            rs.getString("messaging_end_user_id"), k -> new ArrayList<>())
                        .add(s);
                    return s;
                  })
              .list();
          Map<String, List<Map<String, Object>>> users = new LinkedHashMap<>();
          h.createQuery(
                  """
                    SELECT id, name, messaging_channel_id, messaging_platform_key,
                        messaging_consent_status FROM messaging_end_user
                    WHERE NOT is_deleted ORDER BY name, id""")
              .map(
                  (rs, ctx) -> {
                    Map<String, Object> u =
                        row(
                            rs,
                            "id",
                            "id",
                            "name",
                            "name",
                            "messagingPlatformKey",
                            "messaging_platform_key",
                            "messagingConsentStatus",
                            "messaging_consent_status");
                    u.put("sessions", sessions.getOrDefault(rs.getString("id"), List.of()));
                    users
                        .computeIfAbsent(
                            rs.getString("messaging_channel_id"), k -> new ArrayList<>())
                        .add(u);
                    return u;
                  })
              .list();
          return h.createQuery(
                  """
                    SELECT id, developer_name, master_label, message_type, messaging_platform_key,
                        platform_type FROM messaging_channel
                    WHERE NOT is_deleted ORDER BY master_label, id""")
              .map(
                  (rs, ctx) -> {
                    Map<String, Object> c =
                        row(
                            rs,
                            "id",
                            "id",
                            "developerName",
                            "developer_name",
                            "masterLabel",
                            "master_label",
                            "messageType",
                            "message_type",
                            "messagingPlatformKey",
                            "messaging_platform_key",
                            "platformType",
                            "platform_type");
                    c.put("endUsers", users.getOrDefault(rs.getString("id"), List.of()));
                    return c;
                  })
              .list();
        });
  }

  /**
   * The session with its thread (outbound and inbound messages, oldest first); empty when it does
   * not exist.
   */
  public Optional<Map<String, Object>> session(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                        SELECT s.id, s.name, s.status, s.origin, s.start_time, s.end_time,
                            s.messaging_end_user_id, u.name AS end_user_name
                        FROM messaging_session s LEFT JOIN messaging_end_user u ON u.id = s.messaging_end_user_id
                        WHERE s.id = :id AND NOT s.is_deleted""")
                .bind("id", id)
                .map(
                    (rs, ctx) -> {
                      Map<String, Object> s =
                          row(
                              rs,
                              "id",
                              "id",
                              "name",
                              "name",
                              "status",
                              "status",
                              "origin",
                              "origin",
                              "messagingEndUserId",
                              "messaging_end_user_id",
                              "messagingEndUserName",
                              "end_user_name");
                      s.put("startTime", iso(rs.getTimestamp("start_time")));
                      s.put("endTime", iso(rs.getTimestamp("end_time")));
                      return s;
                    })
                .findOne()
                .map(
                    s -> {
                      s.put("messages", thread(h, id, (String) s.get("messagingEndUserName")));
                      return s;
                    }));
  }

  private static List<Map<String, Object>> thread(
      Handle h, String sessionId, @Nullable String endUserName) {
    return h.createQuery(
            """
                        SELECT 'Outbound' AS direction, message_identifier::text AS mid, text,
                            sent_at AS at, status, status_code,
                               delivered_at, read_at, message_definition_name, request_id, seq AS n
                        FROM outbox WHERE messaging_session_id = :id
                        UNION ALL
                        SELECT 'Inbound', message_identifier::text, text, received_at, NULL, NULL,
                            NULL, NULL, NULL, NULL, 0
                        FROM inbound_message WHERE messaging_session_id = :id
                        ORDER BY at, n""")
        .bind("id", sessionId)
        .map(
            (rs, ctx) -> {
              boolean outbound = rs.getString("direction").equals("Outbound");
              Map<String, Object> m =
                  row(rs, "direction", "direction", "messageIdentifier", "mid", "text", "text");
              m.put("actorType", (outbound ? ActorType.SYSTEM : ActorType.END_USER).value());
              m.put("actorName", outbound ? "System" : endUserName);
              m.put("at", iso(rs.getTimestamp("at")));
              m.put("status", rs.getString("status"));
              m.put("statusCode", rs.getString("status_code"));
              m.put("deliveredAt", iso(rs.getTimestamp("delivered_at")));
              m.put("readAt", iso(rs.getTimestamp("read_at")));
              m.put("messageDefinitionName", rs.getString("message_definition_name"));
              m.put("requestId", rs.getString("request_id"));
              return m;
            })
        .list();
  }

  /**
   * Send requests, newest first (at most {@link #MAX_REQUESTS}), with their recipients; {@code
   * status} null for all.
   */
  public List<Map<String, Object>> requests(@Nullable String status) {
    return jdbi.withHandle(
        h -> {
          List<Map<String, Object>> out =
              h.createQuery(
                      """
                            SELECT id, name, request_status, message_definition, created_date,
                                completed_date, total_message_count,
                                   success_message_count, failed_message_count,
                                       pending_message_count, in_progress_message_count,
                                   (extract(epoch FROM completed_date - created_date) * 1000)::bigint AS duration_ms
                            FROM conv_message_send_request WHERE NOT is_deleted AND (CAST(:status AS
                                text) IS NULL OR request_status = :status)
                            ORDER BY created_date DESC, id DESC LIMIT :limit""")
                  .bind("status", status)
                  .bind("limit", MAX_REQUESTS)
                  .map(
                      (rs, ctx) -> {
                        Map<String, Object> r =
                            row(
                                rs,
                                "id",
                                "id",
                                "name",
                                "name",
                                "requestStatus",
                                "request_status",
                                "messageDefinition",
                                "message_definition");
                        r.put("createdDate", iso(rs.getTimestamp("created_date")));
                        r.put("completedDate", iso(rs.getTimestamp("completed_date")));
                        r.put("durationMs", rs.getObject("duration_ms"));
                        for (String[] c : COUNTS) {
                          r.put(c[0], rs.getObject(c[1]));
                        }
                        r.put("recipients", new ArrayList<Map<String, Object>>());
                        return r;
                      })
                  .list();
          if (out.isEmpty()) {
            return out;
          }
          Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
          out.forEach(r -> byId.put((String) r.get("id"), r));
          h.createQuery(
                  """
                            SELECT m.request_id, m.messaging_end_user_id, u.name,
                                m.message_identifier::text AS mid, m.status,
                                   m.failure_reason, m.messaging_session_id
                            FROM conv_message m LEFT JOIN messaging_end_user u ON u.id = m.messaging_end_user_id
                            WHERE m.request_id IN (<ids>) ORDER BY m.request_id, m.position""")
              .bindList("ids", List.copyOf(byId.keySet()))
              .map(
                  (rs, ctx) ->
                      row(
                          rs,
                          "requestId",
                          "request_id",
                          "messagingEndUserId",
                          "messaging_end_user_id",
                          "messagingEndUserName",
                          "name",
                          "messageIdentifier",
                          "mid",
                          "status",
                          "status",
                          "failureReason",
                          "failure_reason",
                          "messagingSessionId",
                          "messaging_session_id"))
              .forEach(
                  m -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> list =
                        (List<Map<String, Object>>)
                            java.util.Objects.requireNonNull(
                                    byId.get((String) m.remove("requestId")))
                                .get("recipients");
                    java.util.Objects.requireNonNull(list).add(m);
                  });
          return out;
        });
  }

  private static final String[][] COUNTS = {
    {"totalMessageCount", "total_message_count"},
    {"successMessageCount", "success_message_count"},
    {"failedMessageCount", "failed_message_count"},
    {"pendingMessageCount", "pending_message_count"},
    {"inProgressMessageCount", "in_progress_message_count"}
  };

  /** Name/column pairs of text columns into an ordered map. */
  private static Map<String, Object> row(ResultSet rs, String... pairs) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], rs.getString(pairs[i + 1]));
    }
    return m;
  }

  private static @Nullable String iso(Timestamp ts) {
    return ts == null ? null : ISO_MILLIS.format(ts.toInstant());
  }
}
