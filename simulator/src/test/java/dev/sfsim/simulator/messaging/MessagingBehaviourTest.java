package dev.sfsim.simulator.messaging;

import static dev.sfsim.simulator.messaging.MessagingWire.adminJson;
import static dev.sfsim.simulator.messaging.MessagingWire.advance;
import static dev.sfsim.simulator.messaging.MessagingWire.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.sfsim.simulator.TestSimulator;
import io.restassured.path.json.JsonPath;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * the README's "Messaging behaviour" rules, one test per rule, through the wire, with the clock
 * frozen: time moves only through {@code POST /__admin/clock}, so no test sleeps. Realistic
 * profile: pick-up 300 ms, 200 ms per send, Delivered 2 s and Read 10 s after the send, retries
 * after 5 s, 10 s...
 */
class MessagingBehaviourTest {
  /** A reset, frozen org for each test (JUnit makes a new instance per test). */
  private final MessagingWire w = new MessagingWire();

  private String complete(String requestId) {
    advance("PT5S");
    return w.status(requestId);
  }

  private String failureReasons(String requestId) {
    return w.request(requestId).getString("FailedMessageErrorReasons");
  }

  @Test
  void requestsWaitPendingUntilPickedUpThenComplete() {
    String req = w.send("", "alice");
    assertThat(w.status(req)).isEqualTo("Pending");
    advance("PT0.3S");
    JsonPath r = w.request(req);
    assertThat(r.getString("RequestStatus")).isEqualTo("InProgress");
    assertThat(r.getInt("InProgressMessageCount")).isEqualTo(1);
    advance("PT0.2S");
    r = w.request(req);
    assertThat(r.getString("RequestStatus")).isEqualTo("Completed");
    assertThat(r.getInt("SuccessMessageCount")).isEqualTo(1);
  }

