package dev.sfsim.simulator.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.messaging.MessagingComponent;
import dev.sfsim.simulator.messaging.MessagingStore;
import dev.sfsim.simulator.messaging.MessagingTransaction;
import dev.sfsim.simulator.messaging.OutboxEntry;
import dev.sfsim.simulator.messaging.Recipient;
import dev.sfsim.simulator.messaging.SendRequest;
import dev.sfsim.simulator.sobject.RecordRepository;
import dev.sfsim.simulator.sobject.WriteMode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The messaging engine's store over PostgreSQL: {@link MessagingDao} for fixed SQL, the catalog-driven record writer for records. */
public final class JdbiMessagingStore implements MessagingStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Jdbi jdbi;
    private final Catalog catalog;
    private final RecordRepository records;
    private final ComponentRepository components;
    private final OutboxRepository outbox;

    public JdbiMessagingStore(Jdbi jdbi, Catalog catalog, RecordRepository records, ComponentRepository components, OutboxRepository outbox) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.records = records;
        this.components = components;
        this.outbox = outbox;
    }

    @Override
    public <T> T inTransaction(Function<MessagingTransaction, T> work) {
        return jdbi.inTransaction(h -> work.apply(new Tx(h)));
    }

    @Override
    public void startPendingRequests(Instant now, int maxInProgress) {
        jdbi.useTransaction(h -> {
            MessagingDao dao = h.attach(MessagingDao.class);
            int slots = maxInProgress - dao.countInProgress();
            if (slots > 0) dao.startPending(now, slots);
        });
    }

    @Override
    public List<String> requestsInProgress() {
        return jdbi.withExtension(MessagingDao.class, MessagingDao::inProgress);
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
            return h.createQuery("""
                            SELECT id, message_definition, created_by_id, allow_existing_session_status, should_enforce_channel_consent,
                                   request_consent_type, session_longevity_preference, sfsim_parameters::text
                            FROM conv_message_send_request WHERE id = :id AND request_status = 'InProgress' FOR UPDATE SKIP LOCKED""")
                    .bind("id", requestId)
                    .map((rs, ctx) -> new SendRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getString(6), rs.getString(7), parse(rs.getString(8))))
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
        public void setMessageStatus(UUID messageIdentifier, String status, String failureReason, String sessionId, Instant dueAt) {
            dao.setStatus(messageIdentifier, status, failureReason, sessionId, dueAt);
        }

        @Override
        public void recomputeCounts(String requestId, Instant now) {
            dao.recomputeCounts(requestId, now);
        }

        @Override
        public void completeIfDone(String requestId, Instant now) {
            dao.completeIfDone(requestId, now);
        }

        @Override
        public Optional<Recipient> recipient(String messagingEndUserId) {
            return dao.recipient(messagingEndUserId);
        }

        @Override
        public boolean hasSession(String messagingEndUserId, List<String> statuses, boolean exclude) {
            return dao.hasSession(messagingEndUserId, statuses, exclude);
        }

        @Override
        public Optional<String> newestNewSession(String messagingEndUserId) {
            return dao.newestNewSession(messagingEndUserId);
        }

        @Override
        public int nextEntrySeq(String sessionId) {
            return dao.nextEntrySeq(sessionId);
        }

        @Override
        public Optional<MessagingComponent> component(String developerName) {
            return components.find(h, developerName);
        }

        @Override
        public String insertRecord(String objectName, Map<String, JsonNode> values, String userId, Instant now) {
            return records.insert(h, catalog.find(objectName).orElseThrow(), values, WriteMode.SYSTEM, userId, now);
        }

        @Override
        public void setRequestDispatch(String requestId, JsonNode parameters, Instant dueAt) {
            dao.setRequestDispatch(requestId, parameters.toString(), dueAt);
        }

        @Override
        public void insertMessages(String requestId, List<UUID> messageIdentifiers, List<String> endUserIds) {
            dao.insertMessages(messageIdentifiers, requestId, IntStream.range(0, endUserIds.size()).boxed().toList(), endUserIds);
        }

        @Override
        public void insertOutbox(OutboxEntry entry) {
            outbox.insert(h, entry);
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
