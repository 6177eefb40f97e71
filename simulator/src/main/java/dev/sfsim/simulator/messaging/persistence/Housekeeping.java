package dev.sfsim.simulator.messaging.persistence;

import static dev.sfsim.simulator.messaging.persistence.MessagingBatches.ENTRY_COLUMNS;
import static dev.sfsim.simulator.messaging.persistence.MessagingBatches.ts;

import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.MessagingEvent;
import dev.sfsim.simulator.messaging.MessagingTransaction.DeliveryError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The time-driven, set-based work of {@code MessagingStore.housekeeping} (session expiry, delivery
 * and read progression, undeliverable messages, held enhanced entries, messages held by session
 * gating) and the search for the next due instant that {@code POST /__admin/clock} advances
 * through.
 */
final class Housekeeping {
  private Housekeeping() {}

  /**
   * @return what changed: sessions that ended, then outbox messages whose status moved on, in that
   *     order
   */
  static List<MessagingEvent> run(Handle h, Instant at) {
    var now = ts(at);
    List<MessagingEvent> events = new ArrayList<>();
    // KeepSessionOpen sessions 48 h without an end-user reply end (EndTime = when they expired).
    h.createQuery(
            """
                UPDATE messaging_session SET status = 'Ended', end_time = sfsim_expires_at, ended_by_type = 'System',
                    sfsim_expires_at = NULL, last_modified_date = :now, system_modstamp = :now
                WHERE sfsim_expires_at <= :now AND coalesce(status, 'New') NOT IN ('Ended', 'Error')
                RETURNING id, messaging_end_user_id, status""")
        .bind("now", now)
        .map(
            (rs, ctx) ->
                MessagingEvent.sessionChanged(
                    at, rs.getString(1), rs.getString(2), rs.getString(3)))
        .forEach(events::add);
    undeliverable(h, at, events);
    for (String table : List.of("conversation_entry", "conversation_entry_held")) {
      h.createUpdate(
              "UPDATE "
                  + table
                  + """
                     e SET message_status = 'Delivered', last_modified_date = :now,
                        system_modstamp = :now
                    FROM conv_message m WHERE m.deliver_due_at <= :now AND m.undeliverable_code IS NULL
                      AND e.message_identifier = m.message_identifier::text AND e.message_status = 'Sent'""")
          .bind("now", now)
          .execute();
    }
    statusChanges(
        h.createQuery(
                """
                UPDATE outbox o SET status = 'Delivered', delivered_at = m.deliver_due_at FROM conv_message m
                WHERE m.deliver_due_at <= :now AND m.undeliverable_code IS NULL AND
                    o.message_identifier = m.message_identifier
                  AND o.status = 'Sent'"""
                    + RETURNING)
            .bind("now", now),
        at,
        events);
    // undeliverable messages keep theirs until undeliverable() claims them (it may have skipped
    // rows locked elsewhere)
    h.createUpdate(
            "UPDATE conv_message SET deliver_due_at = NULL WHERE deliver_due_at <= :now AND undeliverable_code IS NULL")
        .bind("now", now)
        .execute();
    for (String table : List.of("conversation_entry", "conversation_entry_held")) {
      h.createUpdate(
              "UPDATE "
                  + table
                  + """
                     e SET message_status = 'Read', last_modified_date = :now, system_modstamp = :now
                    FROM conv_message m WHERE m.read_due_at <= :now AND e.message_identifier =
                        m.message_identifier::text
                      AND e.message_status IN ('Sent', 'Delivered')""")
          .bind("now", now)
          .execute();
    }
    statusChanges(
        h.createQuery(
                """
                UPDATE outbox o SET status = 'Read', read_at = m.read_due_at FROM conv_message m
                WHERE m.read_due_at <= :now AND o.message_identifier = m.message_identifier AND
                    o.status IN ('Sent', 'Delivered')"""
                    + RETURNING)
            .bind("now", now),
        at,
        events);
    h.createUpdate("UPDATE conv_message SET read_due_at = NULL WHERE read_due_at <= :now")
        .bind("now", now)
        .execute();
    releaseHeldEntries(h);
    releaseHeldMessages(h);
    return events;
  }

  private static final String RETURNING =
      " RETURNING o.message_identifier, o.messaging_session_id, o.status, o.status_code";

