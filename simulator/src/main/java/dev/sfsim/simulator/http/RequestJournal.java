package dev.sfsim.simulator.http;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One org's request journal ({@code GET /__admin/requests}; admin API contract: {@code GET /__admin/openapi.json}): every API call received,
 * admin calls excluded, oldest first, bounded (the oldest entries are dropped). In memory: it is a debugging and
 * verification aid, not org data, so it is neither shared between simulator processes nor kept across restarts.
 */
public final class RequestJournal {
    /** Default bound. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    /**
     * One request.
     *
     * @param id         random UUID (version 4)
     * @param receivedAt when the request arrived (wall clock)
     * @param method     HTTP method
     * @param path       the path as received
     * @param query      query parameters, first value each
     * @param headers    request headers, {@code Authorization} masked
     * @param body       the request body as text ("" when none)
     * @param status     the HTTP status answered
     * @param durationMs time spent answering, milliseconds
     */
    public record Entry(String id, Instant receivedAt, String method, String path, Map<String, String> query,
                        Map<String, String> headers, String body, int status, long durationMs) {}

    /** Filters of {@code GET /__admin/requests}; null means "any". */
    public record Filter(String method, String pathPrefix, Instant since) {
        boolean matches(Entry e) {
            return (method == null || method.equalsIgnoreCase(e.method()))
                    && (pathPrefix == null || e.path().startsWith(pathPrefix))
                    && (since == null || !e.receivedAt().isBefore(since));
        }
    }

    public RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(Entry e) {
        entries.addLast(e);
        while (entries.size() > capacity) entries.removeFirst();
    }

    public synchronized List<Entry> list(Filter filter) {
        return entries.stream().filter(filter::matches).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** A random (version 4) UUID; not a secret, so drawn from {@link ThreadLocalRandom}, not the contended SecureRandom. */
    static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