  @Test
  void atMost200RequestsRunAndQueuedOnesRunAsThePlatformIntegrationUser() {
    adminJson("{\"effect\": \"delay\", \"delay\": \"PT1H\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    String one = input(List.of(w.id("alice")), "");
    List<String> ids =
        w.invoke(Collections.nCopies(201, one).toArray(String[]::new))
            .then()
            .statusCode(200)
            .extract()
            .path("outputValues.requestId");
    advance("PT1S");
    assertThat(
            w.query("SELECT COUNT() FROM ConvMessageSendRequest WHERE RequestStatus = 'InProgress'")
                .getInt("totalSize"))
        .as(this::lastStarted) // a rare failure (201) under heavy load: what to look at next time
        .isEqualTo(200);
    assertThat(w.status(ids.get(200))).isEqualTo("Pending");
    assertThat(w.status(ids.get(0))).isEqualTo("InProgress");
    TestSimulator.api().delete("/__admin/faults");
    advance("PT2H");
    assertThat(
            w.query("SELECT COUNT() FROM ConvMessageSendRequest WHERE RequestStatus = 'Completed'")
                .getInt("totalSize"))
        .isEqualTo(201);
    String integrationUser =
        w.query("SELECT Id FROM User WHERE UserType = 'AutomatedProcess'")
            .getString("records[0].Id");
    String caller =
        w.query("SELECT CreatedById FROM ConvMessageSendRequest WHERE Id = '" + ids.get(200) + "'")
            .getString("records[0].CreatedById");
    assertThat(ownerOfSessionOf(ids.get(200))).isEqualTo(integrationUser).isNotEqualTo(caller);
    assertThat(ownerOfSessionOf(ids.get(0))).isEqualTo(caller);
  }

  /**
   * The InProgress requests by the instant they last changed (the frozen clock steps through each
   * due instant), and the clock: at which step a request took a 201st slot.
   */
  private String lastStarted() {
    List<java.util.Map<String, Object>> rows =
        w.query(
                "SELECT Name, LastModifiedDate FROM ConvMessageSendRequest WHERE RequestStatus ="
                    + " 'InProgress' ORDER BY Name")
            .getList("records");
    java.util.Map<Object, List<Object>> byInstant = new java.util.TreeMap<>();
    rows.forEach(
        r ->
            byInstant
                .computeIfAbsent(r.get("LastModifiedDate"), k -> new java.util.ArrayList<>())
                .add(r.get("Name")));
    StringBuilder out = new StringBuilder("InProgress requests by LastModifiedDate:");
    byInstant.forEach(
        (at, names) ->
            out.append(' ')
                .append(at)
                .append(": ")
                .append(names.size())
                .append(" (")
                .append(names.get(0))
                .append(" .. ")
                .append(names.get(names.size() - 1))
                .append(");"));
    return out + " clock " + TestSimulator.api().get("/__admin/clock").asString();
  }

  private String ownerOfSessionOf(String requestId) {
    String session =
        TestSimulator.api()
            .queryParam("requestId", requestId)
            .get("/__admin/outbox")
            .then()
            .extract()
            .path("messages[0].messagingSessionId");
    return w.query("SELECT OwnerId FROM MessagingSession WHERE Id = '" + session + "'")
        .getString("records[0].OwnerId");
  }

  @Test
  void consentFollowsTheChannelConsentTypeWhenEnforced() {
    String enforce =
        "\"isEnforceMessagingChannelConsent\": true, \"channelConsentType\": \"MessagingEndUser\"";
    String req = w.send(enforce, "dave", "erin", "frank", "gina", "bob", "alice");
    assertThat(complete(req)).isEqualTo("Completed");
    JsonPath r = w.request(req);
    assertThat(r.getInt("SuccessMessageCount"))
        .isEqualTo(3); // erin (explicit), gina (double), alice (implicit)
    assertThat(r.getString("FailedMessageErrorReasons"))
        .isEqualTo("EndUserIsNotOptedIn,EndUserIsNotOptedIn,EndUserIsNotOptedIn");
    assertThat(
            w.query("SELECT FailureReason FROM MessagingDeliveryError")
                .getList("records.FailureReason"))
        .containsExactly("EndUserIsNotOptedIn", "EndUserIsNotOptedIn", "EndUserIsNotOptedIn");
  }

  @Test
  void customConsentSendsToEveryoneAndInactiveChannelsFail() {
    String req = w.send("", "bob", "dave", "ivan");
    assertThat(complete(req)).isEqualTo("Completed");
    assertThat(w.request(req).getInt("SuccessMessageCount")).isEqualTo(2);
    assertThat(failureReasons(req)).isEqualTo("MessagingChannelInactive");
  }

  @Test
  void communicationSubscriptionConsentNeedsAConsentRecord() {
    String extra =
        "\"isEnforceMessagingChannelConsent\": true, \"channelConsentType\": \"CommunicationSubscription\", "
            + "\"communicationSubscriptionId\": \""
            + w.id("news")
            + "\"";
    String req = w.send(extra, "alice", "carol");
    assertThat(complete(req)).isEqualTo("Completed");
    JsonPath r = w.request(req);
    assertThat(r.getString("SuccessMessageIdentifiers")).isNotBlank();
    assertThat(r.getString("FailedMessageErrorReasons")).isEqualTo("EndUserIsNotOptedIn");
    assertThat(
            w.query(
                    "SELECT CommSubscriptionId, RequestConsentType FROM ConvMessageSendRequest WHERE Id = '"
                        + req
                        + "'")
                .getString("records[0].CommSubscriptionId"))
        .isEqualTo(w.id("news"));
  }

  @Test
  void nonActiveHoldsWhileTheEndUserHasAnActiveSessionAndSendsWhenItEnds() {
    inbound("alice", "Hello?");
    String req = w.send("\"allowedSessionStatus\": \"NonActive\"", "alice", "carol");
    advance("PT5S");
    JsonPath r = w.request(req);
    assertThat(r.getString("RequestStatus")).isEqualTo("InProgress");
    assertThat(r.getInt("SuccessMessageCount")).isEqualTo(1);
    assertThat(r.getInt("PendingMessageCount")).isEqualTo(1);
    advance("PT48H"); // the Active session ends 48 h after the reply: the held message goes out
    assertThat(w.status(req)).isEqualTo("Completed");
    assertThat(w.request(req).getInt("SuccessMessageCount")).isEqualTo(2);
  }

  @Test
  void closedHoldsWhileAnySessionIsOpen() {
    String first = w.send("", "alice");
    advance("PT1S");
    String second = w.send("\"allowedSessionStatus\": \"Closed\"", "alice");
    String anyStatus = w.send("\"allowedSessionStatus\": \"NonActive\"", "alice");
    advance("PT1M");
    assertThat(w.status(first)).isEqualTo("Completed");
    assertThat(w.status(anyStatus)).isEqualTo("Completed"); // a New session is not Active
    assertThat(w.status(second)).isEqualTo("InProgress");
    advance("PT48H");
    assertThat(w.status(second)).isEqualTo("Completed");
  }

  @Test
  void keepSessionOpenEndsTheSessionAfter48HoursWithoutReply() {
    w.send("", "alice");
    advance("PT1S");
    String sessions =
        "SELECT Status, EndTime, EndedByType FROM MessagingSession WHERE MessagingEndUserId = '"
            + w.id("alice")
            + "'";
    advance("PT47H");
    assertThat(w.query(sessions).getString("records[0].Status")).isEqualTo("New");
    advance("PT1H");
    JsonPath s = w.query(sessions);
    assertThat(s.getString("records[0].Status")).isEqualTo("Ended");
    assertThat(s.getString("records[0].EndedByType")).isEqualTo("System");
    assertThat(s.getString("records[0].EndTime")).isNotNull();
  }

  @Test
  void aReplyRestartsThe48Hours() {
    w.send("", "alice");
    advance("PT24H");
    inbound("alice", "thanks");
    advance("PT47H");
    String sessions =
        "SELECT Status FROM MessagingSession WHERE MessagingEndUserId = '" + w.id("alice") + "'";
    assertThat(w.query(sessions).getString("records[0].Status")).isEqualTo("Active");
    advance("PT1H");
    assertThat(w.query(sessions).getString("records[0].Status")).isEqualTo("Ended");
  }

  @Test
  void endSessionEndsTheSessionAtOnce() {
    String req = w.send("\"sessionLongevityPreference\": \"EndSession\"", "alice");
    complete(req);
    JsonPath s =
        w.query(
            "SELECT Status, EndTime, EndedByType, Origin FROM MessagingSession WHERE MessagingEndUserId = '"
                + w.id("alice")
                + "'");
    assertThat(s.getString("records[0].Status")).isEqualTo("Ended");
    assertThat(s.getString("records[0].EndedByType")).isEqualTo("System");
    assertThat(
            w.query(
                    "SELECT SessionLongevityPreference FROM ConvMessageSendRequest WHERE Id = '"
                        + req
                        + "'")
                .getString("records[0].SessionLongevityPreference"))
        .isEqualTo("EndSession");
  }

  @Test
  void keepSessionOpenOrAppendReusesTheOpenNewSession() {
    String append = "\"sessionLongevityPreference\": \"KeepSessionOpenOrAppend\"";
    complete(w.send(append, "alice"));
    complete(w.send(append, "alice"));
    complete(w.send("", "alice")); // KeepSessionOpen always starts a new session
    JsonPath s =
        w.query(
            "SELECT Id, AgentMessageCount FROM MessagingSession WHERE MessagingEndUserId = '"
                + w.id("alice")
                + "' ORDER BY Name");
    assertThat(s.getList("records")).hasSize(2);
    assertThat(s.getInt("records[0].AgentMessageCount")).isEqualTo(2);
    String entries =
        "SELECT Seq FROM ConversationEntry WHERE ConversationId = '"
            + s.getString("records[0].Id")
            + "' ORDER BY Seq";
    assertThat(w.query(entries).getList("records.Seq"))
        .as("later entries wait for the session to end")
        .containsExactly(1);
    adminJson("")
        .post("/__admin/messaging/sessions/" + s.getString("records[0].Id") + "/end")
        .then()
        .statusCode(200);
    assertThat(w.query(entries).getList("records.Seq")).containsExactly(1, 2);
  }

  @Test
  void transientFaultsPutTheRequestBackToPendingAndRetryWithBackOff() {
    String rule =
        adminJson(
                "{\"match\": {\"messagingEndUserId\": \""
                    + w.id("alice")
                    + "\"}, \"effect\": \"transient\", \"times\": 2}")
            .post("/__admin/faults")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String req = w.send("", "alice");
    advance("PT0.5S");
    JsonPath r = w.request(req);
    assertThat(r.getString("RequestStatus")).isEqualTo("Pending");
    assertThat(r.getInt("PendingMessageCount")).isEqualTo(1);
    advance("PT5.2S"); // taken up again after 5 s, the retry (200 ms) fails again
    assertThat(w.status(req)).isEqualTo("Pending");
    advance("PT10.2S"); // second retry after 10 s more succeeds
    assertThat(w.status(req)).isEqualTo("Completed");
    assertThat(w.request(req).getInt("SuccessMessageCount")).isEqualTo(1);
    TestSimulator.api()
        .get("/__admin/faults")
        .then()
        .body("faults[0].id", equalTo(rule))
        .body("faults[0].fired", equalTo(2));
  }

  @Test
  void failFaultsFailPermanentlyWithTheReasonAndADeliveryError() {
    adminJson(
            "{\"match\": {\"messagingPlatformKey\": \"whatsapp:+1555*3\"}, \"effect\": \"fail\", "
                + "\"reason\": \"Recipient phone number is not a WhatsApp account\", \"statusCode\": \"INVALID_RECIPIENT\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    String req = w.send("", "alice", "carol");
    assertThat(complete(req)).isEqualTo("Completed");
    assertThat(failureReasons(req)).isEqualTo("Recipient phone number is not a WhatsApp account");
    assertThat(
            w.query("SELECT MessagingEndUserId, Type FROM MessagingDeliveryError")
                .getString("records[0].MessagingEndUserId"))
        .isEqualTo(w.id("carol"));
  }

  @Test
  void channelFaultsMatchByChannel() {
    adminJson(
            "{\"match\": {\"messagingChannelId\": \""
                + w.id("explicit")
                + "\"}, \"effect\": \"fail\", \"reason\": \"Down\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    String req = w.send("", "alice", "dave", "erin");
    complete(req);
    assertThat(failureReasons(req)).isEqualTo("Down,Down");
  }

  @Test
  void undeliverableMessagesAreSentThenEndInErrorWithACode() {
    adminJson(
            "{\"effect\": \"undeliverable\", \"statusCode\": \"131026\", \"reason\": \"Message undeliverable\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    String req = w.send("", "alice");
    assertThat(complete(req)).isEqualTo("Completed");
    assertThat(w.request(req).getInt("SuccessMessageCount")).isEqualTo(1); // sent is not delivered
    JsonPath e = w.query("SELECT MessageStatus, MessageStatusCode FROM ConversationEntry");
    assertThat(e.getString("records[0].MessageStatus")).isEqualTo("Error");
    assertThat(e.getString("records[0].MessageStatusCode")).isEqualTo("131026");
    assertThat(
            w.query("SELECT FailureReason FROM MessagingDeliveryError")
                .getString("records[0].FailureReason"))
        .isEqualTo("Message undeliverable");
    TestSimulator.api()
        .get("/__admin/outbox")
        .then()
        .body("messages[0].status", equalTo("Error"))
        .body("messages[0].statusCode", equalTo("131026"));
  }

  @Test
  void delayFaultsMakeTheSendTakeLonger() {
    adminJson("{\"effect\": \"delay\", \"delay\": \"PT30S\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    String req = w.send("", "alice");
    advance("PT5S");
    assertThat(w.status(req)).isEqualTo("InProgress");
    advance("PT30S");
    assertThat(w.status(req)).isEqualTo("Completed");
  }

  @Test
  void deliveryMovesSentDeliveredReadOnTheProfileSchedule() {
    String req = w.send("", "alice");
    advance("PT0.5S");
    assertThat(w.status(req)).isEqualTo("Completed");
    String q =
        "SELECT MessageStatus, MessageSendTime, MessageDeliverTime, MessageReadTime FROM ConversationEntry";
    assertThat(w.query(q).getString("records[0].MessageStatus")).isEqualTo("Sent");
    advance("PT2S");
    assertThat(w.query(q).getString("records[0].MessageStatus")).isEqualTo("Delivered");
    advance("PT8S");
    assertThat(w.query(q).getString("records[0].MessageStatus")).isEqualTo("Read");
    JsonPath read =
        w.query(
            q); // "unused, reserved" (ConversationEntry reference): a real org leaves them empty
    assertThat(read.getString("records[0].MessageSendTime")).isNull();
    assertThat(read.getString("records[0].MessageDeliverTime")).isNull();
    assertThat(read.getString("records[0].MessageReadTime")).isNull();
  }

  @Test
  void receiptsMoveTheEntryAtOnce() {
    String req = w.send("", "alice");
    advance("PT0.5S");
    String mid = w.request(req).getString("SuccessMessageIdentifiers");
    String q =
        "SELECT MessageStatus FROM ConversationEntry WHERE MessageIdentifier = '" + mid + "'";
    TestSimulator.api().post("/__admin/messaging/" + mid + "/delivered").then().statusCode(204);
    assertThat(w.query(q).getString("records[0].MessageStatus")).isEqualTo("Delivered");
    TestSimulator.api().post("/__admin/messaging/" + mid + "/read").then().statusCode(204);
    assertThat(w.query(q).getString("records[0].MessageStatus")).isEqualTo("Read");
    TestSimulator.api().get("/__admin/outbox").then().body("messages[0].status", equalTo("Read"));
    TestSimulator.api()
        .post("/__admin/messaging/00000000-0000-0000-0000-000000000000/read")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
  }

  private JsonPath inbound(String ref, String text) {
    return adminJson("{\"messagingEndUserId\": \"" + w.id(ref) + "\", \"text\": \"" + text + "\"}")
        .post("/__admin/messaging/inbound")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  @Test
  void inboundMakesTheNewSessionActiveOrStartsAnInboundOne() {
    JsonPath in = inbound("carol", "Where is my order?");
    String q =
        "SELECT Status, Origin, EndUserMessageCount FROM MessagingSession WHERE Id = '"
            + in.getString("messagingSessionId")
            + "'";
    assertThat(w.query(q).getString("records[0].Origin")).isEqualTo("InboundInitiated");
    assertThat(w.query(q).getString("records[0].Status")).isEqualTo("Active");
    complete(w.send("", "alice"));
    JsonPath reply = inbound("alice", "Thanks!");
    q =
        "SELECT Status, Origin, EndUserMessageCount FROM MessagingSession WHERE Id = '"
            + reply.getString("messagingSessionId")
            + "'";
    JsonPath s = w.query(q);
    assertThat(s.getString("records[0].Origin")).isEqualTo("TriggeredOutbound");
    assertThat(s.getString("records[0].Status")).isEqualTo("Active");
    assertThat(s.getInt("records[0].EndUserMessageCount")).isEqualTo(1);
    String entry =
        "SELECT ActorType, Message, Seq, ServerReceivedTimestamp, ClientDuration FROM ConversationEntry WHERE MessageIdentifier = '"
            + reply.getString("messageIdentifier")
            + "'";
    assertThat(w.query(entry).getList("records"))
        .as("not the session's first entry: created when the session ends")
        .isEmpty();
    adminJson("")
        .post("/__admin/messaging/sessions/" + reply.getString("messagingSessionId") + "/end")
        .then()
        .statusCode(200);
    JsonPath e = w.query(entry);
    assertThat(e.getString("records[0].ServerReceivedTimestamp")).isNotNull();
    assertThat(e.getInt("records[0].ClientDuration")).isZero();
    assertThat(e.getString("records[0].ActorType")).isEqualTo("EndUser");
    assertThat(e.getString("records[0].Message")).isEqualTo("Thanks!");
    assertThat(e.getInt("records[0].Seq")).isEqualTo(2);
  }

  @Test
  void stopOptsOutAndStartOptsBackIn() {
    String consent =
        "SELECT MessagingConsentStatus FROM MessagingEndUser WHERE Id = '" + w.id("alice") + "'";
    JsonPath stop = inbound("alice", "STOP");
    assertThat(w.query(consent).getString("records[0].MessagingConsentStatus"))
        .isEqualTo("OptedOut");
    assertThat(
            w.query(
                    "SELECT EntryType FROM ConversationEntry WHERE MessageIdentifier = '"
                        + stop.getString("messageIdentifier")
                        + "'")
                .getString("records[0].EntryType"))
        .isEqualTo("EndUserOptedOut");
    inbound("alice", "start");
    assertThat(w.query(consent).getString("records[0].MessagingConsentStatus"))
        .isEqualTo("ExplicitlyOptedIn");
  }

  @Test
  void enhancedChannelsBlankTheMessageAndShowEveryEntryWhenTheSessionEnds() {
    String append = "\"sessionLongevityPreference\": \"KeepSessionOpenOrAppend\"";
    String req = w.send(append, "hank");
    complete(req);
    complete(w.send(append, "hank"));
    assertThat(w.query("SELECT Id FROM ConversationEntry").getList("records"))
        .as("no first-entry exception in enhanced sessions")
        .isEmpty();
    String session =
        TestSimulator.api()
            .queryParam("requestId", req)
            .get("/__admin/outbox")
            .then()
            .extract()
            .path("messages[0].messagingSessionId");
    assertThat(
            w.query("SELECT AgentMessageCount FROM MessagingSession WHERE Id = '" + session + "'")
                .getString("records[0].AgentMessageCount"))
        .as("not calculated in enhanced sessions")
        .isNull();
    TestSimulator.api()
        .queryParam("queryDirection", "FromStart")
        .get("/services/data/v60.0/connect/conversation/" + session + "/entries")
        .then()
        .statusCode(200)
        .body("conversationEntries", hasSize(2))
        .body("conversationEntries[0].messageText", equalTo("Hi , your order 1234 has shipped."))
        .body("conversationEntries[1].sender.role", equalTo("System"));
    advance("PT48H");
    JsonPath entries = w.query("SELECT Seq, Message FROM ConversationEntry ORDER BY Seq");
    assertThat(entries.getList("records.Seq")).containsExactly(1, 2);
    assertThat(entries.getList("records.Message")).containsOnlyNulls();
    TestSimulator.api()
        .get("/services/data/v60.0/connect/conversation/0MwB00000000001/entries")
        .then()
        .statusCode(404);
  }

  @Test
  void theClockFreezesSetsAndAdvancesButNeverGoesBack() {
    TestSimulator.clock("{\"set\": \"2030-01-15T10:30:00Z\"}");
    TestSimulator.api()
        .get("/__admin/clock")
        .then()
        .statusCode(200)
        .body("now", equalTo("2030-01-15T10:30:00.000Z"))
        .body("frozen", equalTo(true));
    advance("PT48H").getString("now").equals("2030-01-17T10:30:00.000Z");
    assertThat(TestSimulator.clock("{\"advance\": \"PT1S\"}").getString("now"))
        .isEqualTo("2030-01-17T10:30:01.000Z");
    adminJson("{\"set\": \"2020-01-01T00:00:00Z\"}")
        .post("/__admin/clock")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_INPUT"));
    adminJson("{\"advance\": \"-PT1S\"}").post("/__admin/clock").then().statusCode(400);
    adminJson("{\"advance\": \"soon\"}").post("/__admin/clock").then().statusCode(400);
    String req = w.send("", "alice");
    assertThat(
            w.query("SELECT CreatedDate FROM ConvMessageSendRequest WHERE Id = '" + req + "'")
                .getString("records[0].CreatedDate"))
        .startsWith("2030-01-17T10:30:01.000");
    var resumed = TestSimulator.clock("{\"freeze\": false}");
    assertThat(resumed.getBoolean("frozen")).isFalse();
    assertThat(resumed.getString("now"))
        .as("the answer names the instant the clock runs on from")
        .isEqualTo("2030-01-17T10:30:01.000Z");
  }

  @Test
  void faultRulesAreListedCountedAndDeleted() {
    String a =
        adminJson(
                "{\"match\": {\"messagingPlatformKey\": \"sms:*\"}, \"effect\": \"fail\", \"reason\": \"x\"}")
            .post("/__admin/faults")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    adminJson("{\"effect\": \"transient\", \"times\": 1}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    TestSimulator.api()
        .get("/__admin/faults")
        .then()
        .statusCode(200)
        .body("faults", hasSize(2))
        .body("faults[0].match.messagingPlatformKey", equalTo("sms:*"))
        .body("faults[0].fired", equalTo(0));
    TestSimulator.api().delete("/__admin/faults/" + a).then().statusCode(204);
    TestSimulator.api().delete("/__admin/faults/" + a).then().statusCode(404);
    TestSimulator.api().get("/__admin/faults").then().body("faults", hasSize(1));
    TestSimulator.api().delete("/__admin/faults").then().statusCode(204);
    TestSimulator.api().get("/__admin/faults").then().body("faults", hasSize(0));
    adminJson("{\"effect\": \"explode\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_INPUT"));
    adminJson("{\"effect\": \"delay\"}").post("/__admin/faults").then().statusCode(400);
    adminJson("{\"effect\": \"fail\", \"match\": {\"messagingEndUserId\": \"nope\"}}")
        .post("/__admin/faults")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("MALFORMED_ID"));
  }
}
