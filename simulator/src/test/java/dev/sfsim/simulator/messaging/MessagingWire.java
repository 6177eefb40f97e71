package dev.sfsim.simulator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Wire helpers of the messaging behaviour tests: a reset, frozen org with channels of every kind,
 * invocations, SOQL, the clock.
 */
final class MessagingWire {
  static final String PATH = "/services/data/v62.0/actions/standard/sendConversationMessages";

  /**
   * Channels of each consent type and platform type, their end users, a communication subscription.
   */
  static final String MORE =
      """
            {"records": [
              {"attributes": {"type": "MessagingChannel", "referenceId": "explicit"}, "MasterLabel": "SMS explicit",
               "DeveloperName": "SMS_Explicit", "MessageType": "Text", "MessagingPlatformKey": "sms:+15550200", "IsActive": true,
               "PlatformType": "Standard", "ConsentType": "ExplicitOptIn"},
              {"attributes": {"type": "MessagingChannel", "referenceId": "double"}, "MasterLabel": "SMS double",
               "DeveloperName": "SMS_Double", "MessageType": "Text", "MessagingPlatformKey": "sms:+15550300", "IsActive": true,
               "PlatformType": "Standard", "ConsentType": "DoubleOptIn"},
              {"attributes": {"type": "MessagingChannel", "referenceId": "enhanced"}, "MasterLabel": "WhatsApp enhanced",
               "DeveloperName": "WhatsApp_Enhanced", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550400",
               "IsActive": true, "PlatformType": "Enhanced", "ConsentType": "ImplicitOptIn"},
              {"attributes": {"type": "MessagingChannel", "referenceId": "off"}, "MasterLabel": "Off", "DeveloperName": "Off",
               "MessageType": "Text", "MessagingPlatformKey": "sms:+15550500", "IsActive": false},
              {"attributes": {"type": "MessagingEndUser", "referenceId": "dave"}, "Name": "Dave", "MessagingChannelId": "@{explicit.id}",
               "MessageType": "Text", "MessagingPlatformKey": "sms:+15550201", "MessagingConsentStatus": "ImplicitlyOptedIn"},
              {"attributes": {"type": "MessagingEndUser", "referenceId": "erin"}, "Name": "Erin", "MessagingChannelId": "@{explicit.id}",
               "MessageType": "Text", "MessagingPlatformKey": "sms:+15550202", "MessagingConsentStatus": "ExplicitlyOptedIn"},
              {"attributes": {"type": "MessagingEndUser", "referenceId": "frank"}, "Name": "Frank", "MessagingChannelId": "@{double.id}",
               "MessageType": "Text", "MessagingPlatformKey": "sms:+15550301", "MessagingConsentStatus": "ExplicitlyOptedIn"},
              {"attributes": {"type": "MessagingEndUser", "referenceId": "gina"}, "Name": "Gina", "MessagingChannelId": "@{double.id}",
               "MessageType": "Text", "MessagingPlatformKey": "sms:+15550302", "MessagingConsentStatus": "DoublyOptedIn"},
              {"attributes": {"type": "MessagingEndUser", "referenceId": "hank"}, "Name": "Hank", "MessagingChannelId": "@{enhanced.id}",
               "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550401"},
              {"attributes": {"type": "MessagingEndUser", "referenceId": "ivan"}, "Name": "Ivan", "MessagingChannelId": "@{off.id}",
               "MessageType": "Text", "MessagingPlatformKey": "sms:+15550501"},
              {"attributes": {"type": "CommSubscription", "referenceId": "news"}, "Name": "Newsletter"},
              {"attributes": {"type": "CommSubscriptionChannelType", "referenceId": "newsWhatsApp"}, "Name": "Newsletter WhatsApp",
               "CommunicationSubscriptionId": "@{news.id}"},
              {"attributes": {"type": "CommSubscriptionConsent", "referenceId": "aliceNews"}, "Name": "Alice newsletter",
               "CommSubscriptionChannelTypeId": "@{newsWhatsApp.id}", "ContactPointId": "@{alice.id}",
               "ConsentCapturedDateTime": "2026-01-01T00:00:00.000Z", "ConsentCapturedSource": "web", "PrivacyConsentStatus": "OptIn"}
            ]}""";

  private JsonPath seeded;
  private JsonPath more;

