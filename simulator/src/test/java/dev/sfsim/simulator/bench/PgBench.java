package dev.sfsim.simulator.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark's statement straight against PostgreSQL, the figure HTTP is compared with: {@code
 * pgbench} (a second process, prepared statements, same connection count, per-transaction log for
 * p50/p99) when found on the PATH or under {@code /usr/lib/postgresql/N/bin}; else JDBC threads in
 * this JVM (said so in the tool name).
 */
final class PgBench {
  private static final Pattern TPS =
      Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");

  private PgBench() {}

  static SoqlBenchmark.LoadResult run(EmbeddedPostgres pg, String sql, int connections, int seconds)
      throws Exception {
    Path pgbench = SoqlBenchmark.onPath("pgbench", postgresBinDirs());
    return pgbench != null
        ? pgbench(pgbench, pg.getPort(), sql, connections, seconds)
        : jdbc(pg, sql, connections, seconds);
  }

  private static String[] postgresBinDirs() {
    try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
      return dirs.sorted(java.util.Comparator.reverseOrder())
          .map(d -> d.resolve("bin").toString())
          .toArray(String[]::new);
    } catch (java.io.IOException e) {
      return new String[0];
    }
  }

  private static SoqlBenchmark.LoadResult pgbench(
      Path pgbench, int port, String sql, int connections, int seconds) throws Exception {
    Path dir = Files.createTempDirectory("sfsim-pgbench");
    Path script = Files.writeString(dir.resolve("query.sql"), sql + ";\n");
    List<String> base =
        List.of(
            pgbench.toString(),
            "-n",
            "-M",
            "prepared",
            "-h",
            "localhost",
            "-p",
            String.valueOf(port),
            "-U",
            "postgres",
            "-c",
            String.valueOf(connections),
            "-j",
            String.valueOf(Math.min(2, connections)),
            "-f",
            script.toString(),
            "postgres");
    run(concat(base, "-T", "3"), false, dir);
    String out =
        run(
            concat(base, "-T", String.valueOf(seconds), "-l", "--log-prefix=" + dir.resolve("tx")),
            true,
            dir);
    List<Long> micros = new ArrayList<>();
    try (Stream<Path> logs = Files.list(dir)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("tx")).toList()) {
        for (String line : Files.readAllLines(log)) {
          String[] cols = line.split(" ");
          if (cols.length > 2) {
            micros.add(Long.parseLong(cols[2]));
          }
        }
      }
    }
    Matcher tps = TPS.matcher(out);
    long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(p -> p.toFile().delete());
    }
    Files.deleteIfExists(dir);
    return new SoqlBenchmark.LoadResult(
        "pgbench -M prepared",
        tps.find() ? Double.parseDouble(tps.group(1)) : 0,
        pct(sorted, 0.50),
        pct(sorted, 0.90),
        pct(sorted, 0.99),
        0);
  }

  private static double pct(long[] sortedMicros, double q) {
    return sortedMicros.length == 0
        ? Double.NaN
        : sortedMicros[(int) Math.min(sortedMicros.length - 1, sortedMicros.length * q)] / 1000.0;
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(Arrays.asList(more));
    return all;
  }

  private static String run(List<String> command, boolean echo, Path dir) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
    Process p = pb.start();
    StringBuilder all = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      out.lines()
          .forEach(
              line -> {
                all.append(line).append('\n');
                if (echo) {
                  System.out.println("  " + line);
                }
              });
    }
    p.waitFor();
    return all.toString();
  }

  /** Fallback: JDBC threads in this JVM, one connection each. */
  private static SoqlBenchmark.LoadResult jdbc(
      EmbeddedPostgres pg, String sql, int connections, int seconds) throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<long[]> samples = new ArrayList<>();
    Thread[] workers = new Thread[connections];
    for (int t = 0; t < connections; t++) {
      long[] mine = new long[2_000_000];
      samples.add(mine);
      workers[t] =
          new Thread(
              () -> {
                try (Connection c = pg.getPostgresDatabase().getConnection();
                    PreparedStatement ps = c.prepareStatement(sql)) {
                  int n = 0;
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                      while (rs.next()) {
                        rs.getString(1);
                      }
                    }
                    if (n < mine.length) {
                      mine[n++] = (System.nanoTime() - t0) / 1000;
                    }
                    done.incrementAndGet();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long[] all =
        samples.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
    return new SoqlBenchmark.LoadResult(
        "JDBC threads in the benchmark JVM",
        done.get() / (double) seconds,
        pct(all, 0.5),
        pct(all, 0.9),
        pct(all, 0.99),
        0);
  }
}
