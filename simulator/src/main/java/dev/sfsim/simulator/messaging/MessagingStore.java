package dev.sfsim.simulator.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What the messaging engine needs from the database, so that the engine itself imports neither Jdbi nor Javalin
 * (DESIGN.md, "Thin edges"). The Jdbi implementation is {@code persistence.JdbiMessagingStore}.
 */
public interface MessagingStore {

    /** Runs the work in one database transaction; an exception rolls everything back. */
    <T> T inTransaction(Function<MessagingTransaction, T> work);

    /**
     * Moves due {@code Pending} requests (oldest first) to {@code InProgress} while fewer than {@code maxInProgress}
     * are in progress; rows other processes hold are skipped ({@code FOR UPDATE SKIP LOCKED}).
     */
    void startPendingRequests(Instant now, int maxInProgress);

    /** Ids of the requests in progress, oldest first. */
    List<String> requestsInProgress();
}