  /** Resets, freezes the clock and seeds {@link Fixtures#MESSAGING} plus {@link #MORE}. */
  MessagingWire() {
    TestSimulator.reset();
    TestSimulator.clock("{\"freeze\": true}");
    seeded = TestSimulator.seed(Fixtures.MESSAGING);
    more = TestSimulator.seed(MORE.replace("@{alice.id}", id("alice")));
  }

  String id(String ref) {
    String path = "results.find { it.referenceId == '" + ref + "' }.id";
    String v = seeded.getString(path);
    return v != null ? v : more.getString(path);
  }

  /**
   * One input to the given end users (references), with extra input properties (JSON members, may
   * be empty).
   */
  static String input(List<String> endUserIds, String extra) {
    return """
                {"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages",
                 "messagingEndUserIds": [%s],
                 "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}]%s}"""
        .formatted(
            endUserIds.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",")),
            extra.isEmpty() ? "" : ", " + extra);
  }

  Response invoke(String... inputs) {
    return TestSimulator.api()
        .contentType(ContentType.JSON)
        .body("{\"inputs\":[" + String.join(",", inputs) + "]}")
        .post(PATH);
  }

  /** Sends to the end users (references) and returns the request id. */
  String send(String extra, String... refs) {
    return invoke(input(Arrays.stream(refs).map(this::id).toList(), extra))
        .then()
        .statusCode(200)
        .extract()
        .path("[0].outputValues.requestId");
  }

  JsonPath query(String soql) {
    return TestSimulator.api()
        .queryParam("q", soql)
        .get("/services/data/v65.0/query")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The request's counts, asserting the invariant. */
  JsonPath request(String requestId) {
    JsonPath r =
        query(
                "SELECT Id, RequestStatus, TotalMessageCount, SuccessMessageCount, FailedMessageCount, PendingMessageCount, "
                    + "InProgressMessageCount, SuccessMessageIdentifiers, FailedMessageIdentifiers, PendingMessageIdentifiers, "
                    + "InProgressMessageIdentifiers, FailedMessageErrorReasons, CompletedDate, SuccessMeuPlatformKeys, FailedMeuPlatformKeys, "
                    + "PendingMeuPlatformKeys, InProgressMeuPlatformKeys, PendingMessagingEndUserIds, InProgressMessagingEndUserIds, "
                    + "InProgressMessagingSessionIds FROM ConvMessageSendRequest WHERE Id = '"
                    + requestId
                    + "'")
            .setRootPath("records[0]");
    int total = r.getInt("TotalMessageCount");
    assertThat(
            r.getInt("SuccessMessageCount")
                + r.getInt("FailedMessageCount")
                + r.getInt("PendingMessageCount")
                + r.getInt("InProgressMessageCount"))
        .isEqualTo(total);
    assertThat(split(r.getString("FailedMessageErrorReasons")))
        .hasSize(r.getInt("FailedMessageCount"));
    for (String kind : List.of("Success", "Failed", "Pending", "InProgress")) {
      int count = r.getInt(kind + "MessageCount");
      assertThat(split(r.getString(kind + "MessageIdentifiers")))
          .as(kind + "MessageIdentifiers")
          .hasSize(count);
      assertThat(split(r.getString(kind + "MeuPlatformKeys")))
          .as(kind + "MeuPlatformKeys")
          .hasSize(count);
    }
    assertThat(split(r.getString("PendingMessagingEndUserIds")))
        .hasSize(r.getInt("PendingMessageCount"));
    assertThat(split(r.getString("InProgressMessagingEndUserIds")))
        .hasSize(r.getInt("InProgressMessageCount"));
    assertThat(split(r.getString("InProgressMessagingSessionIds")).size())
        .isLessThanOrEqualTo(r.getInt("InProgressMessageCount"));
    return r;
  }

  String status(String requestId) {
    return request(requestId).getString("RequestStatus");
  }

  static JsonPath advance(String duration) {
    return TestSimulator.clock("{\"advance\": \"" + duration + "\"}");
  }

  static List<String> split(String s) {
    return s == null
        ? List.of()
        : Arrays.asList(s.split(",", -1)); // "" is one empty item (an unknown end user's key)
  }

  static io.restassured.specification.RequestSpecification adminJson(String body) {
    return given().baseUri(TestSimulator.baseUrl()).contentType(ContentType.JSON).body(body);
  }
}
