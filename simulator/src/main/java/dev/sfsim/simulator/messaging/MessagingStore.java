package dev.sfsim.simulator.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the messaging engine needs from the database, so that the engine itself imports neither Jdbi
 * nor Javalin: it runs, and is tested, without either. The Jdbi implementation is {@code
 * messaging.persistence.JdbiMessagingStore}.
 */
public interface MessagingStore {

  /** Runs the work in one database transaction; an exception rolls everything back. */
  <T> T inTransaction(Function<MessagingTransaction, T> work);

  /**
   * Moves due {@code Pending} requests (oldest first) to {@code InProgress} while fewer than {@code
   * maxInProgress} are in progress, and marks those left waiting as queued; serialised across
   * processes, rows other processes hold are skipped ({@code FOR UPDATE SKIP LOCKED}).
   *
   * @return {@link #requestsWithDueWork} as it stands after these starts (read in the same round
   *     trip)
   */
  List<String> startPendingRequests(Instant now, int maxInProgress);

  /** What {@link #startPendingRequestsThenDue} started and found. */
  record Started(List<String> requestsWithDueWork, Due due) {}

  /**
   * {@link #startPendingRequests}, then {@link #due} as it stands after those starts, in the same
   * round trip: what a wake (a request accepted with no pick-up delay) runs first, instead of
   * asking {@link #due} in a round trip of its own.
   */
  Started startPendingRequestsThenDue(Instant now, int maxInProgress);

  /**
   * Ids of the InProgress requests with due work (a message to start or finish, or nothing left to
   * do), oldest first.
   */
  List<String> requestsWithDueWork(Instant now);

  /**
   * The time-driven work that is due at {@code now}, set-based, in one transaction: KeepSessionOpen
   * sessions 48 hours without reply end; entries due {@code Delivered}/{@code Read} move on
   * (undeliverable ones end {@code Error} with a MessagingDeliveryError); held enhanced entries of
   * ended sessions appear; messages held by session gating whose gate opened become pending again
   * (also after a status change through the REST API).
   *
   * @return the sessions that ended and the messages whose status moved on ({@code
   *     session.changed}, {@code message.status}), to publish once committed
   */
  List<MessagingEvent> housekeeping(Instant now);

  /**
   * A request's status and counts as committed, for the event stream; empty when it does not exist.
   */
  Optional<MessagingEvent.RequestProgress> progress(String requestId);

  /**
   * What dispatcher work may be due at {@code now}, in one cheap query, so that an idle org's tick
   * does nothing else and a busy one skips the kinds of work that have nothing to do.
   *
   * @param pending a {@code Pending} request is due for pick-up
   * @param inProgress a request is {@code InProgress}
   * @param housekeeping a session past its expiry, a receipt due, a held entry or message
   */
  record Due(boolean pending, boolean inProgress, boolean housekeeping) {
    public boolean any() {
      return pending || inProgress || housekeeping;
    }
  }

  /** What may be due at {@code now}. */
  Due due(Instant now);

  /** The earliest instant after {@code t} at which some work becomes due, if any. */
  Optional<Instant> nextDueAfter(Instant t);
}
