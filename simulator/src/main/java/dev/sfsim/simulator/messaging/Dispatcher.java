package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.SimulatorConfig.LatencyProfile;
import dev.sfsim.simulator.clock.SimClock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The asynchronous half of {@code sendConversationMessages} ({@code messaging-behaviour.md} section 2): claims due
 * {@code Pending} requests from PostgreSQL with {@code FOR UPDATE SKIP LOCKED} (so several simulator processes can
 * share a database without sending twice), moves them to {@code InProgress}, attempts up to 5 messages of a
 * request at once, and completes the request (with CompletedDate) when every message is sent or failed. Every
 * state change and the request's counts are written in one transaction. Timings come from the latency profile.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** At most this many requests InProgress at once ("sendConversationMessages", Actions Developer Guide). */
    static final int MAX_IN_PROGRESS_REQUESTS = 200;
    /** At most this many messages of one request attempted at once. */
    static final int MAX_IN_FLIGHT_MESSAGES = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Jdbi jdbi;
    private final SimClock clock;
    private final LatencyProfile latency;
    private final MessageSender sender;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sfsim-dispatcher");
        t.setDaemon(true);
        return t;
    });

    /** A dispatcher sending through the given repositories; call {@link #start()} to begin. */
    public static Dispatcher create(Jdbi jdbi, SimClock clock, LatencyProfile latency, dev.sfsim.simulator.catalog.Catalog catalog,
                                    dev.sfsim.simulator.sobject.RecordRepository records, ComponentRepository components,
                                    OutboxRepository outbox) {
        return new Dispatcher(jdbi, clock, latency, new MessageSender(catalog, records, components, outbox));
    }

    Dispatcher(Jdbi jdbi, SimClock clock, LatencyProfile latency, MessageSender sender) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.latency = latency;
        this.sender = sender;
    }

    /** Starts polling for due work every {@code latency.pollInterval}. */
    public void start() {
        long ms = Math.max(1, latency.pollInterval.toMillis());
        executor.scheduleWithFixedDelay(this::tickSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Dispatcher tick failed (will retry): {}", e.toString());
        }
    }

    /** Does all work that is due now: starts requests, finishes due attempts, starts new ones. */
    void tick() {
        Instant now = clock.now();
        startPendingRequests(now);
        List<String> active = jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM conv_message_send_request WHERE request_status = 'InProgress' AND NOT is_deleted
                        ORDER BY created_date, name""")
                .mapTo(String.class).list());
        for (String id : active) jdbi.useTransaction(h -> advance(h, id, now));
    }

    private void startPendingRequests(Instant now) {
        jdbi.useTransaction(h -> {
            int inProgress = h.createQuery("SELECT count(*) FROM conv_message_send_request WHERE request_status = 'InProgress'")
                    .mapTo(Integer.class).one();
            int slots = MAX_IN_PROGRESS_REQUESTS - inProgress;
            if (slots <= 0) return;
            h.createUpdate("""
                            UPDATE conv_message_send_request SET request_status = 'InProgress', last_modified_date = :now, system_modstamp = :now
                            WHERE id IN (SELECT id FROM conv_message_send_request
                                         WHERE request_status = 'Pending' AND sfsim_due_at <= :now AND NOT is_deleted
                                         ORDER BY created_date, name LIMIT :slots FOR UPDATE SKIP LOCKED)""")
                    .bind("now", now).bind("slots", slots).execute();
        });
    }

    /** Works on one request while holding its row lock; another process holding it makes this a no-op. */
    private void advance(Handle h, String requestId, Instant now) {
        Optional<SendRequest> locked = lock(h, requestId);
        if (locked.isEmpty()) return;
        SendRequest req = locked.get();
        boolean instant = latency.sendDelay.isZero();
        do {
            finishDueAttempts(h, req, now);
        } while (startAttempts(h, requestId, now) > 0 && instant);
        RequestCounts.recompute(h, requestId, now);
        h.createUpdate("""
                        UPDATE conv_message_send_request SET request_status = 'Completed', completed_date = :now
                        WHERE id = :id AND pending_message_count = 0 AND in_progress_message_count = 0""")
                .bind("id", requestId).bind("now", now).execute();
    }

    private Optional<SendRequest> lock(Handle h, String requestId) {
        return h.createQuery("""
                        SELECT id, message_definition, created_by_id, allow_existing_session_status, should_enforce_channel_consent,
                               request_consent_type, session_longevity_preference, sfsim_parameters::text
                        FROM conv_message_send_request WHERE id = :id AND request_status = 'InProgress' FOR UPDATE SKIP LOCKED""")
                .bind("id", requestId)
                .map((rs, ctx) -> new SendRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), parse(rs.getString(8))))
                .findOne();
    }

    private void finishDueAttempts(Handle h, SendRequest req, Instant now) {
        record Due(UUID id, String endUserId) {}
        List<Due> due = h.createQuery("""
                        SELECT message_identifier, messaging_end_user_id FROM conv_message
                        WHERE request_id = :id AND status = 'InProgress' AND due_at <= :now ORDER BY position""")
                .bind("id", req.id()).bind("now", now)
                .map((rs, ctx) -> new Due(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Due d : due) {
            MessageSender.Outcome outcome = sender.attempt(h, req, d.id(), d.endUserId(), now);
            if (outcome instanceof MessageSender.Outcome.Sent s) {
                setStatus(h, d.id(), "Sent", null, s.sessionId(), null);
            } else if (outcome instanceof MessageSender.Outcome.Failed f) {
                setStatus(h, d.id(), "Failed", f.reason(), null, null);
            } else {
                setStatus(h, d.id(), "Pending", null, null, now.plusSeconds(1)); // held by gating: look again later
            }
        }
    }

    /** Moves pending messages into the free in-flight slots; returns how many started. */
    private int startAttempts(Handle h, String requestId, Instant now) {
        return h.createUpdate("""
                        UPDATE conv_message SET status = 'InProgress', due_at = :dueAt
                        WHERE message_identifier IN (
                            SELECT message_identifier FROM conv_message
                            WHERE request_id = :id AND status = 'Pending' AND (due_at IS NULL OR due_at <= :now)
                            ORDER BY position
                            LIMIT greatest(0, :max - (SELECT count(*) FROM conv_message WHERE request_id = :id AND status = 'InProgress')))""")
                .bind("id", requestId).bind("now", now).bind("dueAt", now.plus(latency.sendDelay)).bind("max", MAX_IN_FLIGHT_MESSAGES)
                .execute();
    }

    private static void setStatus(Handle h, UUID id, String status, String reason, String sessionId, Instant dueAt) {
        h.createUpdate("""
                        UPDATE conv_message SET status = :status, failure_reason = :reason, messaging_session_id = :session, due_at = :dueAt
                        WHERE message_identifier = :id""")
                .bind("id", id).bind("status", status).bind("reason", reason).bind("session", sessionId).bind("dueAt", dueAt)
                .execute();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            return MAPPER.createArrayNode();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
