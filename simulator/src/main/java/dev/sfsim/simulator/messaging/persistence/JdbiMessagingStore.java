package dev.sfsim.simulator.messaging.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.messaging.FaultRule;
import dev.sfsim.simulator.messaging.MessagingComponent;
import dev.sfsim.simulator.messaging.MessagingEvent;
import dev.sfsim.simulator.messaging.MessagingStore;
import dev.sfsim.simulator.messaging.MessagingTransaction;
import dev.sfsim.simulator.messaging.OutboxEntry;
import dev.sfsim.simulator.messaging.Recipient;
import dev.sfsim.simulator.messaging.SendRequest;
import dev.sfsim.simulator.sobject.RecordRepository;
import dev.sfsim.simulator.sobject.WriteMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The messaging engine's store over PostgreSQL: {@link MessagingDao} for fixed SQL, JDBC batches
 * for multi-row writes.
 */
public final class JdbiMessagingStore implements MessagingStore {

  /**
   * Every condition under which {@code startPending}, {@code inProgress} or {@code
   * Housekeeping.run} has work, apart.
   */
  private static final String DUE =
      """
            SELECT EXISTS (SELECT 1 FROM conv_message_send_request WHERE request_status = 'Pending' AND sfsim_due_at
                <= :now
                    AND NOT is_deleted) AS pending,
                EXISTS (SELECT 1 FROM conv_message_send_request WHERE request_status = 'InProgress' AND NOT
                    is_deleted) AS in_progress,
                EXISTS (SELECT 1 FROM messaging_session WHERE sfsim_expires_at <= :now AND coalesce(status,
                    'New') NOT IN ('Ended', 'Error'))
                OR EXISTS (SELECT 1 FROM conv_message WHERE deliver_due_at <= :now OR read_due_at <= :now OR status =
                    'Held')
                OR EXISTS (SELECT 1 FROM conversation_entry_held) AS housekeeping""";

  /**
   * Pending requests due, oldest first, into the slots {@code :max} InProgress requests leave
   * (counted after the dispatch lock is held).
   */
  private static final String START_PENDING =
      """
      UPDATE conv_message_send_request SET request_status = 'InProgress', sfsim_started = true,
          last_modified_date = :now, system_modstamp = :now
      WHERE id IN (SELECT id FROM conv_message_send_request
                   WHERE request_status = 'Pending' AND sfsim_due_at <= :now AND NOT is_deleted
                   ORDER BY created_date, name
                   LIMIT greatest(0, :max - (SELECT count(*) FROM conv_message_send_request
                       WHERE request_status = 'InProgress'))
                   FOR UPDATE SKIP LOCKED)""";

  /**
   * The request's due attempts as they are now (the statement's snapshot) and, in the same
   * statement, the start of its due pending messages (due from the next call on); always one row at
   * least, for the count.
   */
  private static final String DUE_THEN_START =
      """
      WITH started AS (UPDATE conv_message SET status = 'InProgress', due_at = :dueAt
          WHERE message_identifier IN (
              SELECT message_identifier FROM conv_message
              WHERE request_id = :id AND status = 'Pending' AND (due_at IS NULL OR due_at <= :now)
              ORDER BY position
              LIMIT greatest(0, :max - (SELECT count(*) FROM conv_message WHERE request_id = :id
                  AND status = 'InProgress')))
          RETURNING 1)
      SELECT (SELECT count(*) FROM started), d.message_identifier, d.messaging_end_user_id,
          d.transient_failures, d.delayed
      FROM (SELECT 1) one LEFT JOIN LATERAL (
          SELECT message_identifier, messaging_end_user_id, transient_failures, delayed, position
          FROM conv_message WHERE request_id = :id AND status = 'InProgress' AND due_at <= :now) d ON true
      ORDER BY d.position""";

  private static final Pipeline.Part SESSIONS_FILLED_ON =
      new Pipeline.Part("SELECT set_config('sfsim.sessions_filled', 'on', true)", b -> {});
  private static final Pipeline.Part SESSIONS_FILLED_OFF =
      new Pipeline.Part("SELECT set_config('sfsim.sessions_filled', 'off', true)", b -> {});

  private final Jdbi jdbi;
  private final Catalog catalog;
  private final RecordRepository records;
  private final ComponentRepository components;

  public JdbiMessagingStore(
      Jdbi jdbi, Catalog catalog, RecordRepository records, ComponentRepository components) {
    this.jdbi = jdbi;
    this.catalog = catalog;
    this.records = records;
    this.components = components;
  }

