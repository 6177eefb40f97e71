package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A test client of {@code GET /__admin/events}: reads the stream on the HTTP client's thread into a
 * queue.
 */
final class SseReader implements AutoCloseable {
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * Opens the stream and returns once the simulator's {@code : connected} comment arrived (the
   * subscription is live).
   */
  SseReader(String url) throws Exception {
    response =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> r = response.get(10, TimeUnit.SECONDS);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("events: " + r.statusCode());
    }
    java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              String type = null;
              try {
                for (var it = r.body().iterator(); it.hasNext(); ) {
                  String line = it.next();
                  if (line.startsWith(": connected")) {
                    connected.countDown();
                  } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                  } else if (line.startsWith("data:")) {
                    JsonNode data = Json.parse(line.substring(5).trim());
                    if (!data.path("type").asText().equals(type)) {
                      throw new AssertionError("event " + type + " with data " + data);
                    }
                    events.add(data);
                  }
                }
              } catch (RuntimeException closed) {
                // the stream ends when the test closes it
              }
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    if (!connected.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no ': connected' within 10 s");
    }
  }

  /**
   * The next event matching {@code match} within 10 s (others are skipped and kept in {@code
   * skipped}).
   */
  JsonNode await(Predicate<JsonNode> match, List<JsonNode> skipped) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (; ; ) {
      JsonNode e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no matching event within 10 s; saw " + skipped);
      }
      if (match.test(e)) {
        return e;
      }
      skipped.add(e);
    }
  }

  JsonNode await(String type, Predicate<JsonNode> match) throws InterruptedException {
    return await(e -> e.path("type").asText().equals(type) && match.test(e), new ArrayList<>());
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
  }
}
