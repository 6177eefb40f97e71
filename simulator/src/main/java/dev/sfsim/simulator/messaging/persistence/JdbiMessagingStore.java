package dev.sfsim.simulator.messaging.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.LocalDate;
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
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
    return jdbi.inTransaction(h -> work.apply(new Tx(h)));
  }

  @Override
  public void startPendingRequests(Instant now, int maxInProgress) {
    jdbi.useTransaction(
        h -> {
          MessagingDao dao = h.attach(MessagingDao.class);
          dao.lockDispatch(); // one process at a time counts the slots
          int slots = maxInProgress - dao.countInProgress();
          if (slots > 0) {
            dao.startPending(now, slots);
          }
          dao.markQueued(now);
        });
  }

  @Override
  public List<String> requestsWithDueWork(Instant now) {
    return jdbi.withExtension(MessagingDao.class, dao -> dao.inProgress(now));
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
        h ->
            h.createQuery(DUE)
                .bind("now", now)
                .map((rs, ctx) -> new Due(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .one());
  }

  @Override
  public Optional<Instant> nextDueAfter(Instant t) {
    return jdbi.withHandle(h -> Housekeeping.nextDueAfter(h, t));
  }

  /** One transaction's view, bound to its handle. */
  private final class Tx implements MessagingTransaction {
    private final Handle h;
    private final MessagingDao dao;

    Tx(Handle h) {
      this.h = h;
      this.dao = h.attach(MessagingDao.class);
    }

    @Override
    public Optional<SendRequest> lockRequestInProgress(String requestId) {
      return h.createQuery(
              """
                            SELECT id, message_definition, created_by_id,
                                allow_existing_session_status, should_enforce_channel_consent,
                                   request_consent_type, comm_subscription_id,
                                       session_longevity_preference, sfsim_parameters::text, sfsim_queued
                            FROM conv_message_send_request WHERE id = :id AND request_status =
                                'InProgress' FOR UPDATE SKIP LOCKED""")
          .bind("id", requestId)
          .map(
              (rs, ctx) ->
                  new SendRequest(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getBoolean(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      parse(rs.getString(9)),
                      rs.getBoolean(10)))
          .findOne();
    }

    @Override
    public List<DueMessage> dueAttempts(String requestId, Instant now) {
      return dao.dueAttempts(requestId, now);
    }

    @Override
    public int startAttempts(String requestId, Instant now, Instant attemptDueAt, int maxInFlight) {
      return dao.startAttempts(requestId, now, attemptDueAt, maxInFlight);
    }

    @Override
    public void updateMessages(List<MessageUpdate> updates) {
      if (!updates.isEmpty()) {
        MessagingBatches.messages(h, updates);
      }
    }

    @Override
    public void recomputeCounts(String requestId, Instant now) {
      dao.recomputeCounts(requestId, now);
    }

    @Override
    public boolean completeIfDone(String requestId, Instant now) {
      return dao.completeIfDone(requestId, now) > 0;
    }

    @Override
    public void requeue(String requestId, Instant dueAt, Instant now) {
      dao.requeueMessages(requestId);
      dao.requeueRequest(requestId, dueAt, now);
    }

    @Override
    public Map<String, Recipient> recipients(Collection<String> endUserIds) {
      Map<String, Recipient> m = new HashMap<>();
      for (Recipient r : dao.recipients(endUserIds.toArray(String[]::new))) {
        m.put(r.id(), r);
      }
      return m;
    }

    @Override
    public List<OpenSession> openSessions(Collection<String> endUserIds) {
      return dao.openSessions(endUserIds.toArray(String[]::new));
    }

    @Override
    public Set<String> subscriptionConsents(
        String commSubscriptionId, Collection<String> endUserIds, LocalDate today) {
      return new HashSet<>(
          dao.subscriptionConsents(commSubscriptionId, endUserIds.toArray(String[]::new), today));
    }

    @Override
    public Optional<MessagingComponent> component(String developerName) {
      return components.find(h, developerName);
    }

    @Override
    public List<FaultRule> faultRules() {
      return FaultRepository.list(h);
    }

    @Override
    public void faultsFired(Map<String, Integer> firedByRule) {
      FaultRepository.fired(h, firedByRule);
    }

    @Override
    public List<Long> newNumbers(int n) {
      return n == 0 ? List.of() : dao.nextIds(n);
    }

    @Override
    public List<String> newSessionNames(int n) {
      return dao.nextNumbers("messaging_session_name_seq", n).stream()
          .map(v -> String.format("MS-%010d", v))
          .toList();
    }

    @Override
    public Map<String, Integer> maxEntrySeq(Collection<String> sessionIds) {
      return dao.maxEntrySeq(new HashSet<>(sessionIds).toArray(String[]::new));
    }

    @Override
    public void insertSessions(List<NewSession> sessions) {
      MessagingBatches.sessions(h, sessions);
    }

    @Override
    public void countAgentMessages(Collection<String> sessionIds, Instant now) {
      dao.countAgentMessages(sessionIds.toArray(String[]::new), now);
    }

    @Override
    public void insertEntries(List<NewEntry> entries, boolean held) {
      MessagingBatches.entries(h, entries, held);
    }

    @Override
    public void insertOutbox(List<OutboxEntry> entries) {
      MessagingBatches.outbox(h, entries);
    }

    @Override
    public void insertDeliveryErrors(List<DeliveryError> errors) {
      Housekeeping.insertDeliveryErrors(h, errors);
    }

    @Override
    public String insertRecord(
        String objectName, Map<String, JsonNode> values, String userId, Instant now) {
      return records.insert(
          h, catalog.find(objectName).orElseThrow(), values, WriteMode.SYSTEM, userId, now);
    }

    @Override
    public void setRequestDispatch(
        String requestId,
        JsonNode parameters,
        @Nullable String commSubscriptionId,
        String sessionLongevity,
        Instant dueAt) {
      dao.setRequestDispatch(
          requestId, parameters.toString(), commSubscriptionId, sessionLongevity, dueAt);
    }

    @Override
    public void insertMessages(
        String requestId, List<UUID> messageIdentifiers, List<String> endUserIds) {
      dao.insertMessages(
          messageIdentifiers,
          requestId,
          IntStream.range(0, endUserIds.size()).boxed().toList(),
          endUserIds);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt parameters of a send request: " + json, e);
    }
  }
}
