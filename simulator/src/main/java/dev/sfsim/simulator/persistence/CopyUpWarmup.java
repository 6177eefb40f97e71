package dev.sfsim.simulator.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Opens for writing, on a few daemon threads while PostgreSQL starts, the files of a prepared data
 * directory its first logins open. In a container whose image holds the directory, the first open
 * for writing of a file copies it out of the image's read-only layer (overlayfs "copy-up", with an
 * fsync of its own: 2-25 ms a file on a virtual disk), and PostgreSQL opens every relation file it
 * reads for writing: the first logins after a start copied about 60 catalog files one after the
 * other. Done here, the copies overlap the JVM's and PostgreSQL's own start. Nothing is written: a
 * file opened and closed keeps its content and times. Elsewhere (a directory on a volume, outside a
 * container) each open costs microseconds.
 */
final class CopyUpWarmup {
  /**
   * Shared catalogs a login reads and their indexes: pg_authid, pg_database, pg_db_role_setting,
   * pg_tablespace, pg_auth_members, pg_shseclabel, pg_parameter_acl (their OIDs, also their file
   * names in a cluster nobody ran VACUUM FULL on; a name that is not there is skipped).
   */
  private static final int[] SHARED = {
    1213, 1260, 1262, 2671, 2672, 2676, 2677, 2697, 2964, 2965, 6100
  };

  /**
   * A database's catalogs and indexes a backend's first connection builds its relation cache from
   * (pg_type, pg_attribute, pg_proc, pg_class, pg_am, pg_amop, pg_amproc, pg_attrdef, pg_cast,
   * pg_constraint, pg_index, pg_language, pg_namespace, pg_opclass, pg_operator, pg_rewrite,
   * pg_statistic, pg_trigger, and their indexes): the files a start of the image copied up before
   * its first answer, by observation of the container's writable layer.
   */
  private static final int[] PER_DATABASE = {
    1247, 1249, 1255, 1259, 2601, 2602, 2603, 2604, 2605, 2606, 2610, 2612, 2615, 2616, 2617, 2618,
    2619, 2620, 2653, 2654, 2655, 2656, 2659, 2661, 2662, 2663, 2665, 2678, 2679, 2681, 2684, 2685,
    2686, 2687, 2688, 2689, 2690, 2693, 2696, 2701, 2703, 2838, 2839, 3085, 3379, 3456
  };

  /**
   * Files of a database's catalogs the first reset opens: pg_depend, pg_sequence, pg_aggregate, the
   * toast of pg_statistic, further indexes of pg_class, pg_type, pg_attribute, pg_proc, pg_depend
   * and pg_description, free-space and visibility maps (it makes its copy tables): by observation,
   * as {@link #PER_DATABASE}.
   */
  private static final List<String> FIRST_RESET_CATALOGS =
      List.of(
          ("827 2224 2600 2608 2650 2658 2673 2674 2675 2680 2691 2704 2840 2841 3395 3455 3467 3597"
                  + " 5002 6102 1247_fsm 1249_fsm 1259_fsm 1259_vm 2608_fsm 2610_fsm 2615_vm")
              .split(" "));

  /** The shared catalogs the first reset opens: pg_shdepend, its indexes, and one more index. */
  private static final int[] FIRST_RESET_SHARED = {1214, 1232, 1233, 2695};

  /** Copy-ups in flight at once: the disk's journal commits concurrent fsyncs together. */
  private static final int THREADS = 4;

  /** First OID of objects made after initdb: the simulator's own database. */
  private static final int FIRST_NORMAL_OID = 16384;

  /** Phase two's files wait for {@link #started()}, at most this long, then go anyway. */
  private static final long LATER_WAIT_SECONDS = 30;

  private final CountDownLatch started = new CountDownLatch(1);

  private CopyUpWarmup() {}

