package dev.sfsim.testcontainers.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Awaiting and verifying what the code under test caused in one org: a send request completing
 * (polled through SOQL, as user code would), an event of the admin event stream, and calls in the
 * request journal. Failures are {@link AssertionError}s showing the last state seen or the closest
 * request, so any test framework reports them. Get one from {@link
 * SimulatorAdminClient#assertions()}.
 *
 * <pre>{@code
 * sfsim.assertions().verifyConversationMessagesSent(alice, bob);
 * SendRequestStatus done = sfsim.assertions().awaitRequestCompleted(requestId, Duration.ofSeconds(10));
 * }</pre>
 */
public final class SimulatorAssertions {
  private static final String SEND_REQUEST_FIELDS =
      "Id, RequestStatus, TotalMessageCount, SuccessMessageCount, "
          + "FailedMessageCount, PendingMessageCount, InProgressMessageCount, SuccessMessageIdentifiers, "
          + "FailedMessageIdentifiers, FailedMessageErrorReasons, CompletedDate";

  /** Shortest wait between polls. */
  private static final long MIN_POLL_MILLIS = 1;

  /** Longest wait between polls: a request that takes seconds costs few queries. */
  private static final long MAX_POLL_MILLIS = 64;

  /** SOQL's datetime format, e.g. {@code 2026-01-15T10:30:00.000+0000}. */
  private static final DateTimeFormatter SOQL_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final SimulatorAdminClient admin;
  private final SalesforceSession session;

  SimulatorAssertions(SimulatorAdminClient admin, SalesforceSession session) {
    this.admin = admin;
    this.session = session;
  }

  /**
   * Polls the {@code ConvMessageSendRequest} through SOQL until its {@code RequestStatus} is {@code
   * Completed}, waiting between polls a quarter of the time waited so far (at least 1 ms, at most
   * 64 ms): a completed request is seen at most about a quarter later than it completed, and a
   * request that takes seconds costs few queries. (A fixed 100 ms poll had made every awaited send
   * cost a tenth of a second; doubling waits, 1, 2, 4, … ms, could see a request the {@code
   * instant} profile completes in 10 ms only at 20.) The polls reuse the token of the org session's
   * last login, logging in again when the org refuses it (a reset ends every token).
   *
   * @param requestId the {@code requestId} output of {@code sendConversationMessages}
   * @return the completed request
   * @throws IllegalArgumentException when {@code requestId} is no 15- or 18-character id
   * @throws AssertionError with the last state seen when it does not complete in time
   */
  public SendRequestStatus awaitRequestCompleted(String requestId, Duration timeout) {
    if (requestId == null || !requestId.matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
      throw new IllegalArgumentException("Not a record id: " + requestId);
    }
    String soql =
        "SELECT "
            + SEND_REQUEST_FIELDS
            + " FROM ConvMessageSendRequest WHERE Id = '"
            + requestId
            + "'";
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    SendRequestStatus last = null;
    while (true) {
      List<Map<String, Object>> records = session.queryReusingToken(soql);
      if (!records.isEmpty()) {
        last = status(records.get(0));
        if (last.isCompleted()) {
          return last;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "ConvMessageSendRequest "
                + requestId
                + " did not complete within "
                + timeout
                + "; last seen: "
                + (last == null ? "no such record" : last));
      }
      try {
        long waited = (System.nanoTime() - start) / 1_000_000;
        Thread.sleep(Math.max(MIN_POLL_MILLIS, Math.min(MAX_POLL_MILLIS, waited / 4)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + requestId, e);
      }
    }
  }

  /**
   * Subscribes, waits for the first event that matches, and unsubscribes: for work already under
   * way (events published before this call are not seen; subscribe with {@link
   * SimulatorAdminClient#openEvents()} before acting to see them all).
   *
   * @param match tested on each event, a map of its JSON members ({@code type}, {@code at}, ...)
   * @throws AssertionError listing the events seen when none matches within {@code timeout}
   */
  public Map<String, Object> awaitEvent(Predicate<Map<String, Object>> match, Duration timeout) {
    try (AdminEvents events = admin.openEvents()) {
      return events.await(match, timeout);
    }
  }

  /**
   * Asserts that {@code sendConversationMessages} was invoked with exactly these recipients (15- or
   * 18-character ids, any order; the recipients of all inputs of one invocation count together).
   *
   * @return the matching request
   * @throws AssertionError showing the closest invocation (most recipients in common) or the last
   *     request
   */
  public JournalEntry verifyConversationMessagesSent(String... messagingEndUserIds) {
    return JournalVerifier.conversationMessagesSent(
        admin.requests(), new LinkedHashSet<>(Arrays.asList(messagingEndUserIds)));
  }

  /**
   * Asserts that {@code sendConversationMessages} was never invoked.
   *
   * @throws AssertionError showing the first invocation
   */
  public void verifyNoConversationMessagesSent() {
    admin.requests("POST", null, null).stream()
        .filter(e -> e.path().endsWith(JournalVerifier.SEND_ACTION_PATH))
        .findFirst()
        .ifPresent(
            e -> {
              throw new AssertionError(
                  "Expected no sendConversationMessages invocation, but there was:\n  " + e);
            });
  }

  /**
   * Asserts that a call with this method and path prefix arrived.
   *
   * @return the first such call
   * @throws AssertionError showing the closest call
   */
  public JournalEntry verifyRequested(String method, String pathPrefix) {
    return JournalVerifier.requested(admin.requests(), method, pathPrefix);
  }

  private static SendRequestStatus status(Map<String, Object> r) {
    return new SendRequestStatus(
        String.valueOf(r.get("Id")),
        RequestStatus.of(String.valueOf(r.get("RequestStatus"))),
        count(r.get("TotalMessageCount")),
        count(r.get("SuccessMessageCount")),
        count(r.get("FailedMessageCount")),
        count(r.get("PendingMessageCount")),
        count(r.get("InProgressMessageCount")),
        split(r.get("SuccessMessageIdentifiers")),
        split(r.get("FailedMessageIdentifiers")),
        text(r.get("FailedMessageErrorReasons")),
        instant(r.get("CompletedDate")));
  }

  private static int count(@Nullable Object v) {
    return v instanceof Number n ? n.intValue() : 0;
  }

  private static @Nullable String text(@Nullable Object v) {
    return v == null ? null : v.toString();
  }

  private static @Nullable Instant instant(@Nullable Object v) {
    return v == null ? null : OffsetDateTime.parse(v.toString(), SOQL_DATETIME).toInstant();
  }

  private static List<String> split(@Nullable Object v) {
    if (v == null || v.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(v.toString().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
