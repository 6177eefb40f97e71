package dev.sfsim.simulator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web console end to end in Debian's headless Chromium, driven by {@code playwright-core}
 * (pinned in this package's {@code package.json} / {@code package-lock.json}, installed with {@code
 * npm ci} into {@code target/console-e2e}): {@code console-e2e.mjs} sends through the REST action
 * and watches the request and the thread update without a reload, replies as the end user with the
 * keyboard, is refused bad input with the admin API's error, freezes and advances the clock to see
 * the 48-hour session end, reads the journal, and takes screenshots at 1280×800 and 390×844 into
 * {@code target/console-screenshots}; {@code console-login-e2e.mjs} checks that a simulator with
 * {@code SFSIM_ADMIN_TOKEN} makes the page ask for the token. Skipped when {@code
 * /usr/bin/chromium} is absent, unless {@code SFSIM_REQUIRE_BROWSER=1} (CI installs it).
 */
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String RESOURCES = "/dev/sfsim/simulator/console/";
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "console-e2e.mjs", "console-login-e2e.mjs");

  private static final Path SHOTS = Path.of("target", "console-screenshots").toAbsolutePath();

  private static Path browserReady() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present && "1".equals(System.getenv("SFSIM_REQUIRE_BROWSER"))) {
      throw new AssertionError(
          "SFSIM_REQUIRE_BROWSER=1 but " + CHROMIUM + " is missing (apt-get install -y chromium)");
    }
    assumeTrue(present, "no " + CHROMIUM + ": the browser test is skipped");
    Files.createDirectories(SHOTS);
    return install();
  }

  /**
   * Runs a script of the installed package with the given environment; returns its output,
   * asserting exit code 0.
   */
  private static String node(Path dir, String script, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("node", script).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("OUT_DIR", SHOTS.toString());
    pb.environment().put("CHROMIUM", CHROMIUM.toString());
    Process run = pb.start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
    System.out.print(out);
    assertThat(run.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void withAnAdminTokenThePageAsksForIt() throws Exception {
    Path dir = browserReady();
    try (Simulator sim =
        Simulator.start(SimulatorConfig.defaults().withPort(0).withAdminToken("console-s3cret"))) {
      node(
          dir,
          "console-login-e2e.mjs",
          Map.of("BASE_URL", sim.baseUrl(), "ADMIN_TOKEN", "console-s3cret"));
    }
    assertThat(SHOTS.resolve("console-login.png")).isNotEmptyFile();
  }

  @Test
  void theConsoleShowsTheOrgLiveAndActsOnIt() throws Exception {
    Path dir = browserReady();
    Path shots = SHOTS;

    TestSimulator.reset();
    String alice =
        TestSimulator.seed(Fixtures.MESSAGING)
            .getString("results.find { it.referenceId == 'alice' }.id");
    node(
        dir,
        "console-e2e.mjs",
        Map.of(
            "BASE_URL",
            TestSimulator.baseUrl(),
            "ACCESS_TOKEN",
            TestSimulator.token(),
            "ALICE_ID",
            alice));
    for (String name :
        List.of(
            "console-requests",
            "console-conversations",
            "console-world",
            "console-journal",
            "console-phone-conversations",
            "console-phone-requests")) {
      assertThat(shots.resolve(name + ".png")).isNotEmptyFile();
    }
  }

  /**
   * Copies the script and the pinned package files into target/console-e2e and runs {@code npm ci}
   * when the lock changed.
   */
  private static Path install() throws IOException, InterruptedException {
    Path dir = Path.of("target", "console-e2e").toAbsolutePath();
    Files.createDirectories(dir);
    for (String f : FILES) {
      try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream(RESOURCES + f)) {
        if (in == null) {
          throw new IllegalStateException("missing test resource " + RESOURCES + f);
        }
        Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path marker = dir.resolve("node_modules/.sfsim-installed-lock.json");
    String lock = Files.readString(dir.resolve("package-lock.json"));
    if (!Files.exists(marker) || !Files.readString(marker).equals(lock)) {
      // --ignore-scripts: playwright-core needs none (it never downloads a browser here: Debian's
      // is used)
      Process npm =
          new ProcessBuilder(
                  "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm ci failed:\n" + out);
      }
      Files.writeString(marker, lock);
    }
    return dir;
  }
}
