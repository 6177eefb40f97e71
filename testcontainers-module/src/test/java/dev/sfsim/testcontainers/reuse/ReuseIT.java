package dev.sfsim.testcontainers.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.sfsim.testcontainers.LatencyProfile;
import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import dev.sfsim.testcontainers.junit.SalesforceSimulator;
import dev.sfsim.testcontainers.junit.SalesforceSimulatorTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Testcontainers' reuse mode: a second {@code start()} of an equal definition, in this JVM and in a
 * new one, attaches to the same container, and {@code @SalesforceSimulatorTest} resets what the run
 * before left there. Runs in its own failsafe execution with {@code
 * TESTCONTAINERS_REUSE_ENABLE=true} (the other ITs must not leave containers behind); removes the
 * container at the end.
 */
@EnabledIfDockerAvailable
class ReuseIT {
  static final String FIXTURE_A = "fixtures/channel.json";
  static final String FIXTURE_B = "fixtures/component.json";
  static final String END_USER =
      """
            {"records": [{"attributes": {"type": "MessagingEndUser", "referenceId": "alice"}, "Name": "Alice",
              "MessagingChannelId": "%s", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550101",
              "MessagingConsentStatus": "ImplicitlyOptedIn"}]}""";

  private static String containerId;

  /**
   * What {@code @SalesforceSimulatorTest(fixtures = {FIXTURE_A, FIXTURE_B}, latencyProfile =
   * "instant")} starts.
   */
  static SalesforceSimulatorContainer definition() {
    return new SalesforceSimulatorContainer(
            System.getProperty("sfsim.image", "sfsim/simulator:latest"))
        .withLatencyProfile(LatencyProfile.INSTANT)
        .withReuse(true)
        .withFixtures(FIXTURE_A)
        .withFixtures(FIXTURE_B);
  }

  @AfterAll
  static void removeTheContainer() {
    if (containerId != null) {
      DockerClientFactory.instance()
          .client()
          .removeContainerCmd(containerId)
          .withForce(true)
          .withRemoveVolumes(true)
          .exec();
    }
  }

  @Test
  void anEqualDefinitionAttachesToTheSameContainerAndTheExtensionResetsIt() throws Exception {
    assertThat(TestcontainersConfiguration.getInstance().environmentSupportsReuse())
        .as("TESTCONTAINERS_REUSE_ENABLE=true (failsafe execution reuse-it)")
        .isTrue();
    SalesforceSimulatorContainer first = definition();
    first.start();
    containerId = first.getContainerId();
    String channel = first.getAdminClient().session().queryId("SELECT Id FROM MessagingChannel");
    first.getAdminClient().loadFixtures(END_USER.formatted(channel));

    SalesforceSimulatorContainer second = definition();
    second.start();
    assertThat(second.getContainerId()).isEqualTo(containerId);
    assertThat(second.wasReused()).isTrue();
    assertThat(second.getInstanceUrl()).isEqualTo(first.getInstanceUrl());
    assertThat(second.getAdminClient().session().query("SELECT Id FROM MessagingEndUser"))
        .as("the data is still there")
        .hasSize(1);

    assertThat(probeInAnotherJvm()).isEqualTo("PROBE " + containerId + " true");

    ExtensionRun.instanceUrl = null;
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ExtensionRun.class))
                .build(),
            summary);
    StringWriter failures = new StringWriter();
    summary.getSummary().printFailuresTo(new PrintWriter(failures), 20);
    assertThat(summary.getSummary().getTestsSucceededCount()).as(failures.toString()).isEqualTo(1);
    assertThat(ExtensionRun.instanceUrl)
        .as("the extension attached to the same container")
        .isEqualTo(first.getInstanceUrl());
    assertThat(
            DockerClientFactory.instance()
                .client()
                .inspectContainerCmd(containerId)
                .exec()
                .getState()
                .getRunning())
        .as("left running for the next run")
        .isTrue();
  }

  /**
   * Starts {@link ReuseProbe} in a new JVM (this JVM's classpath and environment); returns its
   * PROBE line.
   */
  private static String probeInAnotherJvm() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dsfsim.image=" + System.getProperty("sfsim.image", "sfsim/simulator:latest"),
                ReuseProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().filter(l -> l.startsWith("PROBE ")).findFirst().orElse(out);
  }

  /**
   * Run through the JUnit launcher by the test above, after it left an end user in the reused
   * container. With {@code resetBeforeEach = false}, only the extension's reset on attaching can
   * make the org clean.
   */
  @SalesforceSimulatorTest(
      fixtures = {FIXTURE_A, FIXTURE_B},
      latencyProfile = LatencyProfile.INSTANT,
      resetBeforeEach = false)
  static class ExtensionRun {
    static volatile String instanceUrl;

    @Test
    void seesACleanOrg(SalesforceSimulator sfsim) {
      assertThat(sfsim.session().query("SELECT Id FROM MessagingEndUser")).isEmpty();
      assertThat(sfsim.session().query("SELECT Id FROM MessagingChannel")).hasSize(1);
      instanceUrl = sfsim.getInstanceUrl();
    }
  }
}
