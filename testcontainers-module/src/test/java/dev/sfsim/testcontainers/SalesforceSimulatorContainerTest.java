package dev.sfsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** What the container options check before anything starts; needs no Docker. */
class SalesforceSimulatorContainerTest {

  @Test
  void refusesAnImageThatIsNotTheSimulator() {
    assertThatThrownBy(() -> new SalesforceSimulatorContainer("postgres:17"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acceptsADeclaredCompatibleSubstitute() {
    DockerImageName mirrored =
        DockerImageName.parse("registry.example.com/tools/sfsim:1.0")
            .asCompatibleSubstituteFor("sfsim/simulator");

    assertThatNoException().isThrownBy(() -> new SalesforceSimulatorContainer(mirrored).close());
  }

  @Test
  void defaultsToTheImageCredentials() {
    try (var sfsim = new SalesforceSimulatorContainer("sfsim/simulator:test")) {
      assertThat(sfsim.getClientId()).isEqualTo("sfsim-client-id");
      assertThat(sfsim.getClientSecret()).isEqualTo("sfsim-client-secret");
      assertThat(sfsim.getUsername()).isEqualTo("admin@sfsim.example");
      assertThat(sfsim.getPassword()).isEqualTo("sfsim-password");
    }
  }

  @Test
  void withCredentialsSetsTheEnvironmentAndTheGetters() {
    try (var sfsim =
        new SalesforceSimulatorContainer("sfsim/simulator:test")
            .withCredentials("id", "secret", "me@example.com", "pw")) {
      assertThat(sfsim.getEnvMap())
          .containsEntry("SFSIM_CLIENT_ID", "id")
          .containsEntry("SFSIM_CLIENT_SECRET", "secret")
          .containsEntry("SFSIM_USERNAME", "me@example.com")
          .containsEntry("SFSIM_PASSWORD", "pw");
      assertThat(sfsim.getUsername()).isEqualTo("me@example.com");
    }
  }

  @Test
  void numbersFixtureFilesInCallOrder() {
    try (var sfsim =
        new SalesforceSimulatorContainer("sfsim/simulator:test")
            .withFixtures("fixtures/component.json")
            .withFixtures("fixtures/channel.json")) {
      assertThat(sfsim.getCopyToFileContainerPathMap().values())
          .containsExactlyInAnyOrder("/fixtures/001-component.json", "/fixtures/002-channel.json");
    }
  }

  @Test
  void refusesFixturesThatAreNotJsonFiles() {
    try (var sfsim = new SalesforceSimulatorContainer("sfsim/simulator:test")) {
      assertThatThrownBy(() -> sfsim.withFixtures(Path.of("does-not-exist.json")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not found");
      assertThatThrownBy(() -> sfsim.withFixtures("fixtures/does-not-exist.json"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> sfsim.withFixtures(Path.of("pom.xml")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(".json");
    }
  }

  @Test
  void recordsTheMessagingAndAdminOptions() {
    try (var sfsim =
        new SalesforceSimulatorContainer("sfsim/simulator:test")
            .withConversationEntries(ConversationEntries.IMMEDIATE)
            .withAdminToken("s3cret")
            .withApiVersion("62.0")) {
      assertThat(sfsim.getEnvMap())
          .containsEntry("SFSIM_CONVERSATION_ENTRIES", "immediate")
          .containsEntry("SFSIM_ADMIN_TOKEN", "s3cret");
      assertThat(sfsim.getAdminToken()).isEqualTo("s3cret");
      assertThat(sfsim.getApiVersion()).isEqualTo("62.0");
      assertThatThrownBy(() -> sfsim.withApiVersion("v62"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("60.0");
    }
  }

  @Test
  void acceptsAFixturesBodyAsAJsonString() {
    try (var sfsim =
        new SalesforceSimulatorContainer("sfsim/simulator:test")
            .withFixtures("fixtures/channel.json")
            .withFixtures("{\"records\": []}")) {
      assertThat(sfsim.getCopyToFileContainerPathMap().values())
          .containsExactly("/fixtures/001-channel.json");
    }
  }

  @Test
  void passesCustomFieldsAsJsonOrAsACopiedFile() {
    String json =
        "{\"fields\": [{\"object\": \"Contact\", \"fullName\": \"Tier__c\", \"type\": \"Picklist\", \"values\": [\"A\"]}]}";
    try (var inline =
            new SalesforceSimulatorContainer("sfsim/simulator:test").withCustomFields(json);
        var file =
            new SalesforceSimulatorContainer("sfsim/simulator:test")
                .withCustomFields("fixtures/channel.json")) {
      assertThat(inline.getEnvMap()).containsEntry("SFSIM_CUSTOM_FIELDS", json);
      assertThat(file.getEnvMap())
          .containsEntry("SFSIM_CUSTOM_FIELDS", "/tmp/sfsim-custom-fields.json");
      assertThat(file.getCopyToFileContainerPathMap().values())
          .containsExactly("/tmp/sfsim-custom-fields.json");
    }
  }
}
