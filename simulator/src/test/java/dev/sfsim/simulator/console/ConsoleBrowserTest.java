package dev.sfsim.simulator.console;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.TestSimulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console end to end in Debian's headless Chromium, driven by {@code playwright-core} (pinned in this
 * package's {@code package.json} / {@code package-lock.json}, installed with {@code npm ci} into
 * {@code target/console-e2e}): {@code console-e2e.mjs} sends through the REST action and watches the request and the
 * thread update without a reload, replies as the end user with the keyboard, is refused bad input with the admin
 * API's error, freezes and advances the clock to see the 48-hour session end, reads the journal, and takes
 * screenshots at 1280×800 and 390×844 into {@code target/console-screenshots}. Skipped when
 * {@code /usr/bin/chromium} is absent, unless {@code SFSIM_REQUIRE_BROWSER=1} (CI installs it).
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String RESOURCES = "/dev/sfsim/simulator/console/";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "console-e2e.mjs");

    @Test
    void theConsoleShowsTheOrgLiveAndActsOnIt() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM);
        if (!present && "1".equals(System.getenv("SFSIM_REQUIRE_BROWSER"))) {
            throw new AssertionError("SFSIM_REQUIRE_BROWSER=1 but " + CHROMIUM + " is missing (apt-get install -y chromium)");
        }
        assumeTrue(present, "no " + CHROMIUM + ": the browser test is skipped");
        Path dir = install();
        Path shots = Path.of("target", "console-screenshots").toAbsolutePath();
        Files.createDirectories(shots);

        TestSimulator.reset();
        String alice = TestSimulator.seed(Fixtures.MESSAGING).getString("results.find { it.referenceId == 'alice' }.id");
        Map<String, String> env = Map.of("BASE_URL", TestSimulator.baseUrl(), "ACCESS_TOKEN", TestSimulator.token(),
                "ALICE_ID", alice, "OUT_DIR", shots.toString(), "CHROMIUM", CHROMIUM.toString());
        ProcessBuilder pb = new ProcessBuilder("node", "console-e2e.mjs").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process run = pb.start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.print(out);
        assertThat(run.exitValue()).as(out).isZero();
        for (String name : List.of("console-requests", "console-conversations", "console-world", "console-journal",
                "console-phone-conversations", "console-phone-requests")) {
            assertThat(shots.resolve(name + ".png")).isNotEmptyFile();
        }
    }

    /** Copies the script and the pinned package files into target/console-e2e and runs {@code npm ci} when the lock changed. */
    private static Path install() throws IOException, InterruptedException {
        Path dir = Path.of("target", "console-e2e").toAbsolutePath();
        Files.createDirectories(dir);
        for (String f : FILES) {
            try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream(RESOURCES + f)) {
                if (in == null) throw new IllegalStateException("missing test resource " + RESOURCES + f);
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path marker = dir.resolve("node_modules/.sfsim-installed-lock.json");
        String lock = Files.readString(dir.resolve("package-lock.json"));
        if (!Files.exists(marker) || !Files.readString(marker).equals(lock)) {
            // --ignore-scripts: playwright-core needs none (it never downloads a browser here: Debian's is used)
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) throw new IllegalStateException("npm ci failed:\n" + out);
            Files.writeString(marker, lock);
        }
        return dir;
    }
}
