package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.messaging.MessagingEvent;
import dev.sfsim.simulator.messaging.MessagingEvents;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /__admin/events} (and {@code /__admin/orgs/{orgId}/events}): one org's {@link
 * MessagingEvent}s as Server-Sent Events (WHATWG HTML, "Server-sent events"): {@code event: <type>}
 * and {@code data: <one JSON object>} per event, the {@code orgId} added; a {@code : connected}
 * comment first: a client that has read it sees every later event. Needs {@code Accept:
 * text/event-stream} (else 406 {@code NOT_ACCEPTABLE}); closed by the admin token like every admin
 * path. Events are written by one shared thread, never by the thread that did the work, so
 * listeners cannot slow a send: what waits meanwhile goes out together, one write per client;
 * beyond {@link #MAX_PENDING} waiting events the oldest are dropped. Only events of work done by
 * this process are published (other processes sharing the database have their own streams).
 */
public final class EventStreamRoutes implements MessagingEvents, AutoCloseable {
  private final String orgId;
  private final Executor writer;

  /**
   * Events waiting for the writer beyond this many: the oldest are dropped (a stuck client cannot
   * exhaust memory).
   */
  static final int MAX_PENDING = 10_000;

  private static final byte[] CONNECTED = ": connected\n\n".getBytes(StandardCharsets.UTF_8);

  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final SseHandler handler = new SseHandler(this::subscribe);
  private final Queue<String> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  /**
   * @param writer the one thread that writes to every org's clients (all writes happen there, so
   *     none interleave)
   */
  public EventStreamRoutes(String orgId, Executor writer) {
    this.orgId = orgId;
    this.writer = writer;
  }

  public void open(Context ctx) throws Exception {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new SalesforceException(
          406,
          "NOT_ACCEPTABLE",
          "/__admin/events is a Server-Sent Events stream: send Accept: text/event-stream");
    }
    handler.handle(ctx);
  }

  /**
   * The comment goes out on the writer thread, and from then on every event: a client that read it
   * is subscribed.
   */
  private void subscribe(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    writer.execute(
        () -> {
          if (write(client, CONNECTED)) {
            clients.add(client);
          }
        });
  }

  /** How many clients are connected now. */
  public int clients() {
    return clients.size();
  }

  /** Ends every client's stream (the org is dropped or the simulator stops). */
  @Override
  public void close() {
    for (SseClient c : clients) {
      c.close();
    }
    clients.clear();
  }

  @Override
  public boolean active() {
    return !clients.isEmpty();
  }

  @Override
  public void publish(MessagingEvent event) {
    if (clients.isEmpty()) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>(event.data());
    data.put("orgId", orgId);
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    pending.add("event: " + event.type() + "\ndata: " + json + "\n\n");
    if (queued.incrementAndGet() > MAX_PENDING && pending.poll() != null) {
      queued.decrementAndGet();
    }
    if (drainScheduled.compareAndSet(false, true)) {
      writer.execute(this::drain);
    }
  }

  /**
   * Writes every waiting event to every client with one flush per client (not one per event and
   * client).
   */
  private void drain() {
    drainScheduled.set(false);
    StringBuilder frames = new StringBuilder();
    int n = 0;
    for (String f; (f = pending.poll()) != null; n++) {
      frames.append(f);
    }
    queued.addAndGet(-n);
    if (n == 0) {
      return;
    }
    byte[] bytes = frames.toString().getBytes(StandardCharsets.UTF_8);
    for (SseClient c : clients) {
      write(c, bytes);
    }
  }

  /**
   * @return false when the client is gone (it is then dropped)
   */
  private boolean write(SseClient client, byte[] bytes) {
    if (client.terminated()) {
      clients.remove(client);
      return false;
    }
    try {
      var out = client.ctx().res().getOutputStream();
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      clients.remove(client);
      client.close();
      return false;
    }
  }
}
