package dev.sfsim.simulator.messaging;

import dev.sfsim.simulator.SimulatorConfig.LatencyProfile;
import dev.sfsim.simulator.clock.SimClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The asynchronous half of {@code sendConversationMessages} ({@code messaging-behaviour.md} section 2): takes due
 * {@code Pending} requests up (oldest first, at most 200 in progress, rows locked with {@code FOR UPDATE SKIP LOCKED}
 * so several simulator processes can share a database without sending twice), attempts up to 5 messages of a
 * request at once, and completes the request (with CompletedDate) when every message is sent or failed. Each
 * step, with the request's counts, is one transaction. Timings come from the latency profile.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** At most this many requests InProgress at once ("sendConversationMessages", Actions Developer Guide). */
    static final int MAX_IN_PROGRESS_REQUESTS = 200;
    /** At most this many messages of one request attempted at once. */
    static final int MAX_IN_FLIGHT_MESSAGES = 5;

    private final MessagingStore store;
    private final SimClock clock;
    private final LatencyProfile latency;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sfsim-dispatcher");
        t.setDaemon(true);
        return t;
    });

    public Dispatcher(MessagingStore store, SimClock clock, LatencyProfile latency) {
        this.store = store;
        this.clock = clock;
        this.latency = latency;
    }

    /** Starts looking for due work every {@code latency.pollInterval}. */
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

    /** Does all work that is due now: takes requests up, finishes due attempts, starts new ones. */
    void tick() {
        Instant now = clock.now();
        store.startPendingRequests(now, MAX_IN_PROGRESS_REQUESTS);
        for (String id : store.requestsInProgress()) store.inTransaction(tx -> advance(tx, id, now));
    }

    /** Works on one request while holding its row lock; another process holding it makes this a no-op. */
    private Void advance(MessagingTransaction tx, String requestId, Instant now) {
        var locked = tx.lockRequestInProgress(requestId);
        if (locked.isEmpty()) return null;
        SendRequest req = locked.get();
        boolean instant = latency.sendDelay.isZero();
        do {
            finishDueAttempts(tx, req, now);
        } while (tx.startAttempts(requestId, now, now.plus(latency.sendDelay), MAX_IN_FLIGHT_MESSAGES) > 0 && instant);
        tx.recomputeCounts(requestId, now);
        tx.completeIfDone(requestId, now);
        return null;
    }

    private static void finishDueAttempts(MessagingTransaction tx, SendRequest req, Instant now) {
        for (MessagingTransaction.DueMessage d : tx.dueAttempts(req.id(), now)) {
            MessageSender.Outcome outcome = MessageSender.attempt(tx, req, d.messageIdentifier(), d.messagingEndUserId(), now);
            if (outcome instanceof MessageSender.Outcome.Sent s) {
                tx.setMessageStatus(d.messageIdentifier(), "Sent", null, s.sessionId(), null);
            } else if (outcome instanceof MessageSender.Outcome.Failed f) {
                tx.setMessageStatus(d.messageIdentifier(), "Failed", f.reason(), null, null);
            } else {
                // Held by session gating: back to pending, looked at again a second later.
                tx.setMessageStatus(d.messageIdentifier(), "Pending", null, null, now.plusSeconds(1));
            }
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
