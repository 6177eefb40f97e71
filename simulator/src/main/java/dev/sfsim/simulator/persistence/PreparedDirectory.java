package dev.sfsim.simulator.persistence;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL directory kept between runs ({@code SFSIM_EMBEDDED_DIR}; the image
 * prepares it at build time), and the two start-up costs it lets the next start skip:
 *
 * <ul>
 *   <li>zonky names the unpacked binaries after the MD5 of the platform's archive, so it inflates
 *       and hashes that 10 MB archive at every start (about half a second). Once unpacked, {@code
 *       bin/binaries.id} holds the directory's name and the resolver hands zonky those few bytes
 *       instead; {@code bin/PG-<their MD5>} is a symbolic link to the unpacked binaries.
 *   <li>Flyway's validation (most of a second on a cold JVM): {@code migrated} records which jar
 *       migrated the data directory; the same jar skips Flyway.
 *   <li>The reset at start (half a second cold): {@code pristine} says the data is exactly what a
 *       reset would produce (written when the image is prepared, removed by the first start).
 *   <li>The superuser's session that sets the simulator role's password (a login and two catalog
 *       writes, 50-70 ms of a container's start): {@code role-password} (0600, as the superuser's)
 *       keeps the password the role was given, and later starts log in with it.
 * </ul>
 */
final class PreparedDirectory {
  private final Path directory;

  PreparedDirectory(Path directory) {
    this.directory = directory;
  }

  Path binaries() {
    return directory.resolve("bin");
  }

  Path data() {
    return directory.resolve("data");
  }

  /**
   * Clears what a killed run leaves in the data directory: a {@code postmaster.pid} naming a
   * process that is gone, or that is no PostgreSQL (a container restart hands out the same low
   * process ids again, and PostgreSQL would refuse to start on a lock naming a live process). A
   * PostgreSQL still shutting down (the watchdog of a killed simulator stops it) gets up to 10 s;
   * one that keeps running is another server on this directory, and PostgreSQL refuses it.
   */
  void reclaimStaleLock() throws IOException {
    Path lock = data().resolve("postmaster.pid");
    if (!Files.isRegularFile(lock)) {
      return;
    }
    long pid;
    try (Stream<String> lines = Files.lines(lock)) {
      pid = Long.parseLong(lines.findFirst().orElse("").trim());
    } catch (NumberFormatException e) {
      Files.deleteIfExists(lock);
      return;
    }
    Optional<ProcessHandle> holder =
        ProcessHandle.of(pid)
            .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    if (holder.isPresent()) {
      try {
        holder.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        // gone
      }
    }
    Files.deleteIfExists(lock);
  }

  /**
   * The superuser's password file (0600), written when the data directory is made (initdb reads
   * it).
   */
  Path superuserPasswordFile() {
    return directory.resolve("superuser-password");
  }

  /**
   * The superuser's password: read from its file, or drawn and written when the data directory is
   * still to be made. A data directory without the file was made by an earlier version with
   * password-free access: it is remade.
   */
  String superuserPassword() throws IOException {
    Path file = superuserPasswordFile();
    if (Files.isRegularFile(file) && Files.isDirectory(data())) {
      return Files.readString(file).trim();
    }
    if (Files.isDirectory(data())) {
      try (Stream<Path> files = Files.walk(data())) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      Files.deleteIfExists(directory.resolve("migrated"));
      Files.deleteIfExists(directory.resolve("pristine"));
    }
    Files.deleteIfExists(rolePasswordFile());
    Files.createDirectories(directory);
    String password = EmbeddedCredentials.randomPassword();
    EmbeddedCredentials.privateFile(file, password);
    return password;
  }

  private Path rolePasswordFile() {
    return directory.resolve("role-password");
  }

