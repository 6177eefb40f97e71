package dev.sfsim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.simulator.messaging.LatencyProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SFSIM_* environment variables: documented defaults, parsing, and errors naming the variable. */
class SimulatorConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    SimulatorConfig c = SimulatorConfig.fromEnvironment(Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.databaseUrl()).isNull();
    assertThat(c.clientId()).isEqualTo("sfsim-client-id");
    assertThat(c.clientSecret()).isEqualTo("sfsim-client-secret");
    assertThat(c.username()).isEqualTo("admin@sfsim.example");
    assertThat(c.password()).isEqualTo("sfsim-password");
    assertThat(c.fixtureDirs()).isEmpty();
    assertThat(c.latency()).isEqualTo(LatencyProfile.REALISTIC);
    assertThat(c.sessionTimeout()).isEqualTo(Duration.ofHours(2));
    assertThat(c.customFields()).isNull();
  }

  @Test
  void readsEveryVariable() {
    SimulatorConfig c =
        SimulatorConfig.fromEnvironment(
            Map.of(
                "SFSIM_PORT",
                "9090",
                "SFSIM_DATABASE_URL",
                "jdbc:postgresql://db/x",
                "SFSIM_FIXTURES",
                "/a:/b",
                "SFSIM_LATENCY_PROFILE",
                "Instant",
                "SFSIM_SESSION_TIMEOUT",
                "PT5M",
                "SFSIM_USERNAME",
                "u@x",
                "SFSIM_CUSTOM_FIELDS",
                "/etc/sfsim/fields.json"));
    assertThat(c.port()).isEqualTo(9090);
    assertThat(c.databaseUrl()).isEqualTo("jdbc:postgresql://db/x");
    assertThat(c.fixtureDirs()).isEqualTo(List.of(Path.of("/a"), Path.of("/b")));
    assertThat(c.latency()).isEqualTo(LatencyProfile.INSTANT);
    assertThat(c.sessionTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.username()).isEqualTo("u@x");
    assertThat(c.customFields()).isEqualTo("/etc/sfsim/fields.json");
    assertThat(c.withCustomFields("{\"fields\": []}").customFields()).isEqualTo("{\"fields\": []}");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> SimulatorConfig.fromEnvironment(Map.of("SFSIM_PORT", "eighty")))
        .hasMessageContaining("SFSIM_PORT");
    assertThatThrownBy(
            () -> SimulatorConfig.fromEnvironment(Map.of("SFSIM_LATENCY_PROFILE", "warp")))
        .hasMessageContaining("SFSIM_LATENCY_PROFILE");
    assertThatThrownBy(
            () -> SimulatorConfig.fromEnvironment(Map.of("SFSIM_SESSION_TIMEOUT", "2 hours")))
        .hasMessageContaining("SFSIM_SESSION_TIMEOUT");
  }
}
