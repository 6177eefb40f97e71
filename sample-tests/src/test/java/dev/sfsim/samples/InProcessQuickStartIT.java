package dev.sfsim.samples;

import static dev.sfsim.testcontainers.junit.SalesforceSimulatorTest.Mode.IN_PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfsim.testcontainers.admin.SendRequestStatus;
import dev.sfsim.testcontainers.junit.SalesforceSimulator;
import dev.sfsim.testcontainers.junit.SalesforceSimulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@SalesforceSimulatorTest(mode = IN_PROCESS, latencyProfile = "instant")
class InProcessQuickStartIT {

  static final String ORG =
      """
            {"messagingComponents": [{"developerName": "Order_Shipped", "componentType": "Notification",
               "isActive": true, "text": "Order {!orderNumber} has shipped.",
               "parameters": [{"name": "orderNumber", "dataType": "Text", "required": true}]}],
             "records": [
               {"attributes": {"type": "MessagingChannel", "referenceId": "sms"}, "MasterLabel": "SMS",
                "DeveloperName": "SMS_US", "MessageType": "Text", "MessagingPlatformKey": "+15550100", "IsActive": true},
               {"attributes": {"type": "MessagingEndUser", "referenceId": "alice"}, "Name": "Alice",
                "MessagingChannelId": "@{sms.id}", "MessageType": "Text", "MessagingPlatformKey": "+15550101",
                "MessagingConsentStatus": "ExplicitlyOptedIn"}]}""";

  @Test
  void sendsANotification(SalesforceSimulator sfsim) throws Exception {
    String alice = sfsim.admin().loadFixtures(ORG).idOf("alice");

    // What your code does against a real org: POST the sendConversationMessages action with a
    // Bearer token.
    String body =
        """
                {"inputs": [{"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages",
                  "messagingEndUserIds": "%s",
                  "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}]}]}"""
            .formatted(alice);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sfsim.getDataUrl() + "/actions/standard/sendConversationMessages"))
                    .header("Authorization", "Bearer " + sfsim.getAccessToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    String requestId = response.body().replaceAll("(?s).*\"requestId\"\\s*:\\s*\"(\\w+)\".*", "$1");

    SendRequestStatus done = sfsim.admin().awaitRequestCompleted(requestId, Duration.ofSeconds(10));
    assertEquals(1, done.successMessageCount());
    assertEquals("Order 1234 has shipped.", sfsim.admin().outboxOfRequest(requestId).get(0).text());
  }
}
