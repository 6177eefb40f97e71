package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.messaging.MessagingTransaction.DueMessage;
import dev.sfsim.simulator.messaging.MessagingTransaction.OpenSession;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The messaging engine's fixed SQL: the dispatcher's hot statements as constants (run through the
 * fluent API or a {@link Pipeline}: attaching a SqlObject costs more than most of them), the rest
 * as a Jdbi SqlObject attached to the handle of the current transaction.
 */
interface MessagingDao {
  /** Adds the messages sent into existing sessions to their agent message counts. */
  String COUNT_AGENT_MESSAGES =
      """
            UPDATE messaging_session s SET agent_message_count = coalesce(s.agent_message_count, 0) + c.n,
                last_modified_date = :now, system_modstamp = :now
            FROM (SELECT id, count(*) AS n FROM unnest(:ids) AS id GROUP BY id) c WHERE s.id = c.id""";

  /**
   * InProgress requests with work due: a message to start or finish, or none left (to complete).
   */
  String IN_PROGRESS =
      """
            SELECT r.id FROM conv_message_send_request r WHERE r.request_status = 'InProgress' AND
                NOT r.is_deleted AND (
                EXISTS (SELECT 1 FROM conv_message m WHERE m.request_id = r.id AND (
                    (m.status = 'Pending' AND (m.due_at IS NULL OR m.due_at <= :now)) OR (m.status =
                        'InProgress' AND m.due_at <= :now)))
                OR NOT EXISTS (SELECT 1 FROM conv_message m WHERE m.request_id = r.id AND m.status
                    IN ('Pending', 'InProgress', 'Held')))
            ORDER BY r.created_date, r.name""";

  /** The request's InProgress messages whose attempt is due, in recipient order. */
  String DUE_ATTEMPTS =
      """
            SELECT message_identifier, messaging_end_user_id, transient_failures, delayed FROM conv_message
            WHERE request_id = :id AND status = 'InProgress' AND due_at <= :now ORDER BY position""";

  /**
   * The request's due InProgress messages and its due Pending ones (column 5 true), in recipient
   * order; writes nothing.
   */
  String DUE_OR_STARTABLE =
      """
            SELECT message_identifier, messaging_end_user_id, transient_failures, delayed, status = 'Pending'
            FROM conv_message WHERE request_id = :id AND"""
          + MessagingDao.DUE_OR_STARTABLE_WHERE
          + " ORDER BY position";

  /** Of {@link #DUE_OR_STARTABLE}: which of a request's messages it reads. */
  String DUE_OR_STARTABLE_WHERE =
      " ((status = 'InProgress' AND due_at <= :now)"
          + " OR (status = 'Pending' AND (due_at IS NULL OR due_at <= :now)))";

  /** Starts the request's due pending messages, into the free in-flight slots of {@code :max}. */
  String START_ATTEMPTS =
      """
            UPDATE conv_message SET status = 'InProgress', due_at = :dueAt
            WHERE message_identifier IN (
                SELECT message_identifier FROM conv_message
                WHERE request_id = :id AND status = 'Pending' AND (due_at IS NULL OR due_at <= :now)
                ORDER BY position
                LIMIT greatest(0, :max - (SELECT count(*) FROM conv_message WHERE request_id = :id
                    AND status = 'InProgress')))""";

