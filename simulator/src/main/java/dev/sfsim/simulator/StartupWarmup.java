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

  /**
   * Starts, on a daemon thread, the class set-up the other start threads need later and that no
   * class cache holds (static initializers run in every JVM), so that it runs on the core they
   * leave idle rather than on the main thread, the start's critical path: first what the database
   * thread's first login needs (the SCRAM exchange's HMAC and digest, whose lookup loads the
   * security providers listed before SunJCE, SunEC's curve table among them: about 40 ms), then
   * Jetty's {@code MimeTypes}, which lists every available locale when it is initialized (about 30
   * ms of the server's start). A class another thread reaches first is initialized by that thread
   * (the other waits for it), so nothing runs twice and nothing changes but where the work runs.
   */
  static void beforeServer() {
    Thread t =
        new Thread(
            () -> {
              try {
                javax.crypto.Mac.getInstance("HmacSHA256");
                java.security.MessageDigest.getInstance("SHA-256");
              } catch (java.security.NoSuchAlgorithmException e) {
                // the login pays for it, or fails with its own message
              }
              try {
                Class.forName(
                    "org.eclipse.jetty.http.MimeTypes", true, StartupWarmup.class.getClassLoader());
              } catch (ClassNotFoundException e) {
                // the server's start pays for it
              }
            },
            "sfsim-start-warm-up");
    t.setDaemon(true);
    t.start();
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
