package dev.sfsim.samples.clients;

import static io.restassured.RestAssured.given;

import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * The org every client test works on, seeded through the admin API from {@code messaging-org.json}:
 * a WhatsApp channel, end users Alice and Bob, an active session with Alice and the {@code
 * Order_Shipped} notification component. Also the request bodies the journeys send.
 */
final class ClientOrg {
  final String alice;
  final String bob;
  final String session;

  private ClientOrg(JsonPath seeded) {
    alice = seeded.getString("results.find { it.referenceId == 'alice' }.id");
    bob = seeded.getString("results.find { it.referenceId == 'bob' }.id");
    session = seeded.getString("results.find { it.referenceId == 'session' }.id");
  }

  /** Resets the simulator and seeds the org. */
  static ClientOrg seed(SalesforceSimulatorContainer sfsim) {
    given().post(sfsim.getAdminUrl() + "/reset").then().statusCode(204);
    return new ClientOrg(
        given()
            .contentType(ContentType.JSON)
            .body(resource("messaging-org.json"))
            .post(sfsim.getAdminUrl() + "/fixtures")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath());
  }

  /** Adds {@code count} more end users (for paging), named {@code Paged 00001...}. */
  static void seedEndUsers(SalesforceSimulatorContainer sfsim, int count) {
    StringJoiner records =
        new StringJoiner(
            ",",
            "{\"records\":[{\"attributes\":{\"type\":\"MessagingChannel\",\"referenceId\":\"ch\"},"
                + "\"MasterLabel\":\"Paging\",\"DeveloperName\":\"Paging\",\"MessageType\":\"WhatsApp\","
                + "\"MessagingPlatformKey\":\"whatsapp:+15550199\",\"IsActive\":true,\"PlatformType\":\"Enhanced\","
                + "\"ConsentType\":\"ImplicitOptIn\"},",
            "]}");
    for (int i = 1; i <= count; i++) {
      records.add(
          ("{\"attributes\":{\"type\":\"MessagingEndUser\",\"referenceId\":\"u%d\"},\"Name\":\"Paged %05d\","
                  + "\"MessagingChannelId\":\"@{ch.id}\",\"MessageType\":\"WhatsApp\",\"MessagingPlatformKey\":\"whatsapp:+1666%07d\","
                  + "\"MessagingConsentStatus\":\"ImplicitlyOptedIn\"}")
              .formatted(i, i, i));
    }
    given()
        .contentType(ContentType.JSON)
        .body(records.toString())
        .post(sfsim.getAdminUrl() + "/fixtures")
        .then()
        .statusCode(201);
  }

  /**
   * One {@code sendConversationMessages} input: the Order_Shipped notification to Alice and Bob.
   */
  String actionInput() {
    return """
                {"messageDefinitionName":"Order_Shipped","requestType":"SendNotificationMessages",\
                "isEnforceMessagingChannelConsent":true,\
                "allowedSessionStatus":"Any","messagingEndUserIds":"%s,%s",\
                "messagingDefinitionInputParameters":[{"name":"orderNumber","textValue":"1234"}]}"""
        .formatted(alice, bob);
  }

  /** A ConversationEntry for the session, as a create body. */
  String conversationEntry() {
    return """
                {"ConversationId":"%s","EntryTime":"%s","ActorType":"EndUser","EntryType":"Text","Message":"Where is my order?"}"""
        .formatted(session, Instant.now().toString());
  }

  private static String resource(String name) {
    try (InputStream in =
        ClientOrg.class.getResourceAsStream("/dev/sfsim/samples/clients/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
