package dev.sfsim.simulator.admin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad startup fixture stops the start with a message naming the file and the record; it never
 * starts half-seeded.
 */
class StartupFixturesTest {

  @Test
  void aBadRecordStopsTheStartNamingFileAndRecord(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("01-good.json"),
        """
                {"records": [{"attributes": {"type": "MessagingChannel", "referenceId": "sms"}, "MasterLabel": "SMS",
                  "DeveloperName": "SMS", "MessageType": "Text", "MessagingPlatformKey": "+1555"}]}""");
    Files.writeString(
        dir.resolve("02-bad.json"),
        """
                {"records": [{"attributes": {"type": "MessagingChannel", "referenceId": "broken"}, "MasterLabel": "X"}]}""");
    SimulatorConfig config = SimulatorConfig.defaults().withPort(0).withFixtureDirs(List.of(dir));
    assertThatThrownBy(() -> Simulator.start(config).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("02-bad.json")
        .hasMessageContaining("referenceId 'broken'")
        .hasMessageContaining("REQUIRED_FIELD_MISSING");
  }

  @Test
  void aFileThatIsNotJsonStopsTheStartBeforeTheDatabaseIsTouched(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("broken.json"), "{ nope");
    SimulatorConfig config = SimulatorConfig.defaults().withPort(0).withFixtureDirs(List.of(dir));
    assertThatThrownBy(() -> Simulator.start(config).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken.json")
        .hasMessageContaining("is not valid JSON");
  }

  @Test
  void aMissingDirectoryIsNamed(@TempDir Path dir) {
    SimulatorConfig config =
        SimulatorConfig.defaults().withPort(0).withFixtureDirs(List.of(dir.resolve("nowhere")));
    assertThatThrownBy(() -> Simulator.start(config).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nowhere")
        .hasMessageContaining("not a directory");
  }
}