  /**
   * Counts and identifier lists from the messages' states (the README's "Messaging behaviour"
   * rules, the invariant), and the v65.0 lists beside them: platform keys and end-user ids in the
   * same order (an end user that does not exist keeps its place with an empty key), and the
   * sessions in-progress messages already have.
   */
  String RECOMPUTE_COUNTS =
      """
            UPDATE conv_message_send_request r SET
                total_message_count = c.total,
                success_message_count = c.sent,
                failed_message_count = c.failed,
                pending_message_count = c.pending,
                in_progress_message_count = c.in_progress,
                success_message_identifiers = c.sent_ids,
                failed_message_identifiers = c.failed_ids,
                pending_message_identifiers = c.pending_ids,
                in_progress_message_identifiers = c.in_progress_ids,
                failed_message_error_reasons = c.reasons,
                success_meu_platform_keys = c.sent_keys,
                failed_meu_platform_keys = c.failed_keys,
                pending_meu_platform_keys = c.pending_keys,
                in_progress_meu_platform_keys = c.in_progress_keys,
                pending_messaging_end_user_ids = c.pending_users,
                in_progress_messaging_end_user_ids = c.in_progress_users,
                in_progress_messaging_session_ids = c.in_progress_sessions,
                last_modified_date = :now,
                system_modstamp = :now
            FROM (SELECT count(*) AS total,
                         count(*) FILTER (WHERE status = 'Sent') AS sent,
                         count(*) FILTER (WHERE status = 'Failed') AS failed,
                         count(*) FILTER (WHERE status IN ('Pending', 'Held')) AS pending,
                         count(*) FILTER (WHERE status = 'InProgress') AS in_progress,
                         string_agg(message_identifier::text, ',' ORDER BY position) FILTER (WHERE
                             status = 'Sent') AS sent_ids,
                         string_agg(message_identifier::text, ',' ORDER BY position) FILTER (WHERE
                             status = 'Failed') AS failed_ids,
                         string_agg(message_identifier::text, ',' ORDER BY position) FILTER (WHERE
                             status IN ('Pending', 'Held')) AS pending_ids,
                         string_agg(message_identifier::text, ',' ORDER BY position) FILTER (WHERE
                             status = 'InProgress') AS in_progress_ids,
                         string_agg(failure_reason, ',' ORDER BY position) FILTER (WHERE status = 'Failed') AS reasons,
                         string_agg(coalesce(u.messaging_platform_key, ''), ',' ORDER BY position)
                             FILTER (WHERE status = 'Sent') AS sent_keys,
                         string_agg(coalesce(u.messaging_platform_key, ''), ',' ORDER BY position)
                             FILTER (WHERE status = 'Failed') AS failed_keys,
                         string_agg(coalesce(u.messaging_platform_key, ''), ',' ORDER BY position)
                             FILTER (WHERE status IN ('Pending', 'Held')) AS pending_keys,
                         string_agg(coalesce(u.messaging_platform_key, ''), ',' ORDER BY position)
                             FILTER (WHERE status = 'InProgress') AS in_progress_keys,
                         string_agg(m.messaging_end_user_id, ',' ORDER BY position) FILTER (WHERE
                             status IN ('Pending', 'Held')) AS pending_users,
                         string_agg(m.messaging_end_user_id, ',' ORDER BY position) FILTER (WHERE
                             status = 'InProgress') AS in_progress_users,
                         string_agg(m.messaging_session_id, ',' ORDER BY position) FILTER (WHERE
                             status = 'InProgress') AS in_progress_sessions
                  FROM conv_message m LEFT JOIN messaging_end_user u ON u.id =
                      m.messaging_end_user_id WHERE m.request_id = :id) c
            WHERE r.id = :id""";

  /**
   * {@link #RECOMPUTE_COUNTS} and {@link #COMPLETE_IF_DONE} as one write of the request's row;
   * returns one row, true when it completed the request.
   */
  String RECOMPUTE_COUNTS_THEN_COMPLETE =
      RECOMPUTE_COUNTS
              .replace(
                  "last_modified_date = :now,",
                  """
                  request_status = CASE WHEN c.done THEN 'Completed' ELSE r.request_status END,
                  completed_date = CASE WHEN c.done THEN :now ELSE r.completed_date END,
                  last_modified_date = :now,""")
              .replace(
                  "FROM (SELECT count(*) AS total,",
                  """
                  FROM (SELECT count(*) AS total,
                      count(*) FILTER (WHERE status IN ('Pending', 'Held', 'InProgress')) = 0
                          AND (SELECT request_status FROM conv_message_send_request WHERE id = :id)
                              <> 'Completed' AS done,""")
          + " RETURNING c.done";

  /** Completes the request when nothing is pending or in progress (after the counts). */
  String COMPLETE_IF_DONE =
      """
            UPDATE conv_message_send_request SET request_status = 'Completed', completed_date =
                :now, last_modified_date = :now,
                system_modstamp = :now
            WHERE id = :id AND request_status <> 'Completed' AND pending_message_count = 0 AND
                in_progress_message_count = 0""";

  /** The end users with their channels ({@link dev.sfsim.simulator.messaging.Recipient}). */
  String RECIPIENTS_WHERE =
      """
            SELECT u.id, u.messaging_platform_key AS platform_key, u.message_type,
                u.messaging_consent_status AS consent_status,
                   u.messaging_channel_id AS channel_id, c.is_active AS channel_active,
                       c.consent_type AS channel_consent_type,
                   c.message_type AS channel_message_type, c.platform_type AS channel_platform_type
            FROM messaging_end_user u JOIN messaging_channel c ON c.id = u.messaging_channel_id
            WHERE NOT u.is_deleted AND NOT c.is_deleted AND\s""";

