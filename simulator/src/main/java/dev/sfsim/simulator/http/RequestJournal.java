package dev.sfsim.simulator.http;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * One org's request journal ({@code GET /__admin/requests}; admin API contract: {@code GET
 * /__admin/openapi.json}): every API call received, admin calls excluded, oldest first, bounded in
 * entries and in bytes ({@code SFSIM_JOURNAL_MAX_BYTES}): a body is kept up to {@link #bodyLimit()}
 * bytes (the rest counted in {@link Entry#bodyTruncated()}), and the oldest entries are dropped
 * (counted in {@link #dropped()}). Secrets are masked ({@link JournalMasking}). In memory: it is a
 * debugging and verification aid, not org data, so it is neither shared between simulator processes
 * nor kept across restarts.
 */
public final class RequestJournal {
  /** Default bound. */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** Default bound in bytes ({@code SFSIM_JOURNAL_MAX_BYTES}). */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  /** A body is kept up to this many bytes, or a sixteenth of the byte bound when that is less. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * What an entry costs beside its body, headers and query: the record, its id, path and
   * timestamps.
   */
  private static final int ENTRY_OVERHEAD = 256;

  private final int capacity;
  private final long maxBytes;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private long bytes;
  private long dropped;

  /**
   * One request.
   *
   * @param id random UUID (version 4)
   * @param receivedAt when the request arrived (wall clock)
   * @param method HTTP method
   * @param path the path as received
   * @param query query parameters, first value each
   * @param headers request headers, {@code Authorization} masked
   * @param body the request body as text ("" when none or not read), secrets masked, at most {@link
   *     #bodyLimit()} bytes
   * @param status the HTTP status answered
   * @param durationMs time spent answering, milliseconds
   * @param bodyTruncated bytes of the body not kept: beyond the limit, or all of a body the
   *     simulator did not read (a request refused before authentication: its {@code
   *     Content-Length})
   */
  public record Entry(
      String id,
      Instant receivedAt,
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body,
      int status,
      long durationMs,
      long bodyTruncated) {
    /** Roughly what the entry holds in memory (two bytes a character). */
    long size() {
      long n = ENTRY_OVERHEAD + 2L * (body.length() + path.length());
      for (var e : headers.entrySet()) {
        n += 2L * (e.getKey().length() + e.getValue().length()) + 32;
      }
      for (var e : query.entrySet()) {
        n += 2L * (e.getKey().length() + e.getValue().length()) + 32;
      }
      return n;
    }
  }

  /** Filters of {@code GET /__admin/requests}; null means "any". */
  public record Filter(String method, String pathPrefix, @Nullable Instant since) {
    boolean matches(Entry e) {
      return (method == null || method.equalsIgnoreCase(e.method()))
          && (pathPrefix == null || e.path().startsWith(pathPrefix))
          && (since == null || !e.receivedAt().isBefore(since));
    }
  }

  public RequestJournal(int capacity) {
    this(capacity, DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxBytes bound of the journal's memory, bytes (roughly: two a character)
   */
  public RequestJournal(int capacity, long maxBytes) {
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  /** The bytes of a body an entry keeps. */
  public int bodyLimit() {
    return (int) Math.min(MAX_BODY_BYTES, Math.max(1024, maxBytes / 16));
  }

  public synchronized void add(Entry e) {
    entries.addLast(e);
    bytes += e.size();
    while (entries.size() > capacity || bytes > maxBytes && entries.size() > 1) {
      bytes -= entries.removeFirst().size();
      dropped++;
    }
  }

  /**
   * Entries dropped (oldest first) to keep within the bounds since the journal was last cleared.
   */
  public synchronized long dropped() {
    return dropped;
  }

  public synchronized List<Entry> list(Filter filter) {
    return entries.stream().filter(filter::matches).toList();
  }

  public synchronized void clear() {
    entries.clear();
    bytes = 0;
    dropped = 0;
  }

  /**
   * A random (version 4) UUID; not a secret, so drawn from {@link ThreadLocalRandom}, not the
   * contended SecureRandom.
   */
  public static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
