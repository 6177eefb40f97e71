package dev.sfsim.simulator.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one page of a row query over plain JDBC: the hot path of {@code GET /query}, where a Jdbi
 * handle and statement cost more CPU than PostgreSQL's own work for a selective query (handle and
 * config copies, argument-factory lookups, statement context). Values are bound exactly as Jdbi
 * binds them ({@code setString}, {@code setBoolean}, {@code setBigDecimal}, {@code setLong}, {@code
 * setInt}; {@code LocalDate} and {@code OffsetDateTime} through {@code setObject} with {@code DATE}
 * and {@code TIMESTAMP_WITH_TIMEZONE}), so the rows are the same; a statement with any other value
 * (or a null) is left to the Jdbi path ({@link #binds}). SQL failures surface as {@link
 * QueryFailure} with the {@link SQLException} as cause, which the error renderer maps by SQLState.
 */
final class DirectPage {
  private DirectPage() {}

  /** A failure of the page's statement; its cause is the driver's or the pool's SQLException. */
  static final class QueryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QueryFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Whether every value is of a type this class binds as Jdbi would. */
  static boolean binds(List<Object> values) {
    for (Object v : values) {
      if (!(v instanceof String
          || v instanceof Boolean
          || v instanceof BigDecimal
          || v instanceof Long
          || v instanceof Integer
          || v instanceof LocalDate
          || v instanceof OffsetDateTime)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs {@code pageSql} with {@code values} then {@code limit} and {@code offset}, each row shaped
   * by {@code mapper}.
   */
  static List<Map<String, Object>> read(
      Connection connection,
      String pageSql,
      List<Object> values,
      long limit,
      long offset,
      RecordMapper mapper) {
    try (PreparedStatement statement = connection.prepareStatement(pageSql)) {
      int i = 1;
      for (Object v : values) {
        bind(statement, i++, v);
      }
      statement.setInt(i++, Math.toIntExact(limit));
      statement.setLong(i, offset);
      List<Map<String, Object>> records = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          records.add(mapper.map(rs));
        }
      }
      return records;
    } catch (SQLException e) {
      throw new QueryFailure(e);
    }
  }

  private static void bind(PreparedStatement statement, int index, Object v) throws SQLException {
    if (v instanceof String s) {
      statement.setString(index, s);
    } else if (v instanceof Boolean b) {
      statement.setBoolean(index, b);
    } else if (v instanceof BigDecimal d) {
      statement.setBigDecimal(index, d);
    } else if (v instanceof Long l) {
      statement.setLong(index, l);
    } else if (v instanceof Integer n) {
      statement.setInt(index, n);
    } else if (v instanceof LocalDate d) {
      statement.setObject(index, d, Types.DATE);
    } else {
      statement.setObject(index, v, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }
}
