package dev.sfsim.simulator.persistence;

import dev.sfsim.simulator.clock.SimClock;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The state of an org's tables right after a full reset (org seeded, startup fixtures loaded),
 * captured once so that later resets restore it with a few statements instead of loading every
 * fixture record again: the rows of every non-empty table and every sequence of the schema but
 * those of tables a reset keeps. The rows are kept as JSON and, in the org's schema, as a copy of
 * each table ({@code sfsim_reset_<key>_<n>}, named by a hash of the rows, so templates never share
 * one): a reset inserts from the copies, which costs PostgreSQL about half of parsing the JSON
 * ({@code json_populate_recordset}) every time.
 *
 * <p>Timestamps written while the template was loaded (between {@code loadStart} and {@code
 * loadEnd}: CreatedDate, LastModifiedDate, SystemModstamp of the seeded org and fixture records)
 * are restored as the instant of the restore, so the records look created by this reset, as a full
 * reset makes them; any other timestamp (one a fixture gives) is restored as it was.
 */
public final class ResetTemplate {
  private static final String COPY_PREFIX = "sfsim_reset_";

  /** The restored tables, parents first. */
  private final List<String> restored;

  /** Per restored table: {@code INSERT INTO t (cols) SELECT <cols, timestamps moved> FROM }. */
  private final List<String> restores;

  private final List<String> rows;
  private final String[] sequences;
  private final long[] values;
  private final boolean[] called;
  private final OffsetDateTime loadStart;
  private final OffsetDateTime loadEnd;

  /** Names the copies: a hash of the rows and of how they are restored. */
  private final String key;

  /** Whether the copies exist (committed) in the org's schema. */
  private volatile boolean copied;

  private ResetTemplate(
      List<String> restored,
      List<String> restores,
      List<String> rows,
      String[] sequences,
      long[] values,
      boolean[] called,
      Instant loadStart,
      Instant loadEnd,
      boolean copied) {
    this.restored = restored;
    this.restores = restores;
    this.rows = rows;
    this.sequences = sequences;
    this.values = values;
    this.called = called;
    this.loadStart = loadStart.atOffset(ZoneOffset.UTC);
    this.loadEnd = loadEnd.atOffset(ZoneOffset.UTC);
    this.key = hash(restores, rows);
    this.copied = copied;
  }

  /**
   * Captures {@code tables} and the schema's sequences as they are in {@code h}'s transaction.
   *
   * @param loadStart the clock's instant before the org was seeded
   * @param loadEnd the clock's instant after the fixtures were loaded
   */
  public static ResetTemplate capture(
      Handle h, List<String> tables, Instant loadStart, Instant loadEnd) {
    List<String> restored = new ArrayList<>();
    List<String> restores = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    List<String> ordered = new ArrayList<>(tables);
    ordered.sort(java.util.Comparator.comparingInt(ResetTemplate::restoreRank));
    for (String table : ordered) {
      String json =
          h.createQuery("SELECT json_agg(t) FROM " + quote(table) + " t").mapTo(String.class).one();
      if (json == null) {
        continue;
      }
      restored.add(table);
      restores.add(restoreSql(h, table));
      rows.add(json);
    }
    String schema = h.createQuery("SELECT current_schema()").mapTo(String.class).one();
    // the schema's sequences, but for those owned by a table the reset keeps (oauth_certificate's
    // id: putting it back would hand out an id a kept row already has)
    List<String> names =
        h.createQuery(
                """
                SELECT c.relname FROM pg_class c
                WHERE c.relkind = 'S' AND c.relnamespace = CAST(current_schema() AS regnamespace)
                  AND NOT EXISTS (
                    SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                    WHERE d.classid = CAST('pg_class' AS regclass) AND d.objid = c.oid
                      AND d.refclassid = CAST('pg_class' AS regclass) AND d.deptype IN ('a', 'i')
                      AND t.relname <> ALL(:tables))
                ORDER BY c.relname""")
            .bindArray("tables", String.class, tables.toArray())
            .mapTo(String.class)
            .list();
    String[] qualified = new String[names.size()];
    long[] v = new long[names.size()];
    boolean[] c = new boolean[names.size()];
    for (int i = 0; i < qualified.length; i++) {
      qualified[i] = quote(schema) + "." + quote(names.get(i));
      int k = i;
      h.createQuery("SELECT last_value, is_called FROM " + qualified[i])
          .map(
              (rs, ctx) -> {
                v[k] = rs.getLong(1);
                c[k] = rs.getBoolean(2);
                return 1;
              })
          .one();
    }
    ResetTemplate t =
        new ResetTemplate(restored, restores, rows, qualified, v, c, loadStart, loadEnd, true);
    for (int i = 0; i < restored.size(); i++) {
      h.execute("CREATE TABLE IF NOT EXISTS " + t.copy(i) + " AS TABLE " + quote(restored.get(i)));
    }
    t.dropOtherCopies(h);
    return t;
  }

