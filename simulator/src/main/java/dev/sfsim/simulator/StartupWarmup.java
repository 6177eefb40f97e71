package dev.sfsim.simulator;

import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The JVM-side set-up a start needs after PostgreSQL is up, done first while PostgreSQL starts: a
 * start is otherwise one thread waiting on PostgreSQL's processes, then one thread loading, linking
 * and initializing Jdbi's configuration and its Flight Recorder event (about 150 ms in a cold JVM).
 * The objects made here are dropped; the classes stay loaded and initialized for the real ones.
 * Nothing here opens a connection or a socket. (The HTTP server itself starts between the two
 * steps.)
 */
final class StartupWarmup {
  private StartupWarmup() {}

  /** What the database thread's first login needs: before anything else. */
  static void beforeServer() {
    // First, what the database thread's first login needs soon (PostgreSQL takes about 100 ms to
    // listen): the JDBC driver and the SCRAM exchange's HMAC and digest, whose providers load on
    // first use.
    try {
      Class.forName("org.postgresql.Driver", true, StartupWarmup.class.getClassLoader());
      javax.crypto.Mac.getInstance("HmacSHA256");
      java.security.MessageDigest.getInstance("SHA-256");
    } catch (ClassNotFoundException | java.security.NoSuchAlgorithmException e) {
      // the login pays for it, or fails with its own message
    }
  }

  /** Jdbi's classes, for the org built once the database is there. */
  static void afterServer() {
    // A Jdbi as Database builds them; its connection factory is never called.
    Jdbi.create(
            () -> {
              throw new SQLException("warm-up Jdbi: no connection");
            })
        .installPlugin(new PostgresPlugin())
        .installPlugin(new SqlObjectPlugin());
    // Jdbi registers its statement event with Flight Recorder at its first statement (about 50 ms
    // of CPU, 100 classes): done here instead, by name (an internal class; if a Jdbi release moves
    // it, the first statement does it again).
    try {
      Class.forName(
          "org.jdbi.v3.core.statement.internal.JfrSupport", true, Jdbi.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // nothing to warm
    }
  }
}
