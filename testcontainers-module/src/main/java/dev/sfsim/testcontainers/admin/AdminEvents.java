package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An open subscription to an org's admin event stream ({@code GET /__admin/events}, Server-Sent
 * Events): open it before acting, then {@link #await} the event the action causes, instead of
 * polling. Each event is its JSON object as a map: {@code type} (one of {@link EventType}), {@code
 * at} (simulated instant), {@code orgId}, and the fields of its type (see the simulator's README,
 * "Event stream"). Only events of work done by the simulator process this client talks to are
 * streamed. Close it to end the stream.
 *
 * <pre>{@code
 * try (AdminEvents events = admin.openEvents()) {
 *     String requestId = service.notifyShipped(order);           // calls sendConversationMessages
 *     Map<String, Object> done = events.await(EventType.REQUEST_PROGRESSED,
 *             e -> requestId.equals(e.get("requestId")) && "Completed".equals(e.get("requestStatus")),
 *             Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class AdminEvents implements AutoCloseable {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final Map<String, Object> END = Map.of();

  private final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final List<Map<String, Object>> seen = new ArrayList<>();
  private final java.util.concurrent.CountDownLatch connected =
      new java.util.concurrent.CountDownLatch(1);

  /**
   * Returns once the simulator's {@code : connected} comment arrived: every later event is then
   * seen.
   */
  AdminEvents(HttpResponse<Stream<String>> response) {
    this.response = response;
    Thread reader = new Thread(this::read, "sfsim-admin-events");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!connected.await(30, TimeUnit.SECONDS)) {
        close();
        throw new IllegalStateException(
            "The admin event stream did not confirm the subscription within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while subscribing to the admin event stream", e);
    }
  }

  private void read() {
    try (Stream<String> lines = response.body()) {
      lines.forEach(
          line -> {
            if (line.startsWith(": connected")) {
              connected.countDown();
            } else if (line.startsWith("data:")) {
              try {
                events.add(AdminHttp.JSON.readValue(line.substring(5).trim(), MAP));
              } catch (java.io.IOException e) {
                throw new IllegalStateException("Not JSON: " + line, e);
              }
            }
          });
    } catch (RuntimeException closed) {
      // the stream ends when this subscription is closed
    } finally {
      events.add(END);
      connected.countDown();
    }
  }

  /**
   * Waits for the next event that matches; events that do not match are skipped.
   *
   * @return the event, as a map of its JSON members
   * @throws AssertionError when none matches within {@code timeout} (the message lists the events
   *     skipped), or the stream ended
   */
  public Map<String, Object> await(Predicate<Map<String, Object>> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (; ; ) {
        Map<String, Object> e =
            events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (e == null) {
          throw new AssertionError(
              "No matching admin event within " + timeout + "; events seen: " + seen);
        }
        if (e == END) {
          events.add(END);
          throw new AssertionError("The admin event stream ended; events seen: " + seen);
        }
        if (match.test(e)) {
          return e;
        }
        seen.add(e);
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for an admin event", ie);
    }
  }

  /** Waits for the next event of this type that matches. */
  public Map<String, Object> await(
      EventType type, Predicate<Map<String, Object>> match, Duration timeout) {
    return await(e -> type.matches(e) && match.test(e), timeout);
  }

  @Override
  public void close() {
    response.body().close();
  }
}