  /**
   * Starts opening the files of {@code data} the start needs ({@link #files}) and returns at once;
   * the files the simulator's first calls open ({@link #laterFiles}) follow once {@link #started()}
   * is called: opened during the start, their copy-ups queued in front of the start's own (the disk
   * commits them in order), which made the start slower.
   */
  static CopyUpWarmup start(Path data) {
    CopyUpWarmup warmup = new CopyUpWarmup();
    List<Path> files = files(data);
    // Listed by the first thread to get there once the start is done: listing and sorting a few
    // hundred names is ~40 ms of a cold JVM's CPU, which the start's critical path paid before.
    java.util.function.Supplier<List<Path>> later = memoized(() -> laterFiles(data));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger nextLater = new AtomicInteger();
    for (int i = 0; i < THREADS; i++) {
      Thread t =
          new Thread(
              () -> {
                touchAll(files, next);
                try {
                  warmup.started.await(LATER_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  return;
                }
                touchAll(later.get(), nextLater);
              },
              "sfsim-copy-up-" + i);
      t.setDaemon(true);
      t.start();
    }
    return warmup;
  }

  /** {@code list}'s result, computed once by the first caller; the others wait for it. */
  private static java.util.function.Supplier<List<Path>> memoized(
      java.util.function.Supplier<List<Path>> list) {
    return new java.util.function.Supplier<>() {
      private @Nullable List<Path> value;

      @Override
      public synchronized List<Path> get() {
        List<Path> v = value;
        if (v == null) {
          v = list.get();
          value = v;
        }
        return v;
      }
    };
  }

  /** The simulator answered its first call: the later files may go now. */
  void started() {
    started.countDown();
  }

  private static void touchAll(List<Path> files, AtomicInteger next) {
    for (int n = next.getAndIncrement(); n < files.size(); n = next.getAndIncrement()) {
      touch(files.get(n));
    }
  }

  /**
   * The control file and the WAL segment in use first, then the shared catalogs (every login reads
   * them), then each user database's catalogs.
   */
  static List<Path> files(Path data) {
    List<Path> files = new ArrayList<>();
    files.add(data.resolve("global/pg_control"));
    firstWalSegment(data).ifPresent(files::add);
    for (int oid : SHARED) {
      files.add(data.resolve("global/" + oid));
    }
    List<Path> databases = userDatabases(data);
    for (Path database : databases) {
      for (int oid : PER_DATABASE) {
        files.add(database.resolve(Integer.toString(oid)));
      }
    }
    return files;
  }

  /**
   * What the simulator's first calls open: every table and index of the user databases (the clock's
   * row, the dispatcher's first ticks, the first reset's every table), then the catalogs the first
   * reset writes when it makes its copy tables.
   */
  static List<Path> laterFiles(Path data) {
    List<Path> files = new ArrayList<>();
    List<Path> databases = userDatabases(data);
    for (Path database : databases) {
      files.addAll(userRelations(database));
      for (String name : FIRST_RESET_CATALOGS) {
        files.add(database.resolve(name));
      }
    }
    for (int oid : FIRST_RESET_SHARED) {
      files.add(data.resolve("global/" + oid));
    }
    return files;
  }

  private static List<Path> userDatabases(Path data) {
    try (Stream<Path> databases = Files.list(data.resolve("base"))) {
      return databases.filter(CopyUpWarmup::madeAfterInitdb).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of(); // no base directory: nothing more to open
    }
  }

  /** The main fork of every relation made after initdb, in creation order. */
  private static List<Path> userRelations(Path database) {
    try (Stream<Path> files = Files.list(database)) {
      return files
          .filter(CopyUpWarmup::madeAfterInitdb)
          .sorted(Comparator.comparingLong(f -> Long.parseLong(f.getFileName().toString())))
          .toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * The WAL segment the start's first write (the role's new password) goes on in: the lowest one. A
   * clean stop's checkpoint removes or recycles (renames to later numbers) every segment before the
   * one holding it.
   */
  private static java.util.Optional<Path> firstWalSegment(Path data) {
    try (Stream<Path> wal = Files.list(data.resolve("pg_wal"))) {
      return wal.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}"))
          .min(Comparator.comparing(f -> f.getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** A user database's directory, or a relation's main fork in it. */
  private static boolean madeAfterInitdb(Path file) {
    String name = file.getFileName().toString();
    if (name.length() < 5 || name.length() > 9) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false; // a fork (_fsm, _vm), a temporary file
      }
    }
    return Integer.parseInt(name) >= FIRST_NORMAL_OID;
  }

  /** Opens a file for writing (never creating it) and closes it. */
  static void touch(Path file) {
    try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.WRITE)) {
      // the open is the point
    } catch (IOException | RuntimeException e) {
      // missing (another PostgreSQL version's catalogs) or unwritable: PostgreSQL opens it anyway
    }
  }
}