  private static void statusChanges(Query q, Instant at, List<MessagingEvent> events) {
    q.map(
            (rs, ctx) ->
                MessagingEvent.messageStatus(
                    at, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .forEach(events::add);
  }

  /**
   * Undeliverable messages due for their verdict end {@code Error} with the code and a
   * MessagingDeliveryError. The messages are claimed first (their due time cleared under row locks,
   * skipping rows another process holds), so that of several simulator processes sharing the
   * database exactly one writes each verdict.
   */
  private static void undeliverable(Handle h, Instant at, List<MessagingEvent> events) {
    var now = ts(at);
    List<String> ids = new java.util.ArrayList<>();
    List<DeliveryError> errors =
        h.createQuery(
                """
                        WITH claimed AS (
                            UPDATE conv_message m SET deliver_due_at = NULL
                            FROM (SELECT message_identifier, deliver_due_at AS due FROM conv_message
                                  WHERE deliver_due_at <= :now AND undeliverable_code IS NOT NULL
                                      FOR UPDATE SKIP LOCKED) d
                            WHERE m.message_identifier = d.message_identifier
                            RETURNING m.message_identifier, m.request_id, m.messaging_end_user_id,
                                m.undeliverable_reason,
                                      m.undeliverable_code, m.position, d.due)
                        SELECT c.undeliverable_reason, c.undeliverable_code, c.message_identifier,
                            u.messaging_platform_key,
                               u.messaging_channel_id, u.id AS end_user_id, r.created_by_id
                        FROM claimed c JOIN conv_message_send_request r ON r.id = c.request_id
                        LEFT JOIN messaging_end_user u ON u.id = c.messaging_end_user_id
                        ORDER BY c.due, c.position""")
            .bind("now", now)
            .map(
                (rs, ctx) -> {
                  ids.add(rs.getString(3));
                  return new DeliveryError(
                      rs.getString(1),
                      rs.getString(2)
                          + ": "
                          + rs.getString(1)
                          + " (message "
                          + rs.getString(3)
                          + ")",
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      at);
                })
            .list();
    if (errors.isEmpty()) {
      return;
    }
    insertDeliveryErrors(h, errors);
    String[] claimed = ids.toArray(String[]::new);
    for (String table : List.of("conversation_entry", "conversation_entry_held")) {
      h.createUpdate(
              "UPDATE "
                  + table
                  + """
                     e SET message_status = 'Error', message_status_code = m.undeliverable_code,
                         last_modified_date = :now,
                        system_modstamp = :now
                    FROM conv_message m WHERE m.message_identifier::text = ANY(:ids)
                      AND e.message_identifier = m.message_identifier::text""")
          .bind("now", now)
          .bind("ids", claimed)
          .execute();
    }
    statusChanges(
        h.createQuery(
                """
                UPDATE outbox o SET status = 'Error', status_code = m.undeliverable_code FROM conv_message m
                WHERE m.message_identifier::text = ANY(:ids) AND o.message_identifier = m.message_identifier"""
                    + RETURNING)
            .bind("ids", claimed),
        at,
        events);
  }

  static void insertDeliveryErrors(Handle h, List<DeliveryError> errors) {
    MessagingDao dao = h.attach(MessagingDao.class);
    List<String> ids =
        dao.nextIds(errors.size()).stream().map(n -> SalesforceIds.generate("0Md", n)).toList();
    MessagingBatches.deliveryErrors(
        h, ids, dao.nextNumbers("messaging_delivery_error_name_seq", errors.size()), errors);
  }

  /**
   * Held entries appear once their session has ended or failed (expiry, EndSession, an agent
   * closing it, Error).
   */
  private static void releaseHeldEntries(Handle h) {
    h.execute(
        "WITH moved AS (DELETE FROM conversation_entry_held e USING messaging_session s "
            + "WHERE s.id = e.conversation_id AND s.status IN ('Ended', 'Error') RETURNING e.*) "
            + "INSERT INTO conversation_entry ("
            + ENTRY_COLUMNS
            + ") SELECT "
            + ENTRY_COLUMNS
            + " FROM moved");
  }

  /** Messages held by session gating whose gate opened become pending again. */
  private static void releaseHeldMessages(Handle h) {
    h.execute(
        """
                UPDATE conv_message m SET status = 'Pending', due_at = NULL
                FROM conv_message_send_request r
                WHERE m.status = 'Held' AND r.id = m.request_id AND NOT (
                    (r.allow_existing_session_status = 'NonActive' AND EXISTS (SELECT 1 FROM messaging_session s
                        WHERE s.messaging_end_user_id = m.messaging_end_user_id AND NOT s.is_deleted
                            AND s.status = 'Active'))
                    OR (r.allow_existing_session_status = 'Closed' AND EXISTS (SELECT 1 FROM messaging_session s
                        WHERE s.messaging_end_user_id = m.messaging_end_user_id AND NOT s.is_deleted
                          AND coalesce(s.status, 'New') NOT IN ('Ended', 'Error'))))""");
  }

  static Optional<Instant> nextDueAfter(Handle h, Instant t) {
    return h.createQuery(
            """
                        SELECT min(x) FROM (
                            SELECT min(sfsim_due_at) AS x FROM conv_message_send_request WHERE
                                request_status = 'Pending' AND sfsim_due_at > :t
                            UNION ALL SELECT min(due_at) FROM conv_message WHERE status IN
                                ('Pending', 'InProgress') AND due_at > :t
                            UNION ALL SELECT min(deliver_due_at) FROM conv_message WHERE deliver_due_at > :t
                            UNION ALL SELECT min(read_due_at) FROM conv_message WHERE read_due_at > :t
                            UNION ALL SELECT min(sfsim_expires_at) FROM messaging_session WHERE sfsim_expires_at > :t
                                AND coalesce(status, 'New') NOT IN ('Ended', 'Error')) d""")
        .bind("t", ts(t))
        .mapTo(java.time.OffsetDateTime.class)
        .findOne()
        .map(java.time.OffsetDateTime::toInstant);
  }
}
