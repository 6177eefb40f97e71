package dev.sfsim.simulator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * CPU time, in milliseconds, of this JVM and of the PostgreSQL server behind a data source: its
 * postmaster, the processes it started that still run (backends, background workers) and those it
 * reaped, read from Linux's {@code /proc/<pid>/stat} (clock ticks of 10 ms). A snapshot minus an
 * earlier one gives what a run cost both sides whatever else the machine was running, which a rate
 * does not. Zero off Linux or for a server on another machine.
 */
record ServerCpu(long jvmMs, long postgresMs) {
  private static final long TICK_MS = 10;

  /** Both sides now; {@code postgres} is found as the parent of a pooled connection's backend. */
  static ServerCpu snapshot(DataSource postgres) throws SQLException {
    long jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1_000_000;
    long backend;
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      backend = rs.getLong(1);
    }
    String[] b = stat(Path.of("/proc", Long.toString(backend)));
    return new ServerCpu(jvm, b == null ? 0 : postgresTicks(Long.parseLong(b[1])) * TICK_MS);
  }

  /** This minus {@code before}. */
  ServerCpu since(ServerCpu before) {
    return new ServerCpu(jvmMs - before.jvmMs, postgresMs - before.postgresMs);
  }

  private static long postgresTicks(long postmaster) {
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path p : processes.toList()) {
        String[] f =
            p.getFileName().toString().chars().allMatch(Character::isDigit) ? stat(p) : null;
        if (f == null) {
          continue;
        }
        long pid = Long.parseLong(p.getFileName().toString());
        if (pid == postmaster) { // its own time and its reaped children's
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } else if (Long.parseLong(f[1]) == postmaster) {
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks;
  }

  /** The fields of {@code /proc/<pid>/stat} after the command name (state first), or null. */
  private static String @org.jspecify.annotations.Nullable [] stat(Path process) {
    try {
      String s = Files.readString(process.resolve("stat"));
      return s.substring(s.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null; // ended while listed, or not a process
    }
  }
}