  /** Recipients of {@code :ids} (rows as {@code JdbiMessagingStore} maps them). */
  String RECIPIENTS = RECIPIENTS_WHERE + "u.id = ANY(:ids)";

  /**
   * What the dispatcher alone reads of a new request, with {@link #RECOMPUTE_COUNTS}: one write of
   * its row (each write of the request's row is a new version in every one of its indexes).
   */
  String SET_REQUEST_DISPATCH_AND_COUNTS =
      RECOMPUTE_COUNTS.replace(
          "last_modified_date = :now,",
          """
          sfsim_parameters = CAST(:parameters AS jsonb), sfsim_due_at = :dueAt,
          comm_subscription_id = :sub, session_longevity_preference = :longevity,
          last_modified_date = :now,""");

  /** Due pending requests left waiting for a slot are marked queued. */
  String MARK_QUEUED =
      """
            UPDATE conv_message_send_request SET sfsim_queued = true
            WHERE request_status = 'Pending' AND NOT sfsim_started AND NOT sfsim_queued AND
                sfsim_due_at <= :now AND NOT is_deleted""";

  @SqlQuery(DUE_ATTEMPTS)
  @RegisterConstructorMapper(DueMessage.class)
  List<DueMessage> dueAttempts(@Bind("id") String requestId, @Bind("now") Instant now);

  @SqlUpdate(START_ATTEMPTS)
  int startAttempts(
      @Bind("id") String requestId,
      @Bind("now") Instant now,
      @Bind("dueAt") Instant dueAt,
      @Bind("max") int max);

  @SqlUpdate(
      """
            UPDATE conv_message_send_request SET request_status = 'Pending', sfsim_due_at = :dueAt,
                last_modified_date = :now,
                system_modstamp = :now WHERE id = :id""")
  void requeueRequest(
      @Bind("id") String requestId, @Bind("dueAt") Instant dueAt, @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE conv_message SET status = 'Pending', due_at = NULL WHERE request_id = :id AND status = 'InProgress'")
  void requeueMessages(@Bind("id") String requestId);

  @SqlQuery(
      """
            SELECT DISTINCT ON (messaging_end_user_id, coalesce(status, 'New')) id,
                messaging_end_user_id, coalesce(status, 'New') AS status
            FROM messaging_session
            WHERE messaging_end_user_id = ANY(:ids) AND NOT is_deleted AND coalesce(status, 'New')
                NOT IN ('Ended', 'Error')
            ORDER BY messaging_end_user_id, coalesce(status, 'New'), created_date DESC, id DESC""")
  @RegisterConstructorMapper(OpenSession.class)
  List<OpenSession> openSessions(@Bind("ids") String[] endUserIds);

  @SqlQuery(
      """
            SELECT DISTINCT c.contact_point_id FROM comm_subscription_consent c
            JOIN comm_subscription_channel_type t ON t.id = c.comm_subscription_channel_type_id AND NOT t.is_deleted
            WHERE t.communication_subscription_id = :sub AND c.contact_point_id = ANY(:ids) AND NOT c.is_deleted
              AND coalesce(c.privacy_consent_status, 'OptIn') = 'OptIn'
              AND (c.effective_from_date IS NULL OR c.effective_from_date <= :today)
              AND (c.effective_to_date IS NULL OR c.effective_to_date >= :today)""")
  List<String> subscriptionConsents(
      @Bind("sub") String subscriptionId,
      @Bind("ids") String[] endUserIds,
      @Bind("today") java.time.LocalDate today);

  @SqlQuery(
      """
            SELECT conversation_id, max(seq) FROM (
                SELECT conversation_id, seq FROM conversation_entry WHERE conversation_id = ANY(:ids)
                UNION ALL SELECT conversation_id, seq FROM conversation_entry_held WHERE conversation_id = ANY(:ids)) e
            GROUP BY conversation_id""")
  @KeyColumn("conversation_id")
  @ValueColumn("max")
  java.util.Map<String, Integer> maxEntrySeq(@Bind("ids") String[] sessionIds);

  @SqlQuery("SELECT nextval('sfsim_id_seq') FROM generate_series(1, :n)")
  List<Long> nextIds(@Bind("n") int n);

  @SqlQuery("SELECT nextval(CAST(:seq AS regclass)) FROM generate_series(1, :n)")
  List<Long> nextNumbers(@Bind("seq") String sequence, @Bind("n") int n);
}
