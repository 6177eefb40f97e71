package dev.sfsim.simulator.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * The embedded PostgreSQL is locked down: {@code initdb} requires a password ({@code
 * scram-sha-256}) for every connection, local socket and TCP alike, and the superuser's password is
 * random and never leaves this process (or, for a directory kept between runs, a 0600 file beside
 * the 0700 data directory, readable only by the simulator's OS user). The simulator itself works as
 * {@link #ROLE}, a role without superuser rights (so not even a leaked session can {@code COPY ...
 * TO PROGRAM}), owner of the database {@link #DATABASE}, whose password is random too: drawn at
 * each start, or, for a directory kept between runs, when the directory is made and kept in a 0600
 * file beside the superuser's ({@code PreparedDirectory}), so that a start needs no superuser
 * session.
 */
final class EmbeddedCredentials {
  static final String SUPERUSER = "postgres";
  static final String ROLE = "sfsim";
  static final String DATABASE = "sfsim";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** SQLSTATE 3D000: the database named in the login does not exist. */
  private static final String INVALID_CATALOG_NAME = "3D000";

  private static final String ROLE_OPTIONS =
      " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '";

  /**
   * PBKDF2 iterations of the SCRAM verifiers PostgreSQL stores for {@link #SUPERUSER} and {@link
   * #ROLE} ({@code scram_iterations}, PostgreSQL 16+).
   */
  static final int SCRAM_ITERATIONS = 1;

  private EmbeddedCredentials() {}

  /**
   * Initializes what the first login runs (the JDBC driver's connection path, the SCRAM client, the
   * random source of passwords and nonces, the loopback address), done while the server starts: in
   * a cold JVM that login is otherwise the database thread's longest step.
   */
  static void warmUp() {
    randomPassword();
    try {
      java.net.InetAddress.getByName("localhost");
      ClassLoader loader = EmbeddedCredentials.class.getClassLoader();
      for (String name :
          List.of(
              "org.postgresql.Driver",
              "org.postgresql.core.PGStream",
              "org.postgresql.core.v3.ConnectionFactoryImpl",
              "org.postgresql.core.v3.QueryExecutorImpl",
              "org.postgresql.jdbc.PgConnection",
              "org.postgresql.jdbc.PgStatement",
              "org.postgresql.shaded.com.ongres.scram.client.ScramClient")) {
        Class.forName(name, true, loader);
      }
    } catch (ClassNotFoundException | java.net.UnknownHostException e) {
      // the login pays for it, or fails with its own message
    }
  }

  static String randomPassword() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Writes {@code text} to a new file readable by this OS user only. */
  static Path privateFile(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text);
    return file;
  }

  /**
   * As the superuser: makes (or updates) the simulator's role with a fresh password and its
   * database; the superuser's verifier is remade once with {@link #SCRAM_ITERATIONS} (initdb made
   * it with 4096), so later starts from a kept directory log in cheaply too.
   *
   * <p>The superuser logs in to {@link #DATABASE} when it exists (every start but a directory's
   * first), not to {@code postgres}: a first login to a database after a server start reads that
   * database's catalogs to rebuild its relation cache, and the pool's logins read {@link
   * #DATABASE}'s anyway. In a container each catalog file a server opens for the first time is
   * copied out of the image's layer (one fsync each): one database's catalogs instead of two halves
   * that cost.
   *
   * @return the role's password for this run
   */
  static String prepareRole(int port, String superuserPassword) throws SQLException {
    String password = randomPassword();
    try (Connection c = superuser(port, DATABASE, superuserPassword);
        Statement s = c.createStatement()) {
      // The role owns this database, so it exists: plain statements, no PL/pgSQL block (its
      // library and catalogs loaded for one statement). The superuser's own password set again
      // (the same one) is what remakes its verifier at SCRAM_ITERATIONS.
      s.execute(
          "SET scram_iterations = "
              + SCRAM_ITERATIONS
              + ";\nALTER ROLE "
              + SUPERUSER
              + " PASSWORD '"
              + superuserPassword
              + "';\nALTER ROLE "
              + ROLE
              + ROLE_OPTIONS
              + password
              + "'");
      return password;
    } catch (SQLException e) {
      if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
        throw e;
      }
    }
    try (Connection c = superuser(port, "postgres", superuserPassword);
        Statement s = c.createStatement()) {
      s.execute(roleSql(superuserPassword, password));
      s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
    }
    return password;
  }

  private static Connection superuser(int port, String database, String superuserPassword)
      throws SQLException {
    return DriverManager.getConnection(tcpUrl(port, database), SUPERUSER, superuserPassword);
  }

  /**
   * The embedded server's URL over TCP (loopback), without TLS: the server has none, and pgjdbc's
   * default ({@code sslmode=prefer}) asks for it first, one round trip more at every login.
   */
  static String tcpUrl(int port, String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database + "?sslmode=disable";
  }

  /**
   * One round trip: the superuser's verifier remade when it is not yet at {@link
   * #SCRAM_ITERATIONS}, the role made or updated with {@code password}. Both passwords are 192
   * random bits: PBKDF2 iterations (4096 by default), which slow the guessing of weak passwords
   * from a stolen verifier, protect nothing here, and cost every connection's client a few
   * milliseconds of CPU at start, when the JIT has not warmed up. The passwords are hex, safe to
   * inline (ALTER ROLE takes no bind parameters) and inside the dollar quotes.
   */
  private static String roleSql(String superuserPassword, String password) {
    return "SET scram_iterations = "
        + SCRAM_ITERATIONS
        + ";\nDO $$ BEGIN\n"
        + "  IF EXISTS (SELECT 1 FROM pg_authid WHERE rolname = '"
        + SUPERUSER
        + "' AND rolpassword NOT LIKE 'SCRAM-SHA-256$"
        + SCRAM_ITERATIONS
        + ":%') THEN\n"
        + "    ALTER ROLE "
        + SUPERUSER
        + " PASSWORD '"
        + superuserPassword
        + "';\n  END IF;\n"
        + "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
        + ROLE
        + "') THEN\n    ALTER ROLE "
        + ROLE
        + ROLE_OPTIONS
        + password
        + "';\n  ELSE\n    CREATE ROLE "
        + ROLE
        + ROLE_OPTIONS
        + password
        + "';\n  END IF;\nEND $$";
  }
}