  /**
   * The password {@link EmbeddedCredentials#ROLE} was given in this data directory, when a start
   * kept it ({@link #keepRolePassword}); empty when none did or the file cannot be read.
   */
  Optional<String> rolePassword() {
    try {
      return Files.isRegularFile(rolePasswordFile())
          ? Optional.of(Files.readString(rolePasswordFile()).trim())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Keeps the role's new password in a file readable by this OS user only (0600). */
  void keepRolePassword(String password) throws IOException {
    EmbeddedCredentials.privateFile(rolePasswordFile(), password);
  }

  PgBinaryResolver resolver() {
    Path id = binaries().resolve("binaries.id");
    return (system, architecture) ->
        Files.isRegularFile(id)
            ? new ByteArrayInputStream(Files.readAllBytes(id))
            : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
  }

  /**
   * After a start with the real archive: records the unpacked directory so later starts skip the
   * hashing.
   */
  void rememberBinaries() throws IOException {
    Path id = binaries().resolve("binaries.id");
    if (Files.isRegularFile(id)) {
      return;
    }
    Optional<Path> unpacked;
    try (Stream<Path> dirs = Files.list(binaries())) {
      unpacked =
          dirs.filter(p -> p.getFileName().toString().startsWith("PG-") && Files.isDirectory(p))
              .findFirst();
    }
    if (unpacked.isEmpty()) {
      return;
    }
    byte[] name = unpacked.get().getFileName().toString().getBytes(StandardCharsets.UTF_8);
    Files.createSymbolicLink(binaries().resolve("PG-" + md5(name)), unpacked.get().getFileName());
    Files.write(id, name);
  }

  /**
   * The unpacked binaries and an initialized data directory, when both are there: {@link
   * PreparedServer} starts on them without zonky; empty on the first start (zonky unpacks, runs
   * initdb). The directory is the one {@code binaries.id} names, which zonky reaches through the
   * {@code PG-<md5 of the name>} link {@link #rememberBinaries} made: read by name, a start hashes
   * nothing (the first digest of a cold JVM loads the security providers, 20-40 ms on the start's
   * critical path).
   */
  Optional<Path> startableBinaries() throws IOException {
    Path id = binaries().resolve("binaries.id");
    if (!Files.isRegularFile(id) || !Files.isRegularFile(data().resolve("postgresql.conf"))) {
      return Optional.empty();
    }
    String name = new String(Files.readAllBytes(id), StandardCharsets.UTF_8);
    if (!name.startsWith("PG-") || name.contains("/") || name.contains("..")) {
      return Optional.empty(); // not a name rememberBinaries wrote: zonky's start decides
    }
    return PreparedServer.binaries(binaries().resolve(name));
  }

  /** Where {@link PreparedServer} writes the server's output (rewritten at each start). */
  Path serverLog() {
    return directory.resolve("postgres.log");
  }

  boolean migratedByThisJar() {
    Path marker = directory.resolve("migrated");
    try {
      return Files.isRegularFile(marker) && Files.readString(marker).equals(jarFingerprint());
    } catch (IOException e) {
      return false;
    }
  }

  void rememberMigrated() throws IOException {
    Files.writeString(directory.resolve("migrated"), jarFingerprint());
  }

  /**
   * Whether the data directory holds exactly the state a reset with this fingerprint (org identity,
   * startup fixtures) would produce. The marker is removed either way: once the server runs, the
   * data may change.
   */
  boolean claimPristine(String fingerprint) {
    Path marker = directory.resolve("pristine");
    try {
      boolean pristine =
          Files.isRegularFile(marker)
              && Files.readString(marker).equals(fingerprint + " " + jarFingerprint());
      Files.deleteIfExists(marker);
      return pristine;
    } catch (IOException e) {
      return false;
    }
  }

  void markPristine(String fingerprint) throws IOException {
    Files.writeString(directory.resolve("pristine"), fingerprint + " " + jarFingerprint());
  }

  /** Path, size and modification time of the jar (or classes directory) the simulator runs from. */
  private static String jarFingerprint() {
    try {
      File code =
          new File(
              PreparedDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getAbsolutePath() + " " + code.length() + " " + code.lastModified();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
