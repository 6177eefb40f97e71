package dev.sfsim.simulator.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One org's view of the shared pool: every connection it hands out has its {@code search_path} set
 * to the org's schema ({@link Connection#setSchema}), so the same unqualified SQL reads and writes
 * that org's tables only. HikariCP puts the pool's schema back when the connection returns to the
 * pool, so the org of that schema (the default org) needs no {@code SET search_path} round trip per
 * connection.
 */
final class SchemaDataSource implements DataSource {
  private final DataSource pool;
  private final String schema;
  private final boolean poolSchema;

  /**
   * @param poolDefault the schema every pooled connection has when idle (HikariCP's {@code schema}
   *     setting)
   */
  SchemaDataSource(DataSource pool, String schema, String poolDefault) {
    this.pool = pool;
    this.schema = schema;
    this.poolSchema = schema.equals(poolDefault);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return withSchema(pool.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return withSchema(pool.getConnection(username, password));
  }

  private Connection withSchema(Connection c) throws SQLException {
    if (poolSchema) {
      return c;
    }
    try {
      c.setSchema(schema);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return pool.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return pool.isWrapperFor(iface);
  }
}
