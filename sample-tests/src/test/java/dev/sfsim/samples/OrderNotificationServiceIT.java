package dev.sfsim.samples;

import static dev.sfsim.testcontainers.LatencyProfile.INSTANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.samples.app.OrderNotificationService;
import dev.sfsim.samples.app.SalesforceConnection;
import dev.sfsim.testcontainers.admin.FixturesResult;
import dev.sfsim.testcontainers.admin.SendRequestStatus;
import dev.sfsim.testcontainers.junit.SalesforceSimulator;
import dev.sfsim.testcontainers.junit.SalesforceSimulatorTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example application ({@link OrderNotificationService}) against the simulator, with the JUnit
 * 5 extension: one container for the whole test run, the org back to its startup fixtures before
 * each test, and a {@link SalesforceSimulator} handle for URLs, credentials and the admin client.
 */
// quick-start:begin
@SalesforceSimulatorTest(fixtures = "fixtures/order-shipped.json", latencyProfile = INSTANT)
class OrderNotificationServiceIT {

  OrderNotificationService service;
  FixturesResult org;

  @BeforeEach
  void connect(SalesforceSimulator sfsim) throws Exception {
    // The application logs in as it would against login.salesforce.com, with the simulator's URL
    // and credentials.
    service =
        new OrderNotificationService(
            SalesforceConnection.login(
                sfsim.getTokenUrl(),
                sfsim.getClientId(),
                sfsim.getClientSecret(),
                sfsim.getUsername(),
                sfsim.getPassword()));
    org =
        sfsim
            .admin()
            .loadFixtures(
                """
                {"records": [{"attributes": {"type": "MessagingEndUser", "referenceId": "dave"}, "Name": "Dave",
                  "MessagingChannelId": "%s", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550104",
                  "MessagingConsentStatus": "ExplicitlyOptedIn"}]}"""
                    .formatted(sfsim.session().queryId("SELECT Id FROM MessagingChannel")));
  }

  @Test
  void notifiesTheCustomersWhoConsented(SalesforceSimulator sfsim) throws Exception {
    String alice = id(sfsim, "Alice");
    String bob = id(sfsim, "Bob"); // opted out

    String requestId = service.notifyShipped("1234", List.of(alice, bob));

    // What the application sent, and what the WhatsApp channel received.
    sfsim.assertions().verifyConversationMessagesSent(alice, bob);
    SendRequestStatus done =
        sfsim.assertions().awaitRequestCompleted(requestId, Duration.ofSeconds(30));
    assertThat(done.successMessageCount()).isEqualTo(1);
    assertThat(done.failedMessageCount()).isEqualTo(1);
    assertThat(sfsim.admin().outboxOfRequest(requestId))
        .extracting(m -> m.messagingEndUserId() + ": " + m.text())
        .containsExactly(alice + ": Hi! Your order 1234 has shipped.");

    // How the application reports it.
    OrderNotificationService.Delivery delivery = service.delivery(requestId);
    assertThat(delivery.done()).isTrue();
    assertThat(delivery.failureReasons()).isEqualTo("EndUserIsNotOptedIn");
  }

  // quick-start:end

  @Test
  void seesFixturesLoadedInTheTestAndNothingFromOtherTests(SalesforceSimulator sfsim)
      throws Exception {
    String dave = org.idOf("dave");

    String requestId = service.notifyShipped("5678", List.of(dave));

    assertThat(
            sfsim
                .assertions()
                .awaitRequestCompleted(requestId, Duration.ofSeconds(30))
                .successMessageCount())
        .isEqualTo(1);
    assertThat(sfsim.admin().outbox())
        .singleElement()
        .satisfies(m -> assertThat(m.messagingEndUserId()).isEqualTo(dave));
  }

  private static String id(SalesforceSimulator sfsim, String name) {
    return sfsim.session().queryId("SELECT Id FROM MessagingEndUser WHERE Name = '" + name + "'");
  }
}