  @Override
  public <T> T inTransaction(Function<MessagingTransaction, T> work) {
    return jdbi.inTransaction(
        h -> {
          Tx tx = new Tx(h);
          T result = work.apply(tx);
          tx.pipeline.flush(h);
          return result;
        });
  }

  @Override
  public List<String> startPendingRequests(Instant now, int maxInProgress) {
    return start(now, maxInProgress, false).requestsWithDueWork();
  }

  @Override
  public Started startPendingRequestsThenDue(Instant now, int maxInProgress) {
    return start(now, maxInProgress, true);
  }

  /** Starts pending requests and lists those with due work, then reads {@link #DUE} if asked. */
  private Started start(Instant now, int maxInProgress, boolean thenDue) {
    // One round trip: the lock (one process at a time counts the slots), the start, the queued
    // mark, the requests to work on.
    return jdbi.inTransaction(
        h -> {
          Pipeline p = new Pipeline();
          p.add(new Pipeline.Part("SELECT pg_advisory_xact_lock(7714401)", b -> {}));
          p.add(
              new Pipeline.Part(
                  START_PENDING, b -> b.value("now", now).value("max", maxInProgress)));
          p.add(new Pipeline.Part(MessagingDao.MARK_QUEUED, b -> b.value("now", now)));
          List<Pipeline.Part> reads = new ArrayList<>();
          reads.add(new Pipeline.Part(MessagingDao.IN_PROGRESS, b -> b.value("now", now)));
          if (thenDue) {
            reads.add(new Pipeline.Part(DUE, b -> b.value("now", now)));
          }
          return p.flushThenQueries(
              h,
              reads,
              results -> {
                ResultSet rs = results.next();
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                  ids.add(rs.getString(1));
                }
                Due due = new Due(true, true, true);
                if (thenDue) {
                  rs = results.next();
                  rs.next();
                  due = due(rs);
                }
                return new Started(ids, due);
              });
        });
  }

  private static Due due(ResultSet rs) throws SQLException {
    return new Due(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3));
  }

  @Override
  public List<String> requestsWithDueWork(Instant now) {
    return jdbi.withHandle(
        h -> h.createQuery(MessagingDao.IN_PROGRESS).bind("now", now).mapTo(String.class).list());
  }

  @Override
  public List<MessagingEvent> housekeeping(Instant now) {
    return jdbi.inTransaction(h -> Housekeeping.run(h, now));
  }

  @Override
  public Optional<MessagingEvent.RequestProgress> progress(String requestId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                        SELECT id, request_status, total_message_count, success_message_count, failed_message_count,
                               pending_message_count, in_progress_message_count
                        FROM conv_message_send_request WHERE id = :id""")
                .bind("id", requestId)
                .map(
                    (rs, ctx) ->
                        new MessagingEvent.RequestProgress(
                            rs.getString(1),
                            rs.getString(2),
                            (Integer) rs.getObject(3),
                            (Integer) rs.getObject(4),
                            (Integer) rs.getObject(5),
                            (Integer) rs.getObject(6),
                            (Integer) rs.getObject(7)))
                .findOne());
  }

  @Override
  public Due due(Instant now) {
    // Every tick of every org runs this: the fluent API, not a SqlObject built per call.
    return jdbi.withHandle(
        h -> h.createQuery(DUE).bind("now", now).map((rs, ctx) -> due(rs)).one());
  }

  @Override
  public Optional<Instant> nextDueAfter(Instant t) {
    return jdbi.withHandle(h -> Housekeeping.nextDueAfter(h, t));
  }

  /** One transaction's view, bound to its handle. */
  private final class Tx implements MessagingTransaction {
    private final Handle h;

    /** Writes held until something reads or the transaction ends (one round trip for all). */
    final Pipeline pipeline = new Pipeline();

    private @Nullable MessagingDao dao;

    /** What {@link #lockAndReadDue} read for the first asks. */
    private final FirstReads firstReads = new FirstReads();

    Tx(Handle h) {
      this.h = h;
    }

    /** The SqlObject, attached on first use only (attaching costs more than most statements). */
    private MessagingDao dao() {
      pipeline.flush(h);
      if (dao == null) {
        dao = h.attach(MessagingDao.class);
      }
      return dao;
    }

    @Override
    public Optional<SendRequest> lockRequestInProgress(String requestId) {
      pipeline.flush(h);
      return h.createQuery(FirstReads.LOCK)
          .bind("id", requestId)
          .map((rs, ctx) -> FirstReads.sendRequest(rs))
          .findOne();
    }

    @Override
    public Optional<Locked> lockAndReadDue(String requestId, Instant now) {
      return pipeline.flushThenQueries(h, FirstReads.parts(requestId, now), firstReads::read);
    }

    @Override
    public List<DueMessage> dueAttempts(String requestId, Instant now) {
      return dao().dueAttempts(requestId, now);
    }

    @Override
    public int startAttempts(String requestId, Instant now, Instant attemptDueAt, int maxInFlight) {
      return dao().startAttempts(requestId, now, attemptDueAt, maxInFlight);
    }

    @Override
    public Attempts dueThenStart(
        String requestId, Instant now, Instant attemptDueAt, int maxInFlight) {
      return pipeline.flushThenQuery(
          h,
          new Pipeline.Part(
              DUE_THEN_START,
              b ->
                  b.value("id", requestId)
                      .value("now", now)
                      .value("dueAt", attemptDueAt)
                      .value("max", maxInFlight)),
          rs -> {
            List<DueMessage> due = new ArrayList<>();
            int started = 0;
            while (rs.next()) {
              started = rs.getInt(1);
              if (rs.getObject(2) != null) {
                due.add(
                    new DueMessage(
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getBoolean(5)));
              }
            }
            return new Attempts(due, started);
          });
    }

    @Override
    public void updateMessages(List<MessageUpdate> updates) {
      if (!updates.isEmpty()) {
        pipeline.add(MessagingBatches.messagesPart(updates));
      }
    }

    @Override
    public boolean completeIfDone(String requestId, Instant now) {
      return pipeline.flushThenCount(
              h,
              new Pipeline.Part(
                  MessagingDao.COMPLETE_IF_DONE, b -> b.value("id", requestId).value("now", now)))
          > 0;
    }

    @Override
    public boolean recomputeCountsThenCompleteIfDone(String requestId, Instant now) {
      return pipeline.flushThenQuery(
          h,
          new Pipeline.Part(
              MessagingDao.RECOMPUTE_COUNTS_THEN_COMPLETE,
              b -> b.value("id", requestId).value("now", now)),
          rs -> rs.next() && rs.getBoolean(1));
    }

    @Override
    public void requeue(String requestId, Instant dueAt, Instant now) {
      dao().requeueMessages(requestId);
      dao().requeueRequest(requestId, dueAt, now);
    }

    @Override
    public Map<String, Recipient> recipients(Collection<String> endUserIds) {
      Map<String, Recipient> read = firstReads.recipients(endUserIds);
      if (read != null) {
        return read;
      }
      pipeline.flush(h);
      Map<String, Recipient> m = new HashMap<>();
      h.createQuery(MessagingDao.RECIPIENTS)
          .bindArray("ids", String.class, endUserIds.toArray())
          .map((rs, ctx) -> FirstReads.recipient(rs))
          .forEach(r -> m.put(r.id(), r));
      return m;
    }

    @Override
    public List<OpenSession> openSessions(Collection<String> endUserIds) {
      return dao().openSessions(endUserIds.toArray(String[]::new));
    }

    @Override
    public Set<String> subscriptionConsents(
        String commSubscriptionId, Collection<String> endUserIds, LocalDate today) {
      return new HashSet<>(
          dao().subscriptionConsents(commSubscriptionId, endUserIds.toArray(String[]::new), today));
    }

    @Override
    public Optional<MessagingComponent> component(String developerName) {
      Optional<MessagingComponent> read = firstReads.component(developerName);
      if (read != null) {
        return read;
      }
      pipeline.flush(h);
      return components.find(h, developerName);
    }

    @Override
    public List<FaultRule> faultRules() {
      List<FaultRule> read = firstReads.rules();
      if (read != null) {
        return read;
      }
      pipeline.flush(h);
      return FaultRepository.list(h);
    }

    @Override
    public void faultsFired(Map<String, Integer> firedByRule) {
      pipeline.flush(h);
      FaultRepository.fired(h, firedByRule);
    }

    @Override
    public List<Long> newNumbers(int n) {
      if (n == 0) {
        return List.of();
      }
      pipeline.flush(h);
      return h.createQuery("SELECT nextval('sfsim_id_seq') FROM generate_series(1, :n)")
          .bind("n", n)
          .mapTo(Long.class)
          .list();
    }

    @Override
    public Numbers newNumbersAndSessionNames(int n, int sessions) {
      if (sessions == 0) {
        return new Numbers(newNumbers(n), List.of());
      }
      return pipeline.flushThenQuery(
          h,
          new Pipeline.Part(
              """
              SELECT nextval('sfsim_id_seq'),
                  CASE WHEN g <= :sessions THEN nextval('messaging_session_name_seq') END
              FROM generate_series(1, :n) g""",
              b -> b.value("n", n).value("sessions", sessions)),
          rs -> {
            List<Long> ids = new ArrayList<>(n);
            List<String> names = new ArrayList<>(sessions);
            while (rs.next()) {
              ids.add(rs.getLong(1));
              long name = rs.getLong(2);
              if (!rs.wasNull()) {
                names.add(sessionName(name));
              }
            }
            return new Numbers(ids, names);
          });
    }

    private static String sessionName(long number) {
      String digits = Long.toString(number); // String.format was a tenth of a send's CPU
      return digits.length() >= 10
          ? "MS-" + digits
          : "MS-" + "0".repeat(10 - digits.length()) + digits;
    }

    @Override
    public Map<String, Integer> maxEntrySeq(Collection<String> sessionIds) {
      return dao().maxEntrySeq(new HashSet<>(sessionIds).toArray(String[]::new));
    }

    @Override
    public void insertSessions(List<NewSession> sessions) {
      // The insert fills the end user's and channel's fields for the batch: the row trigger that
      // would compute the same values a row at a time stands aside for it (V52).
      pipeline.add(SESSIONS_FILLED_ON);
      SessionBatches.sessionsParts(sessions).forEach(pipeline::add);
      pipeline.add(SESSIONS_FILLED_OFF);
    }

    @Override
    public void countAgentMessages(Collection<String> sessionIds, Instant now) {
      String[] ids = sessionIds.toArray(String[]::new);
      pipeline.add(
          new Pipeline.Part(
              MessagingDao.COUNT_AGENT_MESSAGES,
              b -> b.array("ids", String.class, ids).value("now", now)));
    }

    @Override
    public void insertEntries(List<NewEntry> entries, boolean held) {
      MessagingBatches.entriesParts(entries, held).forEach(pipeline::add);
    }

    @Override
    public void insertOutbox(List<OutboxEntry> entries) {
      MessagingBatches.outboxParts(entries).forEach(pipeline::add);
    }

    @Override
    public void insertDeliveryErrors(List<DeliveryError> errors) {
      pipeline.flush(h);
      Housekeeping.insertDeliveryErrors(h, errors);
    }

    @Override
    public String insertRecord(
        String objectName, Map<String, JsonNode> values, String userId, Instant now) {
      pipeline.flush(h);
      // The INSERT itself waits in the pipeline for the transaction's next writes.
      return records.insert(
          h,
          catalog.find(objectName).orElseThrow(),
          values,
          WriteMode.SYSTEM,
          userId,
          now,
          null,
          (sql, bound) -> pipeline.add(new Pipeline.Part(sql, b -> bound.forEach(b::value))));
    }

    @Override
    public void setRequestDispatchAndCounts(
        String requestId,
        JsonNode parameters,
        @Nullable String commSubscriptionId,
        String sessionLongevity,
        Instant dueAt,
        Instant now) {
      String json = parameters.toString();
      pipeline.add(
          new Pipeline.Part(
              MessagingDao.SET_REQUEST_DISPATCH_AND_COUNTS,
              b ->
                  b.value("id", requestId)
                      .value("parameters", json)
                      .value("sub", commSubscriptionId)
                      .value("longevity", sessionLongevity)
                      .value("dueAt", dueAt)
                      .value("now", now)));
    }

    @Override
    public void insertMessages(
        String requestId, List<UUID> messageIdentifiers, List<String> endUserIds) {
      String[] mids = messageIdentifiers.stream().map(UUID::toString).toArray(String[]::new);
      Integer[] positions = IntStream.range(0, endUserIds.size()).boxed().toArray(Integer[]::new);
      String[] users = endUserIds.toArray(String[]::new);
      pipeline.add(
          new Pipeline.Part(
              """
              INSERT INTO conv_message (message_identifier, request_id, position, messaging_end_user_id, status)
              SELECT CAST(v.mid AS uuid), :requestId, v.position, v.end_user, 'Pending'
              FROM unnest(:mid, :position, :endUserId) AS v(mid, position, end_user)""",
              b ->
                  b.array("mid", String.class, mids)
                      .value("requestId", requestId)
                      .array("position", Integer.class, positions)
                      .array("endUserId", String.class, users)));
    }
  }
}
