package dev.sfsim.simulator.messaging.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes of one transaction held back and sent to PostgreSQL together, as one multi-statement JDBC
 * statement (the driver sends every part before waiting: one round trip), in the order they were
 * added. Whoever reads what they wrote sends them first ({@link #flush} or with the read, {@link
 * #flushThenCount}, {@link #flushThenQuery}), so reads see them exactly as if each had run at once.
 * Each part's {@code :name} parameters are renamed apart ({@code :p0_name}...).
 */
final class Pipeline {
  /** A named parameter, not a {@code ::} cast. */
  private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

  /** Binds a part's parameters by their names as written in its SQL. */
  interface Binder {
    Binder array(String name, Class<?> type, Object[] values);

    Binder value(String name, @org.jspecify.annotations.Nullable Object value);
  }

  /** One statement: SQL with {@code :name} parameters, and what binds them. */
  record Part(String sql, Consumer<Binder> binds) {}

  /** Reads a query's rows from its result set. */
  interface Rows<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final List<Part> parts = new ArrayList<>();

  void add(Part part) {
    parts.add(part);
  }

  /** Sends the held writes, if any. */
  void flush(Handle h) {
    if (!parts.isEmpty()) {
      List<Part> all = take();
      try (Update u = update(h, all)) {
        u.execute();
      }
    }
  }

  /** Sends the held writes and then {@code last}; returns the rows {@code last} changed. */
  int flushThenCount(Handle h, Part last) {
    List<Part> all = take();
    all.add(last);
    try (Update u = update(h, all)) {
      return u.execute((statement, ctx) -> atLast(statement.get(), all.size()).getUpdateCount());
    }
  }

  /** Sends the held writes and then the query {@code last}; returns what {@code rows} reads. */
  <T> T flushThenQuery(Handle h, Part last, Rows<T> rows) {
    List<Part> all = take();
    all.add(last);
    try (Update u = update(h, all)) {
      return u.execute(
          (statement, ctx) -> {
            try (ResultSet rs = atLast(statement.get(), all.size()).getResultSet()) {
              if (rs == null) {
                throw new IllegalStateException("the pipeline's last part returned no rows");
              }
              return rows.read(rs);
            }
          });
    }
  }

  /** The results of several queries, in order. */
  interface Results {
    /** The next query's rows (the one before is closed). */
    ResultSet next() throws SQLException;
  }

  /** Reads several queries' rows. */
  interface Reads<T> {
    T read(Results results) throws SQLException;
  }

  /** Sends the held writes and then {@code queries}, all in one round trip. */
  <T> T flushThenQueries(Handle h, List<Part> queries, Reads<T> reads) {
    List<Part> all = take();
    int writes = all.size();
    all.addAll(queries);
    try (Update u = update(h, all)) {
      return u.execute(
          (statement, ctx) -> {
            PreparedStatement ps = atLast(statement.get(), writes + 1);
            boolean[] first = {true};
            return reads.read(
                () -> {
                  if (!first[0]) {
                    ps.getMoreResults();
                  }
                  first[0] = false;
                  ResultSet rs = ps.getResultSet();
                  if (rs == null) {
                    throw new IllegalStateException("a pipeline's query returned no rows");
                  }
                  return rs;
                });
          });
    }
  }

  /** {@code ps} moved to the result of the last of its {@code parts} statements. */
  private static PreparedStatement atLast(PreparedStatement ps, int parts) throws SQLException {
    for (int i = 1; i < parts; i++) {
      ps.getMoreResults();
    }
    return ps;
  }

  /** Runs {@code part} at once (nothing held). */
  static int run(Handle h, Part part) {
    try (Update u = update(h, List.of(part))) {
      return u.execute();
    }
  }

  private List<Part> take() {
    List<Part> all = new ArrayList<>(parts);
    parts.clear();
    return all;
  }

  private static Update update(Handle h, List<Part> all) {
    if (all.size() == 1) {
      Update u = h.createUpdate(all.get(0).sql());
      all.get(0).binds().accept(binder(u, ""));
      return u;
    }
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < all.size(); i++) {
      Matcher m = PARAMETER.matcher(all.get(i).sql());
      sql.append(i == 0 ? "" : ";\n").append(m.replaceAll(":p" + i + "_$1"));
    }
    Update u = h.createUpdate(sql.toString());
    for (int i = 0; i < all.size(); i++) {
      all.get(i).binds().accept(binder(u, "p" + i + "_"));
    }
    return u;
  }

  private static Binder binder(SqlStatement<?> s, String prefix) {
    return new Binder() {
      @Override
      public Binder array(String name, Class<?> type, Object[] values) {
        s.bindArray(prefix + name, type, values);
        return this;
      }

      @Override
      public Binder value(String name, @org.jspecify.annotations.Nullable Object value) {
        s.bindByType(prefix + name, value, value == null ? String.class : value.getClass());
        return this;
      }
    };
  }
}
