package dev.sfsim.simulator.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.ids.SalesforceIds;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sendConversationMessages}: invocation rules (the README's "Messaging behaviour" rules) and
 * the dispatcher (the dispatcher), through the wire.
 */
class SendConversationMessagesTest {
  private static final String PATH =
      "/services/data/v62.0/actions/standard/sendConversationMessages";
  private static final String REQUEST_FIELDS =
      "Id, Name, RequestStatus, TotalMessageCount, SuccessMessageCount, FailedMessageCount, "
          + "PendingMessageCount, InProgressMessageCount, SuccessMessageIdentifiers, FailedMessageIdentifiers, "
          + "PendingMessageIdentifiers, InProgressMessageIdentifiers, FailedMessageErrorReasons, CompletedDate, CreatedById";

  private JsonPath seeded;
  private String token;

  @BeforeEach
  void setUp() {
    TestSimulator.reset();
    TestSimulator.clock("{\"freeze\": true}"); // nothing moves unless a test advances the clock
    seeded = TestSimulator.seed(Fixtures.MESSAGING);
    token = TestSimulator.token();
  }

  private String id(String referenceId) {
    return seeded.getString("results.find { it.referenceId == '" + referenceId + "' }.id");
  }

  /**
   * The test's token (fetched before each test), so no token request lands between invoking and
   * reading.
   */
  private io.restassured.specification.RequestSpecification api() {
    return io.restassured.RestAssured.given()
        .baseUri(TestSimulator.baseUrl())
        .header("Authorization", "Bearer " + token);
  }

  private Response invoke(String body) {
    return api().contentType(ContentType.JSON).body(body).post(PATH);
  }

  private static String input(String endUserIds) {
    return """
                {"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages",
                 "isEnforceMessagingChannelConsent": true, "channelConsentType": "MessagingEndUser", "allowedSessionStatus": "Any",
                 "messagingEndUserIds": %s,
                 "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}, {"name": "customerName", "textValue": "friend"}]}"""
        .formatted(endUserIds);
  }

  private JsonPath request(String requestId) {
    return api()
        .queryParam(
            "q",
            "SELECT "
                + REQUEST_FIELDS
                + " FROM ConvMessageSendRequest WHERE Id = '"
                + requestId
                + "'")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .setRootPath("records[0]");
  }

  /**
   * Advances the frozen clock 100 ms at a time until Completed, checking the counts invariant at
   * every step.
   */
  private JsonPath awaitCompleted(String requestId) {
    for (int step = 0; step < 200; step++) {
      JsonPath r = request(requestId);
      assertInvariant(r);
      if ("Completed".equals(r.getString("RequestStatus"))) {
        return r;
      }
      TestSimulator.clock("{\"advance\": \"PT0.1S\"}");
    }
    return fail("request " + requestId + " did not complete within 20 simulated seconds");
  }

  private static void assertInvariant(JsonPath r) {
    int total = r.getInt("TotalMessageCount");
    int success = r.getInt("SuccessMessageCount");
    int failed = r.getInt("FailedMessageCount");
    int pending = r.getInt("PendingMessageCount");
    int inProgress = r.getInt("InProgressMessageCount");
    assertThat(success + failed + pending + inProgress).isEqualTo(total);
    assertThat(split(r.getString("SuccessMessageIdentifiers"))).hasSize(success);
    assertThat(split(r.getString("FailedMessageIdentifiers"))).hasSize(failed);
    assertThat(split(r.getString("PendingMessageIdentifiers"))).hasSize(pending);
    assertThat(split(r.getString("InProgressMessageIdentifiers"))).hasSize(inProgress);
    assertThat(split(r.getString("FailedMessageErrorReasons"))).hasSize(failed);
    assertThat(inProgress).isLessThanOrEqualTo(5);
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }

  @Test
  void sendsToConsentingUsersAndFailsTheOptedOutOne() {
    String ids15 =
        String.join(
            ",",
            id("alice").substring(0, 15),
            id("bob").substring(0, 15),
            id("carol").substring(0, 15));
    JsonPath result =
        invoke("{\"inputs\":[" + input("\"" + ids15 + "\"") + "]}")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("[0].actionName", equalTo("sendConversationMessages"))
            .body("[0].isSuccess", equalTo(true))
            .body("[0].errors", equalTo(null))
            .body("[0].sortOrder", equalTo(-1))
            .extract()
            .jsonPath();
    String requestId = result.getString("[0].outputValues.requestId");
    List<String> messageIds = split(result.getString("[0].outputValues.messageIdentifiers"));
    assertThat(requestId).startsWith("1sr").hasSize(18);
    assertThat(SalesforceIds.parse(requestId)).contains(requestId);
    assertThat(messageIds).hasSize(3).allMatch(m -> m.matches("[0-9a-f-]{36}"));

    JsonPath pending = request(requestId);
    assertThat(pending.getString("RequestStatus"))
        .isEqualTo("Pending"); // realistic latency: observable before pick-up
    assertThat(pending.getInt("PendingMessageCount")).isEqualTo(3);
    assertThat(pending.getString("Name")).matches("MSJ-\\d{8}");

    JsonPath done = awaitCompleted(requestId);
    assertThat(done.getInt("TotalMessageCount")).isEqualTo(3);
    assertThat(done.getInt("SuccessMessageCount")).isEqualTo(2);
    assertThat(done.getInt("FailedMessageCount")).isEqualTo(1);
    assertThat(done.getString("FailedMessageErrorReasons")).isEqualTo("EndUserIsNotOptedIn");
    assertThat(done.getString("FailedMessageIdentifiers")).isEqualTo(messageIds.get(1));
    assertThat(done.getString("SuccessMessageIdentifiers"))
        .isEqualTo(messageIds.get(0) + "," + messageIds.get(2));
    assertThat(done.getString("CompletedDate"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    assertThat(done.getString("CreatedById")).startsWith("005");

    List<Map<String, Object>> outbox =
        TestSimulator.api()
            .queryParam("requestId", requestId)
            .get("/__admin/outbox")
            .then()
            .statusCode(200)
            .extract()
            .path("messages");
    assertThat(outbox)
        .extracting(m -> m.get("text"))
        .containsExactly(
            "Hi friend, your order 1234 has shipped.", "Hi friend, your order 1234 has shipped.");
    assertThat(outbox)
        .extracting(m -> m.get("messagingEndUserId"))
        .containsExactly(id("alice"), id("carol"));
    assertThat(outbox)
        .extracting(m -> m.get("messageIdentifier"))
        .containsExactly(messageIds.get(0), messageIds.get(2));

    TestSimulator.api()
        .queryParam(
            "q",
            "SELECT Id, Status, Origin, AgentType, ChannelType, MessagingEndUserId FROM MessagingSession "
                + "WHERE MessagingEndUserId = '"
                + id("alice")
                + "'")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .body("totalSize", equalTo(1))
        .body("records[0].Status", equalTo("New"))
        .body("records[0].Origin", equalTo("TriggeredOutbound"))
        .body("records[0].AgentType", equalTo("System"))
        .body("records[0].ChannelType", equalTo("WhatsApp"));
    TestSimulator.api()
        .queryParam(
            "q",
            "SELECT Seq, EntryType, ActorType, Message, MessageStatus FROM ConversationEntry "
                + "WHERE MessageIdentifier = '"
                + messageIds.get(0)
                + "'")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .body("totalSize", equalTo(1))
        .body("records[0].Seq", equalTo(1))
        .body("records[0].EntryType", equalTo("Text"))
        .body("records[0].ActorType", equalTo("System"))
        .body("records[0].Message", equalTo("Hi friend, your order 1234 has shipped."))
        .body("records[0].MessageStatus", equalTo("Sent"));
  }

  @Test
  void acceptsAJsonArrayAndFailsUnknownEndUsersLater() {
    String unknown = SalesforceIds.generate("0PA", 999_999);
    String requestId =
        invoke("{\"inputs\":[" + input("[\"" + id("alice") + "\", \"" + unknown + "\"]") + "]}")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].outputValues.requestId");
    JsonPath done = awaitCompleted(requestId);
    assertThat(done.getInt("SuccessMessageCount")).isEqualTo(1);
    assertThat(done.getString("FailedMessageErrorReasons")).isEqualTo("InvalidMessagingEndUser");
  }

  @Test
  void moreThanFiveRecipientsNeverHaveMoreThanFiveInFlight() {
    String ids = String.join(",", java.util.Collections.nCopies(12, id("alice")));
    String requestId =
        invoke("{\"inputs\":[" + input("\"" + ids + "\"") + "]}")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].outputValues.requestId");
    JsonPath done =
        awaitCompleted(
            requestId); // the invariant check asserts at most 5 in progress at every poll
    assertThat(done.getInt("SuccessMessageCount")).isEqualTo(12);
  }

  @Test
  void eachInputIsValidatedOnItsOwnAndAnsweredInOrder() {
    String ok = input("\"" + id("alice") + "\"");
    String bad = ok.replace("\"SendNotificationMessages\"", "\"Broadcast\"");
    invoke("{\"inputs\":[" + bad + "," + ok + "]}")
        .then()
        .statusCode(200)
        .body("[0].isSuccess", equalTo(false))
        .body("[0].outputValues", equalTo(null))
        .body("[0].errors[0].statusCode", equalTo("INVALID_INPUT"))
        .body("[0].errors[0].message", equalTo("Invalid requestType: Broadcast"))
        .body("[1].isSuccess", equalTo(true));
  }

  @Test
  void invalidInputsFailWithNamedErrorsAndWriteNothing() {
    String alice = "\"" + id("alice") + "\"";
    String ok = input(alice);
    Map<String, String[]> cases = new java.util.LinkedHashMap<>();
    cases.put(
        ok.replace("\"messageDefinitionName\": \"Order_Shipped\",", ""),
        new String[] {
          "REQUIRED_FIELD_MISSING", "Missing required input parameter: messageDefinitionName"
        });
    cases.put(
        ok.replace("Order_Shipped", "Nope"),
        new String[] {
          "INVALID_INPUT", "The messaging component Nope doesn't exist or isn't active."
        });
    cases.put(
        ok.replace("Order_Shipped", "Inactive_Notice"),
        new String[] {
          "INVALID_INPUT", "The messaging component Inactive_Notice doesn't exist or isn't active."
        });
    cases.put(
        ok.replace("Order_Shipped", "Welcome_Text")
            .replace(", {\"name\": \"customerName\", \"textValue\": \"friend\"}", "")
            .replace("[{\"name\": \"orderNumber\", \"textValue\": \"1234\"}]", "[]"),
        new String[] {
          "INVALID_INPUT",
          "The messaging component Welcome_Text isn't a notification component (its type is Text)."
        });
    cases.put(
        input("\"\""),
        new String[] {
          "INVALID_INPUT", "messagingEndUserIds must contain at least one messaging end user ID."
        });
    cases.put(
        input("\"001B000001LntWl\""),
        new String[] {"INVALID_INPUT", "Invalid messaging end user ID: 001B000001LntWl"});
    cases.put(
        input("\"0PA-bad\""),
        new String[] {"INVALID_INPUT", "Invalid messaging end user ID: 0PA-bad"});
    cases.put(
        input("\"" + String.join(",", java.util.Collections.nCopies(101, id("alice"))) + "\""),
        new String[] {"INVALID_INPUT", "You can specify up to 100 messaging end user IDs."});
    cases.put(
        ok.replace("\"Any\"", "\"Sometimes\""),
        new String[] {"INVALID_INPUT", "Invalid allowedSessionStatus: Sometimes"});
    cases.put(
        ok.replace("\"MessagingEndUser\"", "\"Telepathy\""),
        new String[] {"INVALID_INPUT", "Invalid channelConsentType: Telepathy"});
    cases.put(
        ok.replace(
            "\"MessagingEndUser\"",
            "\"MessagingEndUser\", \"sessionLongevityPreference\": \"Forever\""),
        new String[] {"INVALID_INPUT", "Invalid sessionLongevityPreference: Forever"});
    cases.put(
        ok.replace(
            "\"channelConsentType\": \"MessagingEndUser\"",
            "\"channelConsentType\": \"CommunicationSubscription\", \"communicationSubscriptionId\": \"0XsB00000000001\""),
        new String[] {
          "INVALID_INPUT", "The communication subscription 0XsB00000000001 doesn't exist."
        });
    cases.put(
        ok.replace(
            "\"channelConsentType\": \"MessagingEndUser\"",
            "\"channelConsentType\": \"CommunicationSubscription\", \"communicationSubscriptionId\": \"0PAB00000000001\""),
        new String[] {"INVALID_INPUT", "Invalid communicationSubscriptionId: 0PAB00000000001"});
    cases.put(
        ok.replace(
            "\"channelConsentType\": \"MessagingEndUser\"",
            "\"channelConsentType\": \"CommunicationSubscription\""),
        new String[] {
          "REQUIRED_FIELD_MISSING", "Missing required input parameter: communicationSubscriptionId"
        });
    cases.put(
        ok.replace("{\"name\": \"orderNumber\", \"textValue\": \"1234\"}, ", ""),
        new String[] {
          "REQUIRED_FIELD_MISSING",
          "Missing required input parameter: messagingDefinitionInputParameters.orderNumber"
        });
    cases.put(
        ok.replace("\"name\": \"customerName\"", "\"name\": \"shoeSize\""),
        new String[] {
          "INVALID_INPUT", "The messaging component Order_Shipped has no parameter named shoeSize."
        });
    cases.put(
        ok.replace("\"textValue\": \"1234\"", "\"numberValue\": 1234"),
        new String[] {
          "INVALID_INPUT",
          "The parameter orderNumber is of type Text and takes textValue or textValues, not numberValue."
        });
    cases.put(
        ok.replace(
            "\"isEnforceMessagingChannelConsent\": true",
            "\"isEnforceMessagingChannelConsent\": \"perhaps\""),
        new String[] {
          "INVALID_INPUT",
          "Invalid isEnforceMessagingChannelConsent: perhaps (expected true or false)"
        });
    cases.put(
        ok.replace("\"requestType\"", "\"requestTypo\""),
        new String[] {"INVALID_INPUT", "Unknown input parameter: requestTypo"});
    for (var c : cases.entrySet()) {
      invoke("{\"inputs\":[" + c.getKey() + "]}")
          .then()
          .statusCode(400)
          .body("[0].isSuccess", equalTo(false))
          .body("[0].errors[0].statusCode", equalTo(c.getValue()[0]))
          .body("[0].errors[0].message", equalTo(c.getValue()[1]));
    }
    api()
        .contentType(ContentType.JSON)
        .body("{\"inputs\":[" + ok + "]}")
        .post(PATH.replace("v62.0", "v61.0"))
        .then()
        .statusCode(400)
        .body(
            "[0].errors[0].message",
            equalTo("Unknown input parameter: channelConsentType")); // an input of v62.0
    TestSimulator.api()
        .queryParam("q", "SELECT Id FROM ConvMessageSendRequest")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .body("totalSize", equalTo(0));
  }

  @Test
  void malformedBodiesAreRestErrors() {
    invoke("{not json").then().statusCode(400).body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
    invoke("{\"input\":[]}")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
    invoke("[]").then().statusCode(400).body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
    invoke("{\"inputs\":[]}")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
  }

  @Test
  void theActionExistsFromVersion59() {
    String body =
        "{\"inputs\":["
            + input("\"" + id("alice") + "\"")
                .replace("\"channelConsentType\": \"MessagingEndUser\", ", "")
            + "]}";
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/services/data/v58.0/actions/standard/sendConversationMessages")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/services/data/v59.0/actions/standard/sendConversationMessages")
        .then()
        .statusCode(200);
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/services/data/v60.0/actions/standard/sendTelegram")
        .then()
        .statusCode(404);
  }
}
