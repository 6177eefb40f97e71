package dev.sfsim.simulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets no one else in: every connection needs a password only this process
 * knows (or, for a kept directory, a file only its OS user can read), and the simulator's own role
 * is no superuser. Proved over the PostgreSQL wire, and — when the test runs as root and the system
 * has {@code nobody} and {@code psql} — by another local OS user trying to connect. The simulator
 * reaches its server through a Unix-domain socket in the data directory, which only its OS user can
 * open.
 */
class EmbeddedLockdownTest {
  private static final Path PSQL = Path.of("/usr/lib/postgresql/15/bin/psql");

  @Test
  void noPasswordNoEntryAndTheSimulatorsRoleIsNoSuperuser() throws Exception {
    try (Database db = Database.embedded()) {
      int port = db.embeddedPort();
      for (String user : List.of("postgres", "sfsim")) {
        assertThatThrownBy(
                () ->
                    DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/postgres", user, null)
                        .close())
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("password");
        assertThatThrownBy(
                () ->
                    DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/postgres", user, "guess")
                        .close())
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("password authentication failed");
      }
      Boolean superuser =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                          .mapTo(Boolean.class)
                          .one());
      assertThat(superuser).isFalse();
      assertOverUnixSocket(db);
      assertThatThrownBy(
              () -> db.jdbi().useHandle(h -> h.execute("COPY (SELECT 1) TO PROGRAM 'true'")))
          .hasRootCauseInstanceOf(SQLException.class)
          .rootCause()
          .hasMessageContaining("permission denied");
      anotherOsUserCannotConnect(port);
    }
  }

  @Test
  void aKeptDirectoryKeepsThePasswordPrivate(@TempDir Path dir) throws Exception {
    try (Database db = Database.embedded(dir)) {
      Integer one = db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
      assertThat(one).isEqualTo(1);
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("superuser-password"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
        .isEqualTo("rwx------");
    try (Database again = Database.embedded(dir)) { // a restart reads the same password
      assertThat(currentUser(again)).isEqualTo("sfsim");
      assertOverUnixSocket(again);
      Path socket = dir.resolve("data").resolve(".s.PGSQL." + again.embeddedPort());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void aKeptDirectoryKeepsTheRolesPasswordPrivateAndMendsOneTheRoleRefuses(@TempDir Path dir)
      throws Exception {
    try (Database db = Database.embedded(dir)) {
      assertThat(currentUser(db)).isEqualTo("sfsim");
    }
    Path file = dir.resolve("role-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String given = Files.readString(file);
    try (Database again = Database.embedded(dir)) { // logs in with it: no superuser session
      assertThat(currentUser(again)).isEqualTo("sfsim");
    }
    assertThat(Files.readString(file)).isEqualTo(given);
    Files.writeString(file, "0123456789abcdef"); // edited by hand: the role refuses it
    try (Database mended = Database.embedded(dir)) {
      assertThat(currentUser(mended)).isEqualTo("sfsim");
    }
    assertThat(Files.readString(file)).isNotIn(given, "0123456789abcdef").hasSize(given.length());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  private static String currentUser(Database db) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class).one());
  }

  /**
   * The pool's connections come through the socket in the data directory (no client address), not
   * loopback TCP.
   */
  private static void assertOverUnixSocket(Database db) {
    Boolean local =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("SELECT inet_client_addr() IS NULL").mapTo(Boolean.class).one());
    assertThat(local).isTrue();
  }

  /**
   * As root: {@code psql} run as {@code nobody} is refused (no password prompt can help it: {@code
   * -w}).
   */
  private static void anotherOsUserCannotConnect(int port) throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root || !Files.isExecutable(PSQL) || !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
      return;
    }
    Process p =
        new ProcessBuilder(
                "/usr/sbin/runuser",
                "-u",
                "nobody",
                "--",
                PSQL.toString(),
                "-w",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-c",
                "SELECT 1")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isNotZero();
    assertThat(out).contains("password");
  }
}
