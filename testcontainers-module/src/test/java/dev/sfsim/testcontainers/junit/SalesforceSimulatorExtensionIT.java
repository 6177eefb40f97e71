package dev.sfsim.testcontainers.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.testcontainers.LatencyProfile;
import dev.sfsim.testcontainers.TestCalls;
import dev.sfsim.testcontainers.admin.FixturesResult;
import dev.sfsim.testcontainers.admin.JournalEntry;
import dev.sfsim.testcontainers.admin.SendRequestStatus;
import dev.sfsim.testcontainers.admin.SimulatorAdminException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The extension and the admin client against the image: reset before each test, the awaiter, the
 * journal helpers.
 */
@SalesforceSimulatorTest(
    fixtures = {"fixtures/channel.json", "fixtures/component.json"},
    latencyProfile = LatencyProfile.INSTANT)
class SalesforceSimulatorExtensionIT {
  static final String END_USERS =
      """
            {"records": [
              {"attributes": {"type": "MessagingEndUser", "referenceId": "alice"}, "Name": "Alice",
               "MessagingChannelId": "%1$s", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550101",
               "MessagingConsentStatus": "ImplicitlyOptedIn"},
              {"attributes": {"type": "MessagingEndUser", "referenceId": "bob"}, "Name": "Bob",
               "MessagingChannelId": "%1$s", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550102",
               "MessagingConsentStatus": "OptedOut"}]}""";

  static String channelId(SalesforceSimulator sfsim) {
    return sfsim
        .session()
        .queryId("SELECT Id FROM MessagingChannel WHERE DeveloperName = 'WhatsApp_US'");
  }

  static String invoke(SalesforceSimulator sfsim, String recipients) throws Exception {
    return TestCalls.sendOrderShipped(sfsim.getDataUrl(), sfsim.getAccessToken(), recipients);
  }

  @Test
  void sendsAwaitsAndVerifies(SalesforceSimulator sfsim) throws Exception {
    FixturesResult seeded = sfsim.admin().loadFixtures(END_USERS.formatted(channelId(sfsim)));
    String alice = seeded.idOf("alice");
    String bob = seeded.idOf("bob");

    String requestId = invoke(sfsim, alice + "," + bob);
    SendRequestStatus done =
        sfsim.assertions().awaitRequestCompleted(requestId, Duration.ofSeconds(30));

    assertThat(done.totalMessageCount()).isEqualTo(2);
    assertThat(done.successMessageCount()).isEqualTo(1);
    assertThat(done.failedMessageCount()).isEqualTo(1);
    assertThat(sfsim.admin().outboxOfRequest(requestId))
        .singleElement()
        .satisfies(m -> assertThat(m.messagingEndUserId()).isEqualTo(alice))
        .satisfies(m -> assertThat(m.text()).isEqualTo("Your order 1234 has shipped."));
    JournalEntry call =
        sfsim.assertions().verifyConversationMessagesSent(bob, alice.substring(0, 15));
    assertThat(call.headers()).containsEntry("Authorization", "Bearer ****");
    assertThatThrownBy(() -> sfsim.assertions().verifyConversationMessagesSent(alice))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Closest request")
        .hasMessageContaining("/actions/standard/sendConversationMessages")
        .hasMessageContaining("\"messageDefinitionName\": \"Order_Shipped\"");
  }

  @Test
  void awaitsWithANewLoginWhenTheLastTokenWasRevoked(SalesforceSimulator sfsim) throws Exception {
    String alice = sfsim.admin().loadFixtures(END_USERS.formatted(channelId(sfsim))).idOf("alice");
    String token = sfsim.getAccessToken();
    String requestId = TestCalls.sendOrderShipped(sfsim.getDataUrl(), token, alice);
    HttpResponse<String> revoked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(sfsim.getInstanceUrl() + "/services/oauth2/revoke"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(revoked.statusCode()).isEqualTo(200);

    assertThat(
            sfsim
                .assertions()
                .awaitRequestCompleted(requestId, Duration.ofSeconds(30))
                .successMessageCount())
        .isEqualTo(1);
  }

  @Test
  void startsEachTestFromTheStartupFixtures(SalesforceSimulator sfsim) {
    assertThat(sfsim.session().query("SELECT Id FROM MessagingEndUser")).isEmpty();
    assertThat(sfsim.session().query("SELECT Id FROM MessagingChannel")).hasSize(1);
    assertThat(sfsim.admin().outbox()).isEmpty();
    sfsim.assertions().verifyNoConversationMessagesSent();
    // the test before may have sent messages; and this one seeds, so the next one proves the reset
    // too
    sfsim.admin().loadFixtures(END_USERS.formatted(channelId(sfsim)));
  }

  @Test
  void startsEachTestFromTheStartupFixturesAgain(SalesforceSimulator sfsim) {
    startsEachTestFromTheStartupFixtures(sfsim);
  }

  @Test
  void refusedAdminCallsCarryTheStatusAndSalesforceError(SalesforceSimulator sfsim) {
    assertThatThrownBy(
            () ->
                sfsim
                    .admin()
                    .loadFixtures(
                        "{\"records\": [{\"attributes\": {\"type\": \"Nope\", \"referenceId\": \"x\"}}]}"))
        .isInstanceOfSatisfying(
            SimulatorAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.body()).contains("\"fields\":[\"x\"]");
            });
    assertThatThrownBy(() -> sfsim.assertions().verifyRequested("DELETE", "/services/data"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a request DELETE /services/data");
  }
}
