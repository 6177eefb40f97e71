package dev.sfsim.samples;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Sending a WhatsApp notification with the {@code sendConversationMessages} invocable action, the
 * way an application would against a real org: log in with OAuth, invoke the action, then poll the
 * {@code ConvMessageSendRequest} record through SOQL until the asynchronous send has completed.
 *
 * <p>One of the three recipients has opted out, so the request completes with two messages sent and
 * one failed for lack of consent. The simulator's outbox (an admin endpoint) shows what the channel
 * "received".
 */
@EnabledIfDockerAvailable // skips without Docker; fails instead under SFSIM_REQUIRE_DOCKER=1 (CI)
@Testcontainers
class SendConversationMessagesIT {

  private static final String API = "/services/data/v60.0";
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  /**
   * One simulator for the whole class, of the image matching the module's version (built once when
   * missing).
   */
  @Container static SalesforceSimulatorContainer sfsim = new SalesforceSimulatorContainer();

  @BeforeAll
  static void showRequestsOfFailedAssertions() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  /** Each test starts from an empty org. */
  @BeforeEach
  void resetTheOrg() {
    given().post(sfsim.getAdminUrl() + "/reset").then().statusCode(204);
  }

  @Test
  void sendsTheNotificationToConsentingRecipientsAndReportsTheOptedOutOne() throws Exception {
    // 1. Seed the org: a WhatsApp channel, the "Order_Shipped" notification component and three end
    // users,
    //    one of whom (Bob) has opted out. See src/test/resources/fixtures/order-shipped.json.
    JsonPath seeded =
        given()
            .contentType(ContentType.JSON)
            .body(resource("/fixtures/order-shipped.json"))
            .post(sfsim.getAdminUrl() + "/fixtures")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String alice = seeded.getString("results.find { it.referenceId == 'alice' }.id");
    String bob = seeded.getString("results.find { it.referenceId == 'bob' }.id");
    String carol = seeded.getString("results.find { it.referenceId == 'carol' }.id");

    // 2. Log in: OAuth 2.0 username-password flow, exactly as against login.salesforce.com.
    JsonPath token =
        given()
            .formParam("grant_type", "password")
            .formParam("client_id", sfsim.getClientId())
            .formParam("client_secret", sfsim.getClientSecret())
            .formParam("username", sfsim.getUsername())
            .formParam("password", sfsim.getPassword())
            .post(sfsim.getTokenUrl())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String accessToken = token.getString("access_token");
    String instanceUrl = token.getString("instance_url"); // base URL of every later call

    // 3. Invoke the action. The ids go as one comma-separated string, here in their 15-character
    // form,
    //    as in Salesforce's documented sample request.
    String recipients =
        String.join(",", alice.substring(0, 15), bob.substring(0, 15), carol.substring(0, 15));
    JsonPath invocation =
        given()
            .auth()
            .oauth2(accessToken)
            .contentType(ContentType.JSON)
            .body(
                """
                        {"inputs": [{
                          "messageDefinitionName": "Order_Shipped",
                          "requestType": "SendNotificationMessages",
                          "isEnforceMessagingChannelConsent": true,
                          "allowedSessionStatus": "Any",
                          "messagingEndUserIds": "%s",
                          "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}]
                        }]}
                        """
                    .formatted(recipients))
            .post(instanceUrl + API + "/actions/standard/sendConversationMessages")
            .then()
            .statusCode(200)
            .body("[0].actionName", equalTo("sendConversationMessages"))
            .body("[0].isSuccess", equalTo(true))
            .extract()
            .jsonPath();
    String requestId = invocation.getString("[0].outputValues.requestId");
    List<String> messageIdentifiers =
        List.of(invocation.getString("[0].outputValues.messageIdentifiers").split(","));
    assertThat(messageIdentifiers).hasSize(3);

    // 4. The send is asynchronous: poll the request record until it is Completed.
    Map<String, Object> request = awaitCompleted(instanceUrl, accessToken, requestId);

    assertThat(request.get("TotalMessageCount")).isEqualTo(3);
    assertThat(request.get("SuccessMessageCount")).isEqualTo(2);
    assertThat(request.get("FailedMessageCount")).isEqualTo(1);
    assertThat(request.get("PendingMessageCount")).isEqualTo(0);
    assertThat((String) request.get("FailedMessageErrorReasons"))
        .isNotBlank()
        .containsIgnoringCase("opted");
    assertThat(request.get("CompletedDate")).isNotNull();

    // 5. What the WhatsApp channel received: the rendered text, once for Alice and once for Carol.
    JsonPath outbox =
        given()
            .queryParam("requestId", requestId)
            .get(sfsim.getAdminUrl() + "/outbox")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(outbox.getList("messages.text", String.class))
        .containsExactly("Hi! Your order 1234 has shipped.", "Hi! Your order 1234 has shipped.");
    assertThat(outbox.getList("messages.messagingEndUserId", String.class))
        .containsExactlyInAnyOrder(alice, carol);
    assertThat(outbox.getList("messages.messageIdentifier", String.class))
        .isSubsetOf(messageIdentifiers);
  }

  @Test
  void refusesAWrongPassword() {
    given()
        .formParam("grant_type", "password")
        .formParam("client_id", sfsim.getClientId())
        .formParam("client_secret", sfsim.getClientSecret())
        .formParam("username", sfsim.getUsername())
        .formParam("password", "not-the-password")
        .post(sfsim.getTokenUrl())
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", equalTo("authentication failure"));
  }

  @Test
  void refusesACallWithoutAToken() {
    given()
        .queryParam("q", "SELECT Id FROM MessagingEndUser")
        .get(sfsim.getInstanceUrl() + API + "/query")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"))
        .body("[0].message", equalTo("Session expired or invalid"));
  }

  /**
   * Polls the ConvMessageSendRequest by SOQL every 200 ms until its RequestStatus is Completed.
   *
   * @return the record's fields (JSON numbers as Integer, strings, null)
   * @throws AssertionError if it is not Completed within {@link #SEND_TIMEOUT}, or passes through
   *     an unknown status
   */
  private static Map<String, Object> awaitCompleted(
      String instanceUrl, String accessToken, String requestId) throws InterruptedException {
    String soql =
        """
                SELECT Id, Name, RequestStatus, TotalMessageCount, SuccessMessageCount, FailedMessageCount, \
                FailedMessageErrorReasons, PendingMessageCount, CompletedDate \
                FROM ConvMessageSendRequest WHERE Id = '%s'"""
            .formatted(requestId);
    List<String> statusesSeen = new ArrayList<>();
    Instant deadline = Instant.now().plus(SEND_TIMEOUT);
    while (true) {
      Map<String, Object> request =
          given()
              .auth()
              .oauth2(accessToken)
              .queryParam("q", soql)
              .get(instanceUrl + API + "/query")
              .then()
              .statusCode(200)
              .body("totalSize", equalTo(1))
              .extract()
              .jsonPath()
              .getMap("records[0]");
      String status = (String) request.get("RequestStatus");
      statusesSeen.add(status);
      assertThat(status).as("RequestStatus").isIn("Pending", "InProgress", "Completed");
      if ("Completed".equals(status)) {
        return request;
      }
      if (Instant.now().isAfter(deadline)) {
        fail(
            "Request %s not Completed within %s; statuses seen: %s",
            requestId, SEND_TIMEOUT, statusesSeen);
      }
      Thread.sleep(200);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SendConversationMessagesIT.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
