package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sfsim.simulator.error.SalesforceException;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.messaging.MessagingEvent;
import dev.sfsim.simulator.messaging.MessagingEvents;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * {@code GET /__admin/events} (and {@code /__admin/orgs/{orgId}/events}): one org's {@link MessagingEvent}s as
 * Server-Sent Events (WHATWG HTML, "Server-sent events"): {@code event: <type>} and {@code data: <one JSON object>}
 * per event, the {@code orgId} added; a {@code : connected} comment first, so a client knows it is subscribed.
 * Needs {@code Accept: text/event-stream} (else 406 {@code NOT_ACCEPTABLE}); closed by the admin token like every
 * admin path. Events are written by one shared thread, never by the thread that did the work, so listeners cannot
 * slow a send; only events of work done by this process are published (other processes sharing the database have
 * their own streams).
 */
public final class EventStream implements MessagingEvents, AutoCloseable {
    private final String orgId;
    private final Executor writer;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final SseHandler handler = new SseHandler(this::subscribe);

    /** @param writer the thread that writes to the clients (shared by all orgs; bounded, see {@code Simulator}) */
    public EventStream(String orgId, Executor writer) {
        this.orgId = orgId;
        this.writer = writer;
    }

    public void register(RoutesConfig routes) {
        routes.get("/__admin/events", this::open);
    }

    private void open(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new SalesforceException(406, "NOT_ACCEPTABLE",
                    "/__admin/events is a Server-Sent Events stream: send Accept: text/event-stream");
        }
        handler.handle(ctx);
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    /** How many clients are connected now. */
    public int clients() {
        return clients.size();
    }

    /** Ends every client's stream (the org is dropped or the simulator stops). */
    @Override
    public void close() {
        for (SseClient c : clients) c.close();
        clients.clear();
    }

    @Override
    public boolean active() {
        return !clients.isEmpty();
    }

    @Override
    public void publish(MessagingEvent event) {
        if (clients.isEmpty()) return;
        Map<String, Object> data = new LinkedHashMap<>(event.data());
        data.put("orgId", orgId);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        writer.execute(() -> {
            for (SseClient c : clients) {
                if (c.terminated()) clients.remove(c);
                else c.sendEvent(event.type(), json);
            }
        });
    }
}
