package dev.sfsim.testcontainers.junit;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.persistence.Database;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL an in-process simulator starts on: a copy of a data directory prepared
 * once per simulator jar (unpacked binaries, initdb, migrated schema) under {@code
 * <java.io.tmpdir>/sfsim-in-process/<jar hash>}, so a test class skips initdb and Flyway (about 2–3
 * s of a start on a 2-core machine; the copy takes a few hundred ms). The binaries are shared
 * through a symbolic link; the data directory is the class's own and is removed after close, in the
 * background (a copy a JVM's exit cut short is removed by the next start). Preparation is
 * serialised across JVMs by a file lock; caches of other jars older than a day are removed.
 */
final class PreparedDatabase {
  private static final String READY = "ready";
  private static final String COPY_PREFIX = "sfsim-db-";

  /** A copy being removed: renamed first, so no start can mistake it for a live one. */
  private static final String DISCARDED_SUFFIX = ".discarded";

  private PreparedDatabase() {}

  /**
   * A fresh directory for {@code SFSIM_EMBEDDED_DIR}, copied from the prepared one (prepared first
   * when missing: one start of the embedded database, initdb and migrations included).
   *
   * @throws UncheckedIOException when the temporary directory cannot be written
   */
  static Path copy() {
    try {
      Path prepared = prepared();
      inBackground(PreparedDatabase::sweepDiscarded);
      Path dir = Files.createTempDirectory(COPY_PREFIX);
      copyTree(prepared.resolve("data"), dir.resolve("data"));
      for (String file : List.of("superuser-password", "migrated")) {
        Files.copy(prepared.resolve(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
      }
      Files.createSymbolicLink(dir.resolve("bin"), prepared.resolve("bin"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot prepare the in-process database: " + e.getMessage(), e);
    }
  }

  /**
   * Removes a directory {@link #copy} made (the shared binaries stay) without waiting for it: the
   * removal takes 60 ms to seconds on a busy disk, which a class's close need not wait for. Renamed
   * at once, then deleted by a daemon thread; what a JVM's exit leaves is swept by the next copy.
   */
  static void discard(Path dir) {
    Path renamed = dir.resolveSibling(dir.getFileName() + DISCARDED_SUFFIX);
    try {
      Files.move(dir, renamed, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UnsupportedOperationException e) {
      delete(dir);
      return;
    }
    inBackground(() -> delete(renamed));
  }

  /** Removes a directory and everything in it; what cannot be removed stays. */
  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary directory is not worth failing a test run for (another JVM's sweep
      // may be removing the same one)
    }
  }

  /** Copies discarded by JVMs that exited before their removal finished. */
  private static void sweepDiscarded() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (DirectoryStream<Path> left =
        Files.newDirectoryStream(tmp, COPY_PREFIX + "*" + DISCARDED_SUFFIX)) {
      left.forEach(PreparedDatabase::delete);
    } catch (IOException | UncheckedIOException e) {
      // the next start tries again
    }
  }

  private static void inBackground(Runnable task) {
    Thread t = new Thread(task, "sfsim-database-removal");
    t.setDaemon(true);
    t.start();
  }

  // synchronized: a JVM holding the file lock twice throws OverlappingFileLockException
  private static synchronized Path prepared() throws IOException {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "sfsim-in-process");
    Files.createDirectories(root);
    Path dir = root.resolve(jarHash());
    try (FileChannel lockFile =
            FileChannel.open(
                root.resolve(dir.getFileName() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      if (!Files.isRegularFile(dir.resolve(READY))) {
        delete(dir);
        // the database alone, started once with the directory set: PostgreSQL unpacked, initdb,
        // the schema migrated, and a clean stop. No server, org or reset: the class's own start
        // seeds its org and loads its fixtures anyway (custom fields' columns are added at every
        // start).
        try (Database ignored = Database.embedded(dir)) {
          // started: nothing to do
        }
        Files.writeString(dir.resolve(READY), Instant.now().toString());
        removeStale(root, dir);
      }
    }
    return dir;
  }

  /** Caches of other jars, untouched for a day. */
  private static void removeStale(Path root, Path keep) throws IOException {
    Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.toList()) {
        Path ready = d.resolve(READY);
        if (!d.equals(keep)
            && Files.isRegularFile(ready)
            && Files.getLastModifiedTime(ready).toInstant().isBefore(dayAgo)) {
          delete(d);
          Files.deleteIfExists(root.resolve(d.getFileName() + ".lock"));
        }
      }
    }
  }

  /** The simulator's code (jar or classes directory): path, size and modification time, hashed. */
  private static String jarHash() {
    try {
      File code =
          new File(Simulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String id = code.getAbsolutePath() + " " + code.length() + " " + code.lastModified();
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.net.URISyntaxException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot locate the simulator's code: " + e.getMessage(), e);
    }
  }

  /** Copies a tree, permissions included (PostgreSQL refuses a data directory others can read). */
  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(d, to.resolve(from.relativize(d)), StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            Files.copy(f, to.resolve(from.relativize(f)), StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
