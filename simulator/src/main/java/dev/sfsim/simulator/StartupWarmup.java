package dev.sfsim.simulator;

import java.util.List;

/**
 * The class set-up a start needs that no class cache holds (static initializers and call-site links
 * run in every JVM), done on a daemon thread started first, so that it runs beside the main thread
 * (the start's critical path: build the server, start it, build the org) rather than on it. In
 * order of need: Javalin's {@code HandlerType} hashCode and equals, Jackson's mapper, the SCRAM
 * exchange's security providers (for the database thread's first login), Hikari's closed-connection
 * proxy, Jetty's {@code MimeTypes}, Jdbi's Flight Recorder event, the default org's classes with
 * costly static set-up, and Jdbi's SQL lexer. A class another thread reaches first is initialized
 * by that thread (the other waits for it), so no static initializer runs twice; a call site both
 * threads reach before it is linked may be linked by both (one link is kept). Nothing changes but
 * where the work runs. Nothing here opens a connection or a socket.
 */
final class StartupWarmup {
  /** Classes of an org's services whose static set-up is costly in a cold JVM (a few ms each). */
  private static final List<String> ORG_CLASSES =
      List.of(
          "dev.sfsim.simulator.messaging.persistence.ComponentRepository",
          "dev.sfsim.simulator.query.QueryRoutes",
          "dev.sfsim.simulator.auth.TokenService",
          "dev.sfsim.simulator.action.SendConversationMessagesService");

  private StartupWarmup() {}

  /** Starts the set-up on its own thread and returns at once. */
  static void start() {
    Thread t = new Thread(StartupWarmup::run, "sfsim-start-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    dev.sfsim.simulator.http.HttpServer.linkRouteKeys();
    // Jackson's mapper, which the server's configuration takes once the routes are registered
    // (its static set-up loads the time-zone database and the date-format symbols: ~40 ms).
    initialize("dev.sfsim.simulator.http.Json");
    // The SCRAM exchange's HMAC and digest: their lookup loads the security providers listed
    // before SunJCE, SunEC's curve table among them (~40 ms).
    try {
      javax.crypto.Mac.getInstance("HmacSHA256");
      java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      // the login pays for it, or fails with its own message
    }
    // Hikari's stand-in for a connection given back to the pool, a java.lang.reflect.Proxy made
    // when the pool's first connection goes back (~9 ms cold, on the database thread's path).
    initialize("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection");
    // Jetty's MIME types list every available locale when they are initialized (~30 ms).
    initialize("org.eclipse.jetty.http.MimeTypes");
    jdbiFlightRecorderEvent();
    ORG_CLASSES.forEach(StartupWarmup::initialize);
    jdbiSqlLexer();
  }

  /**
   * Jdbi's SQL lexer, which builds its state machine as it first reads (shared by every parser):
   * one statement of the simulator's shapes read here, before the default org's first statements
   * (~5 ms cold). Nothing is cached where the simulator's Jdbi would find it.
   */
  private static void jdbiSqlLexer() {
    try {
      new org.jdbi.v3.core.statement.ColonPrefixSqlParser()
          .parse("SELECT \"Name\", b::text FROM t WHERE a = :a AND c = 'x:y' -- :d\n", null);
    } catch (RuntimeException e) {
      // the first statement pays for it, or fails with its own message
    }
  }

  /** Loads and initializes a class by name; one that is missing is left to its first user. */
  private static void initialize(String name) {
    try {
      Class.forName(name, true, StartupWarmup.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // its first user pays for it, or fails with its own message
    }
  }

  /**
   * Jdbi's statement event, which Jdbi registers with Flight Recorder at its first statement when
   * the runtime has it (about 50 ms of CPU, 100 classes): done here instead, by name (an internal
   * class; if a Jdbi release moves it, the first statement does it again). Jdbi's configuration
   * itself is set up by the database thread, which builds its Jdbi before the org is built.
   */
  private static void jdbiFlightRecorderEvent() {
    initialize("org.jdbi.v3.core.statement.internal.JfrSupport");
  }
}
