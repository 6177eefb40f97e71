package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.catalog.ActorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The full transcript of a messaging session, held entries of enhanced channels included, with each
 * message's text (from the outbox for outbound messages, from the inbound log for end-user
 * messages), for the Connect API conversation entries resource.
 */
public final class TranscriptRepository {
  private final Jdbi jdbi;

  public TranscriptRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * @param sessionId 18-character MessagingSession id
   * @param fromStart {@code queryDirection=FromStart} (oldest first) or FromEnd (newest first)
   * @param startMillis entries at or after this epoch millisecond
   * @param endMillis entries at or before this epoch millisecond (null: no bound)
   * @param limit at most this many entries
   * @return empty when the session does not exist; else Connect "Conversation Entry" outputs
   */
  public Optional<List<Map<String, Object>>> entries(
      String sessionId, boolean fromStart, long startMillis, @Nullable Long endMillis, int limit) {
    return jdbi.withHandle(
        h -> {
          boolean exists =
              h.createQuery(
                      "SELECT count(*) > 0 FROM messaging_session WHERE id = :id AND NOT is_deleted")
                  .bind("id", sessionId)
                  .mapTo(Boolean.class)
                  .one();
          if (!exists) {
            return Optional.empty();
          }
          List<Map<String, Object>> out = new ArrayList<>();
          h.createQuery(
                  """
                            SELECT e.message_identifier, e.actor_type, e.actor_id, e.entry_type,
                                   coalesce(e.message, o.text, i.text) AS text, (extract(epoch FROM
                                       e.entry_time) * 1000)::bigint AS at
                            FROM (SELECT * FROM conversation_entry WHERE conversation_id = :id
                                  UNION ALL SELECT * FROM conversation_entry_held WHERE conversation_id = :id) e
                            LEFT JOIN outbox o ON o.message_identifier::text = e.message_identifier
                            LEFT JOIN inbound_message i ON i.message_identifier::text = e.message_identifier
                            WHERE e.entry_time >= to_timestamp(:start / 1000.0)
                              AND (CAST(:end AS bigint) IS NULL OR e.entry_time <=
                                  to_timestamp(CAST(:end AS bigint) / 1000.0))
                            ORDER BY e.seq"""
                      + (fromStart ? " ASC" : " DESC")
                      + " LIMIT :limit")
              .bind("id", sessionId)
              .bind("start", startMillis)
              .bind("end", endMillis)
              .bind("limit", limit)
              .map(
                  (rs, ctx) -> {
                    boolean endUser = ActorType.END_USER.value().equals(rs.getString("actor_type"));
                    Map<String, Object> sender = new LinkedHashMap<>();
                    sender.put("appType", endUser ? "custom" : "chatbot");
                    sender.put("role", (endUser ? ActorType.END_USER : ActorType.SYSTEM).value());
                    sender.put("subject", endUser ? rs.getString("actor_id") : "System");
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("clientDuration", 0);
                    m.put("clientTimestamp", rs.getLong("at"));
                    m.put("identifier", rs.getString("message_identifier"));
                    m.put("messageText", rs.getString("text"));
                    m.put("relatedRecords", List.of(sessionId));
                    m.put("sender", sender);
                    m.put("serverReceivedTimestamp", rs.getLong("at"));
                    return m;
                  })
              .forEach(out::add);
          return Optional.of(out);
        });
  }
}
