package dev.sfsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.testcontainers.admin.AdminEvents;
import dev.sfsim.testcontainers.admin.ClockState;
import dev.sfsim.testcontainers.admin.EventType;
import dev.sfsim.testcontainers.admin.FaultEffect;
import dev.sfsim.testcontainers.admin.FaultRule;
import dev.sfsim.testcontainers.admin.FixturesResult;
import dev.sfsim.testcontainers.admin.HealthStatus;
import dev.sfsim.testcontainers.admin.InboundMessage;
import dev.sfsim.testcontainers.admin.MessagingSessionStatus;
import dev.sfsim.testcontainers.admin.OAuthCertificate;
import dev.sfsim.testcontainers.admin.OrgCredentials;
import dev.sfsim.testcontainers.admin.OutboxMessage;
import dev.sfsim.testcontainers.admin.SendRequestStatus;
import dev.sfsim.testcontainers.admin.SessionStatus;
import dev.sfsim.testcontainers.admin.SimulatorAdminClient;
import dev.sfsim.testcontainers.admin.SimulatorAdminException;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint of the admin API (admin API contract: {@code GET /__admin/openapi.json}) through
 * {@link SimulatorAdminClient}, against the image, each checked by what it changes in the org as
 * user code sees it (SOQL, the token endpoint, the outbox). Realistic latency with the clock frozen
 * where timing matters, so nothing depends on real time; immediate conversation entries, so entries
 * of the enhanced channel are visible through SOQL at once.
 */
@EnabledIfDockerAvailable
class AdminClientIT {
  static final String END_USERS =
      """
            {"records": [
              {"attributes": {"type": "MessagingEndUser", "referenceId": "alice"}, "Name": "Alice",
               "MessagingChannelId": "%1$s", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550101",
               "MessagingConsentStatus": "ImplicitlyOptedIn"},
              {"attributes": {"type": "MessagingEndUser", "referenceId": "carol"}, "Name": "Carol",
               "MessagingChannelId": "%1$s", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550103",
               "MessagingConsentStatus": "ImplicitlyOptedIn"}]}""";
  static final String NOT_WHATSAPP = "Recipient phone number is not a WhatsApp account";

  static final ObjectMapper JSON = new ObjectMapper();

  static SalesforceSimulatorContainer sfsim;
  static SimulatorAdminClient admin;

  String alice;
  String carol;

  @BeforeAll
  static void start() {
    sfsim =
        new SalesforceSimulatorContainer(
                System.getProperty("sfsim.image", "sfsim/simulator:latest"))
            .withFixtures("fixtures/channel.json")
            .withFixtures("fixtures/component.json")
            .withConversationEntries(ConversationEntries.IMMEDIATE);
    sfsim.start();
    admin = sfsim.getAdminClient();
  }

  @AfterAll
  static void stop() {
    if (sfsim != null) {
      sfsim.stop();
    }
  }

  @BeforeEach
  void seed() {
    admin.reset();
    String channel =
        admin
            .session()
            .queryId("SELECT Id FROM MessagingChannel WHERE DeveloperName = 'WhatsApp_US'");
    FixturesResult seeded = admin.loadFixtures(END_USERS.formatted(channel));
    alice = seeded.idOf("alice");
    carol = seeded.idOf("carol");
  }

  @Test
  void health() {
    HealthStatus health = admin.health();
    assertThat(health.status()).isEqualTo(HealthStatus.State.UP);
    assertThat(health.database()).isEqualTo(HealthStatus.Database.EMBEDDED);
    assertThat(health.version()).isNotBlank();
  }

