package dev.sfsim.simulator.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, probed every {@link #INTERVAL_MILLIS} ms over a connection of its
 * own (opened like the pool's, outside it, with short timeouts: a starved or dead pool would make
 * the probe wait as long as the calls do). {@code /__admin/health} reports it, and while it is down
 * every other call answers 503 at once instead of waiting for the pool's connection timeout. A
 * database that comes back (an external one restarted) is seen on the next probe.
 */
public final class DatabaseHealth implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

  /** Between probes; a dead database is noticed within about this long. */
  static final long INTERVAL_MILLIS = 500;

  private static final int TIMEOUT_SECONDS = 2;

  private final HikariDataSource pool;
  private final ScheduledExecutorService probes;
  private volatile boolean up = true;
  private @Nullable Connection probe;

  DatabaseHealth(HikariDataSource pool) {
    this.pool = pool;
    this.probes =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sfsim-db-health");
              t.setDaemon(true);
              return t;
            });
    probes.scheduleWithFixedDelay(
        this::check, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The last probe's verdict (true before the first). */
  public boolean up() {
    return up;
  }

  private void check() {
    boolean ok;
    try {
      if (probe == null || probe.isClosed()) {
        probe = connect(pool, "sfsim-health", TIMEOUT_SECONDS);
      }
      ok = probe.isValid(TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      closeProbe();
    }
    if (ok != up) {
      if (ok) {
        LOG.info("The database answers again");
      } else {
        LOG.error("The database does not answer: every call answers 503 until it does");
      }
    }
    up = ok;
  }

  /**
   * A connection outside the pool, opened as the pool opens its own.
   *
   * @param timeoutSeconds connect and socket timeout; 0 for none on the socket (a listener waits on
   *     it)
   */
  static Connection connect(HikariConfig pool, String applicationName, int timeoutSeconds)
      throws SQLException {
    if (pool.getJdbcUrl() == null && pool.getDataSource() != null) {
      return pool.getDataSource().getConnection();
    } // a pool over a DataSource
    Properties p = new Properties();
    p.putAll(pool.getDataSourceProperties());
    if (pool.getUsername() != null) {
      p.setProperty("user", pool.getUsername());
    }
    if (pool.getPassword() != null) {
      p.setProperty("password", pool.getPassword());
    }
    p.setProperty("connectTimeout", Integer.toString(Math.max(timeoutSeconds, TIMEOUT_SECONDS)));
    p.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
    p.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(pool.getJdbcUrl(), p);
  }

  private void closeProbe() {
    if (probe == null) {
      return;
    }
    try {
      probe.close();
    } catch (SQLException ignored) {
      // a broken connection: nothing left to release
    }
    probe = null;
  }

  @Override
  public void close() {
    probes.shutdownNow();
    try {
      probes.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeProbe();
  }
}