  /**
   * Drops the schema's copies of earlier captures (a forced full reset, every restart over the same
   * database): each capture's rows hash to new names, so they would pile up. A process still
   * putting them back makes its own again ({@link #copiesLost}).
   */
  private void dropOtherCopies(Handle h) {
    List<String> others =
        h.createQuery(
                """
                SELECT relname FROM pg_class
                WHERE relkind = 'r' AND relnamespace = CAST(current_schema() AS regnamespace)
                  AND starts_with(relname, :prefix) AND NOT starts_with(relname, :mine)""")
            .bind("prefix", COPY_PREFIX)
            .bind("mine", COPY_PREFIX + key + "_")
            .mapTo(String.class)
            .list();
    for (String table : others) {
      h.execute("DROP TABLE IF EXISTS " + quote(table));
    }
  }

  /**
   * The copies are gone (another process sharing the database captured its own and dropped them):
   * the next {@link #putBack} makes them again from the captured rows.
   */
  public void copiesLost() {
    copied = false;
  }

  /**
   * This template for another org with the same startup fixtures, over a schema migrated the same
   * way: every occurrence of each {@code replacements} key in the rows (the source org's ids, names
   * and usernames) becomes its value, and the sequences are those of {@code schema}. A full reset
   * of that org would load the same rows: record ids come from the schema's sequences, and the
   * org's identity enters only as these values.
   *
   * @param replacements source value to this org's value; no key may contain another
   */
  public ResetTemplate forOrg(String schema, java.util.Map<String, String> replacements) {
    List<String> moved = new ArrayList<>(rows.size());
    for (String json : rows) {
      String r = json;
      for (var e : replacements.entrySet()) {
        r = r.replace(e.getKey(), e.getValue());
      }
      moved.add(r);
    }
    String[] qualified = new String[sequences.length];
    for (int i = 0; i < qualified.length; i++) {
      qualified[i] = quote(schema) + sequences[i].substring(sequences[i].indexOf("\".") + 1);
    }
    return new ResetTemplate(
        restored,
        restores,
        moved,
        qualified,
        values,
        called,
        loadStart.toInstant(),
        loadEnd.toInstant(),
        false);
  }

  /** {@code INSERT INTO t (cols) SELECT cols FROM }, timestamps moved; the source follows. */
  private static String restoreSql(Handle h, String table) {
    List<String> columns = new ArrayList<>();
    List<String> selects = new ArrayList<>();
    h.createQuery(
            """
            SELECT a.attname, a.atttypid = CAST('timestamptz' AS regtype)
            FROM pg_attribute a
            WHERE a.attrelid = CAST(:table AS regclass) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            ORDER BY a.attnum""")
        .bind("table", quote(table))
        .map(
            (rs, ctx) -> {
              String col = quote(rs.getString(1));
              columns.add(col);
              selects.add(
                  rs.getBoolean(2)
                      ? "CASE WHEN r."
                          + col
                          + " BETWEEN :loadStart AND :loadEnd THEN :now ELSE r."
                          + col
                          + " END"
                      : "r." + col);
              return 1;
            })
        .list();
    return "INSERT INTO "
        + quote(table)
        + " ("
        + String.join(", ", columns)
        + ") SELECT "
        + String.join(", ", selects)
        + " FROM ";
  }

