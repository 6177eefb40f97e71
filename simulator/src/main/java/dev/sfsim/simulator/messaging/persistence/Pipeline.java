package dev.sfsim.simulator.messaging.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Writes of one transaction held back and sent to PostgreSQL together, as one multi-statement JDBC
 * statement (the driver sends every part before waiting: one round trip), in the order they were
 * added. Whoever reads what they wrote sends them first ({@link #flush} or with the read, {@link
 * #flushThenCount}, {@link #flushThenQuery}), so reads see them exactly as if each had run at once.
 * Each part's {@code :name} parameters become positional ones, bound from its own values.
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
      run(h, all, PreparedStatement::getUpdateCount);
    }
  }

  /** Sends the held writes and then {@code last}; returns the rows {@code last} changed. */
  int flushThenCount(Handle h, Part last) {
    List<Part> all = take();
    all.add(last);
    return run(h, all, ps -> atLast(ps, all.size()).getUpdateCount());
  }

  /** Sends the held writes and then the query {@code last}; returns what {@code rows} reads. */
  <T> T flushThenQuery(Handle h, Part last, Rows<T> rows) {
    List<Part> all = take();
    all.add(last);
    return run(
        h,
        all,
        ps -> {
          try (ResultSet rs = atLast(ps, all.size()).getResultSet()) {
            if (rs == null) {
              throw new IllegalStateException("the pipeline's last part returned no rows");
            }
            return rows.read(rs);
          }
        });
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
    return run(
        h,
        all,
        statement -> {
          PreparedStatement ps = atLast(statement, writes + 1);
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

  /** {@code ps} moved to the result of the last of its {@code parts} statements. */
  private static PreparedStatement atLast(PreparedStatement ps, int parts) throws SQLException {
    for (int i = 1; i < parts; i++) {
      ps.getMoreResults();
    }
    return ps;
  }

  /** Runs {@code part} at once (nothing held). */
  static int run(Handle h, Part part) {
    return run(h, List.of(part), PreparedStatement::getUpdateCount);
  }

  /** What to do with the executed statement. */
  private interface Executed<T> {
    T with(PreparedStatement ps) throws SQLException;
  }

  /**
   * Runs {@code all} as one statement on the handle's connection, bound by position: plain JDBC, as
   * Jdbi binds (Instant as Timestamp, arrays by {@code createArrayOf}), without its per-statement
   * machinery, which cost more of the dispatcher's CPU than the binding itself.
   */
  private static <T> T run(Handle h, List<Part> all, Executed<T> then) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < all.size(); i++) {
      sql.append(i == 0 ? "" : ";\n").append(Positional.of(all.get(i).sql()).sql());
    }
    try {
      Connection c = h.getConnection();
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int index = 0;
        for (Part part : all) {
          Positional p = Positional.of(part.sql());
          Map<String, Object> values = new HashMap<>();
          part.binds().accept(new Values(c, values));
          for (String name : p.names()) {
            set(ps, ++index, name, values);
          }
        }
        ps.execute();
        return then.with(ps);
      }
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e.getMessage(), e, null);
    }
  }

  /** Binds one parameter the way Jdbi binds a value of its type. */
  private static void set(PreparedStatement ps, int i, String name, Map<String, Object> values)
      throws SQLException {
    if (!values.containsKey(name)) {
      throw new IllegalStateException("no value bound for :" + name);
    }
    Object v = values.get(name);
    if (v == null || v == NULL) {
      ps.setNull(i, Types.VARCHAR);
    } else if (v instanceof String s) {
      ps.setString(i, s);
    } else if (v instanceof Instant t) {
      ps.setTimestamp(i, Timestamp.from(t));
    } else if (v instanceof Integer n) {
      ps.setInt(i, n);
    } else if (v instanceof Long n) {
      ps.setLong(i, n);
    } else if (v instanceof Boolean b) {
      ps.setBoolean(i, b);
    } else if (v instanceof Array a) {
      ps.setArray(i, a);
    } else {
      ps.setObject(i, v);
    }
  }

  /** Stands for a bound null in the values' map. */
  private static final Object NULL = new Object();

  /** A part's values by name; arrays made once however often their name occurs. */
  private static final class Values implements Binder {
    private final Connection c;
    private final Map<String, Object> values;

    Values(Connection c, Map<String, Object> values) {
      this.c = c;
      this.values = values;
    }

    @Override
    public Binder array(String name, Class<?> type, Object[] array) {
      try {
        values.put(name, c.createArrayOf(arrayType(type), array));
      } catch (SQLException e) {
        throw new UnableToExecuteStatementException(e.getMessage(), e, null);
      }
      return this;
    }

    @Override
    public Binder value(String name, @org.jspecify.annotations.Nullable Object value) {
      values.put(name, value == null ? NULL : value);
      return this;
    }
  }

  /** The element type Jdbi names for an array of {@code type}. */
  private static String arrayType(Class<?> type) {
    if (type == String.class) {
      return "varchar";
    } else if (type == Integer.class) {
      return "integer";
    } else if (type == Boolean.class) {
      return "boolean";
    } else if (type == Long.class) {
      return "bigint";
    }
    throw new IllegalArgumentException("no array type for " + type);
  }

  /** A part's SQL with {@code ?} for its named parameters, and their names in order. */
  private record Positional(String sql, List<String> names) {
    private static final Map<String, Positional> CACHE = new ConcurrentHashMap<>();

    static Positional of(String named) {
      Positional p = CACHE.get(named);
      if (p == null) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(named);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          names.add(m.group(1));
          m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        p = new Positional(out.toString(), List.copyOf(names));
        if (CACHE.size() < 1000) { // the parts' SQL is fixed text: a handful of entries
          CACHE.put(named, p);
        }
      }
      return p;
    }
  }

  private List<Part> take() {
    List<Part> all = new ArrayList<>(parts);
    parts.clear();
    return all;
  }
}
