package dev.sfsim.simulator.persistence;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears clock changes made by any process sharing the database ({@code NOTIFY sfsim_clock,
 * '<schema>'}, sent by {@link ClockRepository}) on a connection of its own, and has the schema's
 * clock re-read its row. After a lost connection it reconnects and re-reads every clock, as
 * notifications sent meanwhile are gone.
 */
final class ClockListener implements AutoCloseable {
  static final String CHANNEL = "sfsim_clock";
  private static final Logger LOG = LoggerFactory.getLogger(ClockListener.class);
  private static final int WAIT_MILLIS = 500;

  private final HikariConfig pool;
  private final Map<String, Runnable> refreshers = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  /** The connection the thread waits on: closing aborts it, so no wait outlasts the close. */
  private volatile @Nullable Connection current;

  /**
   * Listens before it returns (a simulator that says it is ready hears every later change), then in
   * its own thread.
   */
  ClockListener(HikariConfig pool) {
    this.pool = pool;
    Connection first = null;
    try {
      first = listening();
    } catch (SQLException e) {
      LOG.warn("Clock listener cannot listen yet ({}); retrying", e.toString());
    }
    Connection initial = first;
    this.thread = new Thread(() -> listen(initial), "sfsim-clock-listener");
    thread.setDaemon(true);
    thread.start();
  }

  void register(String schema, Runnable refresh) {
    refreshers.put(schema, refresh);
  }

  void forget(String schema) {
    refreshers.remove(schema);
  }

  private Connection listening() throws SQLException {
    Connection c = DatabaseHealth.connect(pool, "sfsim-clock-listener", 0);
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private void listen(@Nullable Connection initial) {
    boolean reconnected = initial == null;
    Connection next = initial;
    while (!closed) {
      try (Connection c = next != null ? next : listening()) {
        next = null;
        current = c;
        if (closed) {
          return; // closed while connecting: close saw no connection to abort
        }
        if (reconnected) {
          refreshers.values().forEach(ClockListener::run);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
          if (notes == null) {
            continue;
          }
          for (PGNotification n : notes) {
            Runnable r = refreshers.get(n.getParameter());
            if (r != null) {
              run(r);
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.debug("Clock listener lost its connection ({}); reconnecting", e.toString());
        reconnected = true;
        try {
          Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private static void run(Runnable refresh) {
    try {
      refresh.run();
    } catch (RuntimeException e) {
      LOG.warn("Cannot re-read a clock: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    // a socket read does not heed an interrupt: without the abort a close waited out the thread's
    // poll (up to WAIT_MILLIS), at the end of every in-process test class
    Connection c = current;
    if (c != null) {
      try {
        c.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        LOG.debug(
            "Clock listener's connection did not abort ({}); waiting for its poll", e.toString());
      }
    }
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
