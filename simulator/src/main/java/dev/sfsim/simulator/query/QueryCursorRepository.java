package dev.sfsim.simulator.query;

import dev.sfsim.simulator.ids.SalesforceIds;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Query cursors in PostgreSQL (table {@code query_cursor}), so that any simulator instance sharing
 * the database serves the next page. A cursor idle for {@link #IDLE_EXPIRY} (simulated time) is
 * gone.
 */
final class QueryCursorRepository {
  /**
   * Salesforce drops a query cursor after about 15 minutes without use ("QueryLocator", SOAP API
   * Developer Guide).
   */
  static final Duration IDLE_EXPIRY = Duration.ofMinutes(15);

  /** Key prefix of query locators ({@code 01gB000003OCxSPIA1-2000}). */
  static final String KEY_PREFIX = "01g";

  /** A stored cursor. */
  record Cursor(
      String id,
      String soql,
      double apiVersion,
      boolean queryAll,
      int batchSize,
      long totalSize,
      Instant clockAt) {}

  private QueryCursorRepository() {}

  /** Stores a new cursor and prunes expired ones; returns its id. */
  static String create(
      Handle h,
      @Nullable String soql,
      double apiVersion,
      boolean queryAll,
      int batchSize,
      long totalSize,
      Instant now) {
    h.createUpdate("DELETE FROM query_cursor WHERE last_used_at < ?")
        .bind(0, utc(now.minus(IDLE_EXPIRY)))
        .execute();
    long n = h.createQuery("SELECT nextval('query_cursor_seq')").mapTo(Long.class).one();
    String id = SalesforceIds.generate(KEY_PREFIX, n);
    h.createUpdate(
            """
                INSERT INTO query_cursor (id, soql, api_version, query_all, batch_size, total_size,
                    clock_at, last_used_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .bind(0, id)
        .bind(1, soql)
        .bind(2, apiVersion)
        .bind(3, queryAll)
        .bind(4, batchSize)
        .bind(5, totalSize)
        .bind(6, utc(now))
        .bind(7, utc(now))
        .execute();
    return id;
  }

  /** The cursor if it exists and has not been idle too long; touching it restarts its idle time. */
  static Optional<Cursor> use(Handle h, String id, Instant now) {
    return h.createQuery(
            """
                UPDATE query_cursor SET last_used_at = ? WHERE id = ? AND last_used_at >= ?
                RETURNING id, soql, api_version, query_all, batch_size, total_size, clock_at""")
        .bind(0, utc(now))
        .bind(1, id)
        .bind(2, utc(now.minus(IDLE_EXPIRY)))
        .map(
            (rs, ctx) ->
                new Cursor(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getDouble(3),
                    rs.getBoolean(4),
                    rs.getInt(5),
                    rs.getLong(6),
                    rs.getObject(7, OffsetDateTime.class).toInstant()))
        .findOne();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
