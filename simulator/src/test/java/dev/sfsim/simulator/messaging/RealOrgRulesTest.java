package dev.sfsim.simulator.messaging;

import static dev.sfsim.simulator.messaging.MessagingWire.advance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rules a real org applies to the messaging objects beyond the send itself: templates, computed
 * fields, versions.
 */
class RealOrgRulesTest {
  private MessagingWire w;

  @BeforeEach
  void setUp() {
    w = new MessagingWire();
  }

  @Test
  void whatsAppNeedsAnApprovedExternalTemplate() {
    TestSimulator.seed(
        """
                {"messagingComponents": [{"developerName": "Order_Shipped", "componentType": "Notification", "text": "Order {!orderNumber}",
                  "externalTemplateStatus": "Pending", "parameters": [{"name": "orderNumber", "required": true}]}]}""");
    String req = w.send("", "alice", "dave"); // WhatsApp, then SMS
    advance("PT5S");
    JsonPath r = w.request(req);
    assertThat(r.getString("FailedMessageErrorReasons"))
        .isEqualTo("ApprovedExternalTemplateRequired");
    assertThat(r.getString("FailedMeuPlatformKeys")).isEqualTo("whatsapp:+15550101");
    assertThat(r.getString("SuccessMeuPlatformKeys")).isEqualTo("sms:+15550201");
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body(
            """
                {"messagingComponents": [{"developerName": "X", "text": "x", "externalTemplateStatus": "Maybe"}]}""")
        .post("/__admin/fixtures")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
  }

  @Test
  void theNewIdentifierListsFollowTheCountsFromVersion65() {
    String unknown = "0PAB00000000009"; // well-formed, no such end user
    String body =
        "{\"inputs\":["
            + MessagingWire.input(java.util.List.of(w.id("alice"), unknown, w.id("carol")), "")
            + "]}";
    String req =
        TestSimulator.api()
            .contentType(ContentType.JSON)
            .body(body)
            .post(MessagingWire.PATH)
            .then()
            .statusCode(200)
            .extract()
            .path("[0].outputValues.requestId");
    JsonPath pending = w.request(req); // asserts the invariant for every list
    assertThat(MessagingWire.split(pending.getString("PendingMessagingEndUserIds")))
        .satisfiesExactly(
            a -> assertThat(a).isEqualTo(w.id("alice")),
            u -> assertThat(u).startsWith(unknown),
            c -> assertThat(c).isEqualTo(w.id("carol")));
    assertThat(pending.getString("PendingMeuPlatformKeys"))
        .isEqualTo("whatsapp:+15550101,,whatsapp:+15550103");
    assertThat(
            w.query(
                    "SELECT MessageDefinitionParameters FROM ConvMessageSendRequest WHERE Id = '"
                        + req
                        + "'")
                .getString("records[0].MessageDefinitionParameters"))
        .isEqualTo("[{\"name\":\"orderNumber\",\"textValue\":\"1234\"}]");
    advance("PT5S");
    JsonPath done = w.request(req);
    assertThat(done.getString("FailedMeuPlatformKeys"))
        .isEqualTo(""); // the unknown end user keeps its (empty) place
    assertThat(done.getString("SuccessMeuPlatformKeys"))
        .isEqualTo("whatsapp:+15550101,whatsapp:+15550103");
    TestSimulator.api()
        .queryParam("q", "SELECT SuccessMeuPlatformKeys FROM ConvMessageSendRequest")
        .get("/services/data/v64.0/query")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"));
    TestSimulator.api()
        .queryParam("q", "SELECT CommSubscriptionId FROM ConvMessageSendRequest")
        .get("/services/data/v61.0/query")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"));
  }

