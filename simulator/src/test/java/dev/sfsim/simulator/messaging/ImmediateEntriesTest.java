package dev.sfsim.simulator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code SFSIM_CONVERSATION_ENTRIES=immediate}: enhanced-channel entries appear at once, with their
 * text.
 */
class ImmediateEntriesTest {

  @Test
  void everyEntryAppearsAtOnceWithItsText() {
    SimulatorConfig config =
        SimulatorConfig.fromEnvironment(
            Map.of("SFSIM_PORT", "0", "SFSIM_CONVERSATION_ENTRIES", "immediate"));
    try (Simulator sim = Simulator.start(config)) {
      String base = sim.baseUrl();
      given()
          .baseUri(base)
          .contentType(ContentType.JSON)
          .body("{\"freeze\": true}")
          .post("/__admin/clock")
          .then()
          .statusCode(200);
      JsonPath seeded =
          given()
              .baseUri(base)
              .contentType(ContentType.JSON)
              .body(
                  """
                    {"messagingComponents": [{"developerName": "Hi", "componentType": "Notification", "isActive": true, "text": "Hello"}],
                     "records": [
                      {"attributes": {"type": "MessagingChannel", "referenceId": "ch"}, "MasterLabel": "WA", "DeveloperName": "WA",
                       "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+1", "IsActive": true, "PlatformType": "Enhanced"},
                      {"attributes": {"type": "MessagingEndUser", "referenceId": "u"}, "Name": "U", "MessagingChannelId": "@{ch.id}",
                       "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+2"}]}""")
              .post("/__admin/fixtures")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath();
      String user = seeded.getString("results[1].id");
      String token =
          given()
              .baseUri(base)
              .contentType(ContentType.URLENC)
              .formParams(
                  Map.of(
                      "grant_type",
                      "password",
                      "client_id",
                      SimulatorConfig.DEFAULT_CLIENT_ID,
                      "client_secret",
                      SimulatorConfig.DEFAULT_CLIENT_SECRET,
                      "username",
                      SimulatorConfig.DEFAULT_USERNAME,
                      "password",
                      SimulatorConfig.DEFAULT_PASSWORD))
              .post("/services/oauth2/token")
              .then()
              .statusCode(200)
              .extract()
              .path("access_token");
      String input =
          "{\"messageDefinitionName\": \"Hi\", \"requestType\": \"SendNotificationMessages\", \"messagingEndUserIds\": \""
              + user
              + "\", \"sessionLongevityPreference\": \"KeepSessionOpenOrAppend\"}";
      for (int i = 0; i < 2; i++) {
        given()
            .baseUri(base)
            .header("Authorization", "Bearer " + token)
            .contentType(ContentType.JSON)
            .body("{\"inputs\": [" + input + "]}")
            .post(MessagingWire.PATH)
            .then()
            .statusCode(200);
        given()
            .baseUri(base)
            .contentType(ContentType.JSON)
            .body("{\"advance\": \"PT1S\"}")
            .post("/__admin/clock")
            .then()
            .statusCode(200);
      }
      JsonPath entries =
          given()
              .baseUri(base)
              .header("Authorization", "Bearer " + token)
              .queryParam("q", "SELECT Seq, Message FROM ConversationEntry ORDER BY Seq")
              .get("/services/data/v60.0/query")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(entries.getList("records.Seq")).containsExactly(1, 2);
      assertThat(entries.getList("records.Message")).containsExactly("Hello", "Hello");
    }
  }

  @Test
  void otherValuesAreRefusedAtStart() {
    assertThatThrownBy(
            () ->
                SimulatorConfig.fromEnvironment(Map.of("SFSIM_CONVERSATION_ENTRIES", "sometimes")))
        .hasMessageContaining("SFSIM_CONVERSATION_ENTRIES");
    assertThat(SimulatorConfig.defaults().immediateEntries()).isFalse();
    assertThat(SimulatorConfig.defaults().maxInProgressRequests()).isEqualTo(200);
  }
}