  /**
   * Deletes every row of {@code tables} (cheaper than {@code TRUNCATE}, which makes new files for
   * every table and index; tables referencing others come first) and puts the captured rows and
   * sequence values back, timestamps of the load moved to {@code now}: one multi-statement sent in
   * one round trip (the driver sends every part before reading any answer), where a statement per
   * table cost a round trip each. Row triggers that fill a row from others (an end user's
   * IsFullyOptedIn, a session's channel and end-user fields) do not run: the rows were captured
   * with what they filled. A template moved to another org ({@link #forOrg}) makes its copies the
   * first time.
   *
   * @return the org's clock as stored, read first in the same round trip (the reset puts it back to
   *     real time: {@link dev.sfsim.simulator.clock.SimClock#reset(SimClock.State)})
   */
  public SimClock.State putBack(Handle h, List<String> tables, Instant now) {
    boolean fill = !copied;
    StringBuilder sql = new StringBuilder(ClockRepository.SELECT).append(";\n");
    // the rows are what the fill triggers made of them when captured: they stand aside (V45)
    sql.append("SET LOCAL sfsim.restoring = on;\n");
    for (String t : tables) {
      sql.append("DELETE FROM ").append(quote(t)).append(";\n");
    }
    for (int i = 0; i < restores.size(); i++) {
      if (fill) {
        String table = quote(restored.get(i));
        sql.append("CREATE TABLE IF NOT EXISTS ")
            .append(copy(i))
            .append(" AS TABLE ")
            .append(table)
            .append(" WITH NO DATA;\nDELETE FROM ")
            .append(copy(i))
            .append(";\nINSERT INTO ")
            .append(copy(i))
            .append(" SELECT * FROM json_populate_recordset(NULL::")
            .append(table)
            .append(", CAST(:rows")
            .append(i)
            .append(" AS json));\n");
      }
      sql.append(restores.get(i)).append(copy(i)).append(" r;\n");
    }
    if (sequences.length > 0) {
      sql.append(
          "SELECT count(setval(CAST(s AS regclass), v, c)) FROM unnest(:s, :v, :c) AS x(s, v, c)");
    }
    try (Update u = h.createUpdate(sql.toString())) {
      if (fill) {
        for (int i = 0; i < rows.size(); i++) {
          u.bind("rows" + i, rows.get(i));
        }
        h.afterCommit(() -> copied = true);
      }
      if (restores.stream().anyMatch(r -> r.contains(":now"))) {
        u.bind("loadStart", loadStart)
            .bind("loadEnd", loadEnd)
            .bind("now", now.atOffset(ZoneOffset.UTC));
      }
      if (sequences.length > 0) {
        Long[] v = new Long[values.length];
        Boolean[] c = new Boolean[called.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = values[i];
          c[i] = called[i];
        }
        u.bindArray("s", String.class, (Object[]) sequences)
            .bindArray("v", Long.class, (Object[]) v)
            .bindArray("c", Boolean.class, (Object[]) c);
      }
      return u.execute(
          (statement, ctx) -> {
            try (ResultSet rs = statement.get().getResultSet()) {
              return ClockRepository.first(rs);
            }
          });
    }
  }

  /**
   * Rows are put back parents first: a foreign key, and the triggers that fill a row from its
   * channel or end user (V1, V6), need the rows they read already there.
   */
  private static final List<String> PARENTS_FIRST =
      List.of(
          "organization",
          "users",
          "messaging_channel",
          "account",
          "contact",
          "messaging_end_user",
          "messaging_session",
          "conv_message_send_request");

  private static int restoreRank(String table) {
    int i = PARENTS_FIRST.indexOf(table);
    return i < 0 ? PARENTS_FIRST.size() : i;
  }

  /** The copy of the {@code i}th restored table's rows. */
  private String copy(int i) {
    return quote(COPY_PREFIX + key + "_" + i);
  }

  private static String hash(List<String> restores, List<String> rows) {
    try {
      java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
      for (String part : restores) {
        d.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      for (String part : rows) {
        d.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(d.digest(), 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quote(String identifier) {
    if (!identifier.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Bad identifier: " + identifier);
    }
    return '"' + identifier + '"';
  }
}
