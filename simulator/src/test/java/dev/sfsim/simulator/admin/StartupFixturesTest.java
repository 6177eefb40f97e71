package dev.sfsim.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.ids.SalesforceIds;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad startup fixture stops the start with a message naming the file and the record; it never
 * starts half-seeded. The fixtures take record numbers in file and body order, one each unless a
 * record brings its own Id, and the next record takes the number after them, after every reset.
 */
class StartupFixturesTest {

  @Test
  void recordsTakeNumbersInOrderAndOwnIdsTakeNone(@TempDir Path dir) throws IOException {
    String own1 = SalesforceIds.generate("0PA", 5000);
    String own2 = SalesforceIds.generate("0PA", 5001);
    String ownAccount = SalesforceIds.generate("001", 6000);
    Files.writeString(
        dir.resolve("01.json"),
        """
        {"records": [{"attributes": {"type": "MessagingChannel", "referenceId": "ch"}, "MasterLabel": "SMS",
          "DeveloperName": "SMS", "MessageType": "Text", "MessagingPlatformKey": "+1555"},
         {"attributes": {"type": "MessagingEndUser", "referenceId": "own1"}, "Id": "%s", "Name": "Own 1",
          "MessagingChannelId": "@{ch.id}", "MessageType": "Text", "MessagingPlatformKey": "+15550001"},
         {"attributes": {"type": "MessagingEndUser", "referenceId": "u"}, "Name": "U",
          "MessagingChannelId": "@{ch.id}", "MessageType": "Text", "MessagingPlatformKey": "+15550002"},
         {"attributes": {"type": "MessagingEndUser", "referenceId": "own2"}, "Id": "%s", "Name": "Own 2",
          "MessagingChannelId": "@{ch.id}", "MessageType": "Text", "MessagingPlatformKey": "+15550003"}]}"""
            .formatted(own1, own2));
    Files.writeString(
        dir.resolve("02.json"),
        """
        {"records": [{"attributes": {"type": "Account", "referenceId": "own"}, "Id": "%s", "Name": "Own"}]}"""
            .formatted(ownAccount));
    Files.writeString(
        dir.resolve("03.json"),
        """
        {"records": [{"attributes": {"type": "Account", "referenceId": "a"}, "Name": "A"},
         {"attributes": {"type": "Contact", "referenceId": "c"}, "LastName": "C", "AccountId": "@{a.id}"}]}""");
    SimulatorConfig config = SimulatorConfig.defaults().withPort(0).withFixtureDirs(List.of(dir));
    try (Simulator sim = Simulator.start(config)) {
      assertThat(seedAccount(sim.baseUrl())).isEqualTo(SalesforceIds.generate("001", 1004));
      for (int i = 0; i < 2; i++) { // put-backs of what the start loaded
        RestAssured.given().baseUri(sim.baseUrl()).post("/__admin/reset").then().statusCode(204);
        assertThat(seedAccount(sim.baseUrl())).isEqualTo(SalesforceIds.generate("001", 1004));
      }
      assertThat(
              RestAssured.given()
                  .baseUri(sim.baseUrl())
                  .contentType(ContentType.JSON)
                  .body(
                      """
                      {"records": [{"attributes": {"type": "Account", "referenceId": "x"}, "Name": "X"},
                       {"attributes": {"type": "Contact", "referenceId": "y"}, "LastName": "Y", "AccountId": "%s"}]}"""
                          .formatted(SalesforceIds.generate("001", 1002)))
                  .post("/__admin/fixtures")
                  .then()
                  .statusCode(201)
                  .extract()
                  .jsonPath()
                  .getList("results.id", String.class))
          .containsExactly(
              SalesforceIds.generate("001", 1005), SalesforceIds.generate("003", 1006));
    }
  }

  private static String seedAccount(String baseUrl) {
    return RestAssured.given()
        .baseUri(baseUrl)
        .contentType(ContentType.JSON)
        .body(
            """
            {"records": [{"attributes": {"type": "Account", "referenceId": "next"}, "Name": "Next"}]}""")
        .post("/__admin/fixtures")
        .then()
        .statusCode(201)
        .extract()
        .path("results[0].id");
  }

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