  @Test
  void computedFieldsOfEndUsersAndSessions() {
    String account =
        TestSimulator.api()
            .contentType(ContentType.JSON)
            .body("{\"Name\": \"Acme\"}")
            .post("/services/data/v60.0/sobjects/Account")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body("{\"AccountId\": \"" + account + "\"}")
        .patch("/services/data/v60.0/sobjects/MessagingEndUser/" + w.id("alice"))
        .then()
        .statusCode(204);
    String req = w.send("", "alice");
    advance("PT5S");
    String session =
        TestSimulator.api()
            .queryParam("requestId", req)
            .get("/__admin/outbox")
            .then()
            .extract()
            .path("messages[0].messagingSessionId");
    JsonPath s =
        w.query(
                "SELECT EndUserAccountId, EndUserContactId, ChannelName, ChannelKey, ChannelType, OwnerId FROM MessagingSession"
                    + " WHERE Id = '"
                    + session
                    + "'")
            .setRootPath("records[0]");
    assertThat(s.getString("EndUserAccountId")).isEqualTo(account);
    assertThat(s.getString("EndUserContactId")).isNull();
    assertThat(s.getString("ChannelName")).isEqualTo("WhatsApp US");
    assertThat(s.getString("ChannelKey")).isEqualTo("whatsapp:+15550100");
    JsonPath users = w.query("SELECT Name, IsFullyOptedIn FROM MessagingEndUser ORDER BY Name");
    java.util.Map<String, Boolean> optedIn = new java.util.HashMap<>();
    for (int i = 0; i < users.getList("records").size(); i++) {
      optedIn.put(
          users.getString("records[" + i + "].Name"),
          users.getBoolean("records[" + i + "].IsFullyOptedIn"));
    }
    assertThat(optedIn)
        .containsEntry("Alice", true)
        .containsEntry("Bob", false) // OptedOut
        .containsEntry("Dave", false)
        .containsEntry("Erin", true) // explicit channel: implicit consent is not enough
        .containsEntry("Frank", false)
        .containsEntry("Gina", true); // double opt-in channel
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body("{\"IsFullyOptedIn\": true}")
        .patch("/services/data/v60.0/sobjects/MessagingEndUser/" + w.id("dave"))
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body("{\"MessagingConsentStatus\": \"ExplicitlyOptedIn\"}")
        .patch("/services/data/v60.0/sobjects/MessagingEndUser/" + w.id("dave"))
        .then()
        .statusCode(204);
    assertThat(
            w.query("SELECT IsFullyOptedIn FROM MessagingEndUser WHERE Id = '" + w.id("dave") + "'")
                .getBoolean("records[0].IsFullyOptedIn"))
        .isTrue();
  }

  @Test
  void everyWritePathRefusesReadOnlyFieldsAndWritesNothing() {
    String meu = w.id("carol");
    String body =
        "{\"attributes\": {\"type\": \"MessagingEndUser\"}, \"id\": \""
            + meu
            + "\", \"MessagingPlatformKey\": \"whatsapp:+1999\"}";
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body("{\"allOrNone\": false, \"records\": [" + body + "]}")
        .patch("/services/data/v60.0/composite/sobjects")
        .then()
        .statusCode(200)
        .body("[0].success", equalTo(false))
        .body("[0].errors[0].statusCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body(
            "{\"records\": [{\"attributes\": {\"type\": \"MessagingSession\", \"referenceId\": \"s\"},"
                + " \"MessagingEndUserId\": \""
                + meu
                + "\", \"MessagingChannelId\": \""
                + w.id("whatsapp")
                + "\", \"ChannelType\": \"Text\"}]}")
        .post("/services/data/v60.0/composite/tree/MessagingSession")
        .then()
        .statusCode(400)
        .body("results[0].errors[0].statusCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body(
            "{\"AgentMessageCount\": 3, \"MessagingEndUserId\": \""
                + meu
                + "\", \"MessagingChannelId\": \""
                + w.id("whatsapp")
                + "\"}")
        .post("/services/data/v60.0/sobjects/MessagingSession")
        .then()
        .statusCode(400)
        .body("[0].fields[0]", equalTo("AgentMessageCount"));
    assertThat(
            w.query("SELECT MessagingPlatformKey FROM MessagingEndUser WHERE Id = '" + meu + "'")
                .getString("records[0].MessagingPlatformKey"))
        .isEqualTo("whatsapp:+15550103");
    assertThat(w.query("SELECT COUNT() FROM MessagingSession").getInt("totalSize")).isZero();
  }
}
