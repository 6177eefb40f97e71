package dev.sfsim.simulator.persistence;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * One org's view of the shared pool: every connection it hands out has its {@code search_path} set to the org's
 * schema ({@link Connection#setSchema}), so the same unqualified SQL reads and writes that org's tables only.
 * HikariCP puts the pool's default schema back when the connection returns to the pool.
 */
final class SchemaDataSource implements DataSource {
    private final DataSource pool;
    private final String schema;

    SchemaDataSource(DataSource pool, String schema) {
        this.pool = pool;
        this.schema = schema;
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