  @Test
  void aFrozenSetClockStampsWhatTheOrgWrites() {
    Instant at = Instant.parse("2031-03-04T05:06:07Z");
    assertThat(admin.freezeClock().frozen()).isTrue();
    assertThat(admin.setClock(at)).isEqualTo(new ClockState(at, true));
    assertThat(admin.clock()).isEqualTo(new ClockState(at, true));

    String requestId = send(alice);
    assertThat(
            one("SELECT CreatedDate FROM ConvMessageSendRequest WHERE Id = '" + requestId + "'")
                .path("CreatedDate")
                .asText())
        .isEqualTo("2031-03-04T05:06:07.000+0000");
    assertThatThrownBy(() -> admin.setClock(at.minusSeconds(1)))
        .isInstanceOfSatisfying(
            SimulatorAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.body()).contains("backwards");
            });

    ClockState running = admin.unfreezeClock();
    assertThat(running.frozen()).isFalse();
    assertThat(running.now()).isEqualTo(at);
  }

  @Test
  void advancingTheClockEndsTheMessagingSessionAndTheAccessToken() throws Exception {
    admin.freezeClock();
    String token = sfsim.getAccessToken();
    String requestId = send(alice);
    assertThat(admin.outboxOfRequest(requestId))
        .as("nothing is due while the clock stands still")
        .isEmpty();

    admin.advanceClock(Duration.ofSeconds(1));
    OutboxMessage sent = admin.outboxOfRequest(requestId).get(0);
    assertThat(sessionStatus(sent.messagingSessionId())).isEqualTo("New");
    assertThat(get("/query?q=SELECT+Id+FROM+MessagingSession", token).statusCode()).isEqualTo(200);

    Instant before = admin.clock().now();
    ClockState after = admin.advanceClock(Duration.ofHours(48));
    assertThat(after.now()).isEqualTo(before.plus(Duration.ofHours(48)));
    assertThat(sessionStatus(sent.messagingSessionId()))
        .as("48 hours without a reply")
        .isEqualTo("Ended");
    HttpResponse<String> expired = get("/query?q=SELECT+Id+FROM+MessagingSession", token);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("INVALID_SESSION_ID");

    assertThatThrownBy(() -> admin.advanceClock(Duration.ZERO))
        .isInstanceOfSatisfying(
            SimulatorAdminException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aFailFaultShowsItsReasonInTheSendRequest() {
    String ruleId =
        admin.addFault(
            FaultRule.fail(Map.of("messagingEndUserId", alice), NOT_WHATSAPP, "INVALID_RECIPIENT"));

    SendRequestStatus done =
        admin.assertions().awaitRequestCompleted(send(alice + "," + carol), Duration.ofSeconds(30));
    assertThat(done.failedMessageCount()).isEqualTo(1);
    assertThat(done.successMessageCount()).isEqualTo(1);
    assertThat(done.failedMessageErrorReasons()).contains(NOT_WHATSAPP);
    assertThat(admin.faults())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(ruleId);
              assertThat(r.effect()).isEqualTo(FaultEffect.FAIL);
              assertThat(r.match()).containsEntry("messagingEndUserId", alice);
              assertThat(r.fired()).isEqualTo(1);
            });

    admin.removeFault(ruleId);
    assertThat(admin.faults()).isEmpty();
    assertThat(
            admin
                .assertions()
                .awaitRequestCompleted(send(alice), Duration.ofSeconds(30))
                .successMessageCount())
        .isEqualTo(1);
    assertThatThrownBy(() -> admin.removeFault(ruleId))
        .isInstanceOfSatisfying(
            SimulatorAdminException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void theEventAwaiterSeesTheSendWithoutPolling() {
    try (AdminEvents events = admin.openEvents()) {
      String requestId = send(alice);
      Map<String, Object> sent =
          events.await(
              EventType.MESSAGE_SENT,
              e -> requestId.equals(e.get("requestId")),
              Duration.ofSeconds(30));
      assertThat(sent).containsEntry("messagingEndUserId", alice).containsEntry("status", "Sent");
      Map<String, Object> done =
          events.await(
              EventType.REQUEST_PROGRESSED,
              e ->
                  requestId.equals(e.get("requestId"))
                      && "Completed".equals(e.get("requestStatus")),
              Duration.ofSeconds(30));
      assertThat(done)
          .containsEntry("successMessageCount", 1)
          .containsEntry("totalMessageCount", 1);
    }
    assertThatThrownBy(() -> admin.assertions().awaitEvent(e -> false, Duration.ofMillis(300)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No matching admin event within PT0.3S");
  }

  @Test
  void aTransientFaultIsRetriedUntilTheSendSucceeds() {
    admin.freezeClock();
    admin.addFault(
        FaultRule.transientFailure(
            Map.of("messagingPlatformKey", "whatsapp:+1555*"), "Channel busy", 2));
    String requestId = send(alice);

    admin.advanceClock(Duration.ofSeconds(1));
    assertThat(request(requestId).path("RequestStatus").asText())
        .as("back to Pending after a failure")
        .isEqualTo("Pending");
    admin.advanceClock(Duration.ofMinutes(1)); // retries after 5 s and 10 s
    JsonNode done = request(requestId);
    assertThat(done.path("RequestStatus").asText()).isEqualTo("Completed");
    assertThat(done.path("SuccessMessageCount").asInt()).isEqualTo(1);
    assertThat(admin.faults()).singleElement().satisfies(r -> assertThat(r.fired()).isEqualTo(2));
  }

  @Test
  void anUndeliverableFaultEndsTheEntryInError() {
    admin.freezeClock();
    admin.addFault(
        FaultRule.undeliverable(Map.of("messagingEndUserId", carol), "RECIPIENT_BLOCKED"));
    String requestId = send(carol);
    admin.advanceClock(Duration.ofMinutes(1));

    assertThat(request(requestId).path("SuccessMessageCount").asInt())
        .as("sent is not delivered")
        .isEqualTo(1);
    OutboxMessage m = admin.outboxOfRequest(requestId).get(0);
    JsonNode entry = entry(m.messageIdentifier());
    assertThat(entry.path("MessageStatus").asText()).isEqualTo("Error");
    assertThat(entry.path("MessageStatusCode").asText()).isEqualTo("RECIPIENT_BLOCKED");
    assertThat(admin.session().query("SELECT Id FROM MessagingDeliveryError")).hasSize(1);
  }

  @Test
  void aDelayFaultHoldsTheSendBack() {
    admin.freezeClock();
    admin.addFault(FaultRule.delay(Map.of(), Duration.ofSeconds(30)));
    String requestId = send(alice);

    admin.advanceClock(Duration.ofSeconds(5));
    assertThat(admin.outboxOfRequest(requestId)).as("30 s later than usual").isEmpty();
    admin.advanceClock(Duration.ofSeconds(30));
    assertThat(admin.outboxOfRequest(requestId)).hasSize(1);

    admin.removeAllFaults();
    assertThat(admin.faults()).isEmpty();
  }

  @Test
  void anInboundMessageCreatesAnEndUserEntryAndStopOptsOut() {
    InboundMessage in = admin.conversation().sendInbound(alice, "Where is my order?");

    JsonNode session =
        one(
            "SELECT Status, Origin, EndUserMessageCount FROM MessagingSession WHERE Id = '"
                + in.messagingSessionId()
                + "'");
    assertThat(session.path("Status").asText()).isEqualTo("Active");
    assertThat(session.path("Origin").asText()).isEqualTo("InboundInitiated");
    assertThat(session.path("EndUserMessageCount").asInt()).isEqualTo(1);
    JsonNode entry = entry(in.messageIdentifier());
    assertThat(entry.path("ConversationId").asText()).isEqualTo(in.messagingSessionId());
    assertThat(entry.path("ActorType").asText()).isEqualTo("EndUser");
    assertThat(entry.path("EntryType").asText()).isEqualTo("Text");
    assertThat(entry.path("Message").asText()).isEqualTo("Where is my order?");

    InboundMessage stop = admin.conversation().sendInbound(alice, "STOP");
    SessionStatus ended =
        admin
            .conversation()
            .endSession(
                in.messagingSessionId()); // later entries appear when the agent closes the session
    assertThat(ended.status()).isEqualTo(MessagingSessionStatus.ENDED);
    assertThat(ended.previousStatus()).isEqualTo(MessagingSessionStatus.ACTIVE);
    assertThat(entry(stop.messageIdentifier()).path("EntryType").asText())
        .isEqualTo("EndUserOptedOut");
    assertThatThrownBy(() -> admin.conversation().acceptSession(in.messagingSessionId()))
        .isInstanceOfSatisfying(
            SimulatorAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.body()).contains("INVALID_STATUS");
            });
    assertThat(
            one("SELECT MessagingConsentStatus FROM MessagingEndUser WHERE Id = '" + alice + "'")
                .path("MessagingConsentStatus")
                .asText())
        .isEqualTo("OptedOut");

    assertThatThrownBy(() -> admin.conversation().sendInbound("001000000000000AAA", "hi"))
        .isInstanceOfSatisfying(
            SimulatorAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.body()).contains("MALFORMED_ID");
            });
  }

  @Test
  void receiptsMoveTheEntrysMessageStatus() {
    admin.freezeClock(); // realistic latency: Delivered 2 s and Read 10 s after the send, unless a
    // receipt comes first
    String requestId = send(alice);
    admin.advanceClock(Duration.ofSeconds(1));
    OutboxMessage sent = admin.outboxOfRequest(requestId).get(0);
    assertThat(entry(sent.messageIdentifier()).path("MessageStatus").asText()).isEqualTo("Sent");

    admin.conversation().markDelivered(sent.messageIdentifier());
    assertThat(entry(sent.messageIdentifier()).path("MessageStatus").asText())
        .isEqualTo("Delivered");
    assertThat(admin.outboxOfRequest(requestId).get(0).deliveredAt()).isNotNull();

    admin.conversation().markRead(sent.messageIdentifier());
    JsonNode read = entry(sent.messageIdentifier());
    assertThat(read.path("MessageStatus").asText()).isEqualTo("Read");
    assertThat(read.path("MessageReadTime").isNull()).as("unused, reserved in a real org").isTrue();
    assertThat(admin.outbox(Map.of("status", "Read"))).hasSize(1);
  }

  @Test
  void theJournalListsFiltersAndClears() {
    admin.clearRequests();
    assertThat(admin.requests()).isEmpty();
    admin.session().query("SELECT Id FROM Organization");
    assertThat(admin.requests("GET", "/services/data", null))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(200));
    assertThat(admin.requests("POST", "/services/oauth2/token", null)).hasSize(1);
    assertThat(admin.requests(null, null, Instant.now().plusSeconds(3600))).isEmpty();
  }

  @Test
  void eachOrgHasItsOwnDataAndClock() {
    OrgCredentials org =
        admin.createOrg(
            "{\"records\": [{\"attributes\": {\"type\": \"Account\", \"referenceId\": \"a\"}, \"Name\": \"Only here\"}]}");
    try {
      SimulatorAdminClient other = admin.forOrg(org);
      assertThat(admin.orgs()).extracting(OrgCredentials::orgId).contains(org.orgId());
      assertThat(other.session().query("SELECT Name FROM Account"))
          .extracting(a -> a.get("Name"))
          .containsExactly("Only here");
      assertThat(admin.session().query("SELECT Name FROM Account")).isEmpty();

      Instant defaultBefore = admin.clock().now();
      ClockState moved = other.advanceClock(Duration.ofDays(3));
      assertThat(moved.now()).isAfter(defaultBefore.plus(Duration.ofDays(3)).minusSeconds(60));
      assertThat(admin.clock().now())
          .as("the default org's clock did not move")
          .isBefore(defaultBefore.plus(Duration.ofHours(1)));
    } finally {
      admin.deleteOrg(org.orgId());
    }
    assertThat(admin.orgs()).extracting(OrgCredentials::orgId).doesNotContain(org.orgId());
  }

  @Test
  void certificatesAreRegisteredListedAndKeptByAReset(@TempDir Path dir) throws Exception {
    admin.removeCertificates();
    OAuthCertificate registered =
        admin.registerCertificate(TestCalls.selfSignedPem(dir, "CN=sfsim test"));
    assertThat(registered.subject()).contains("CN=sfsim test");
    assertThat(registered.notAfter()).isAfter(Instant.now().plus(Duration.ofDays(29)));

    admin.reset();
    assertThat(admin.certificates())
        .as("configuration, kept by a reset")
        .containsExactly(registered);
    admin.removeCertificates();
    assertThat(admin.certificates()).isEmpty();
    assertThatThrownBy(() -> admin.registerCertificate("not a certificate"))
        .isInstanceOfSatisfying(
            SimulatorAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.body()).contains("INVALID_CERTIFICATE");
            });
  }

  // ---- helpers: the data API as user code calls it

  /** A fresh self-signed RSA certificate in PEM form, made by the JDK's keytool. */
  private static String send(String recipients) {
    try {
      return TestCalls.sendOrderShipped(sfsim.getDataUrl(), sfsim.getAccessToken(), recipients);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(sfsim.getDataUrl() + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The only record of a query, as a JSON tree for the assertions below. */
  private static JsonNode one(String soql) {
    List<Map<String, Object>> records = admin.session().query(soql);
    assertThat(records).as(soql).hasSize(1);
    return JSON.valueToTree(records.get(0));
  }

  private static JsonNode request(String requestId) {
    return one(
        "SELECT RequestStatus, SuccessMessageCount FROM ConvMessageSendRequest WHERE Id = '"
            + requestId
            + "'");
  }

  private static String sessionStatus(String sessionId) {
    return one("SELECT Status FROM MessagingSession WHERE Id = '" + sessionId + "'")
        .path("Status")
        .asText();
  }

  private static JsonNode entry(String messageIdentifier) {
    return one(
        "SELECT ConversationId, ActorType, EntryType, Message, MessageStatus, MessageStatusCode, MessageReadTime "
            + "FROM ConversationEntry WHERE MessageIdentifier = '"
            + messageIdentifier
            + "'");
  }
}
