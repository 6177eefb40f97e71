package dev.sfsim.simulator.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Org-level resources: resource map, /limits, action listing and describe, generic 405, XML and
 * oversized bodies.
 */
class OrgRoutesTest {
  private static final String B = "/services/data/v60.0";
  private static final String ACTION = B + "/actions/standard/sendConversationMessages";

  @Test
  void resourceMapNamesEveryServedResource() {
    TestSimulator.api()
        .get(B + "/")
        .then()
        .statusCode(200)
        .body("sobjects", equalTo(B + "/sobjects"))
        .body("composite", equalTo(B + "/composite"))
        .body("limits", equalTo(B + "/limits"))
        .body("actions", equalTo(B + "/actions"));
  }

  @Test
  void limitsCountRealCalls() {
    String token = TestSimulator.token();
    Response first =
        given()
            .baseUri(TestSimulator.baseUrl())
            .header("Authorization", "Bearer " + token)
            .get(B + "/limits");
    first
        .then()
        .statusCode(200)
        .header("Sforce-Limit-Info", matchesPattern("api-usage=\\d+/15000"))
        .body("DailyApiRequests.Max", equalTo(15000))
        .body("DataStorageMB.Max", equalTo(5));
    int remaining = first.path("DailyApiRequests.Remaining");
    given()
        .baseUri(TestSimulator.baseUrl())
        .header("Authorization", "Bearer " + token)
        .get(B + "/sobjects")
        .then()
        .statusCode(200);
    int after =
        given()
            .baseUri(TestSimulator.baseUrl())
            .header("Authorization", "Bearer " + token)
            .get(B + "/limits")
            .then()
            .extract()
            .path("DailyApiRequests.Remaining");
    assertThat(after).isLessThanOrEqualTo(remaining - 2);
    String used = first.header("Sforce-Limit-Info").replaceAll("api-usage=(\\d+)/15000", "$1");
    assertThat(Integer.parseInt(used)).isEqualTo(15000 - remaining);
  }

  @Test
  void actionsListAndDescribe() {
    TestSimulator.api()
        .get(B + "/actions")
        .then()
        .statusCode(200)
        .body("standard", equalTo(B + "/actions/standard"))
        .body("custom", equalTo(B + "/actions/custom"));
    TestSimulator.api()
        .get(B + "/actions/standard")
        .then()
        .statusCode(200)
        .body(
            "actions",
            equalTo(
                List.of(
                    Map.of(
                        "label",
                        "Send Conversation Messages",
                        "name",
                        "sendConversationMessages",
                        "type",
                        "SEND_CONVERSATION_MESSAGES",
                        "url",
                        ACTION))));
    TestSimulator.api()
        .get("/services/data/v58.0/actions/standard")
        .then()
        .body("actions", equalTo(List.of()));
    Response d = TestSimulator.api().get(ACTION);
    d.then()
        .statusCode(200)
        .body("name", equalTo("sendConversationMessages"))
        .body("standard", equalTo(true))
        .body("inputs.find { it.name == 'messagingEndUserIds' }.maxOccurs", equalTo(100))
        .body("inputs.find { it.name == 'messagingEndUserIds' }.required", equalTo(true))
        .body(
            "inputs.find { it.name == 'isEnforceMessagingChannelConsent' }.type",
            equalTo("BOOLEAN"))
        .body("inputs.find { it.name == 'channelConsentType' }", equalTo(null))
        .body("outputs.name", equalTo(List.of("requestId", "messageIdentifiers")));
    TestSimulator.api()
        .get("/services/data/v62.0/actions/standard/sendConversationMessages")
        .then()
        .body("inputs.find { it.name == 'channelConsentType' }.type", equalTo("STRING"));
    TestSimulator.api().head(ACTION).then().statusCode(200);
    TestSimulator.api()
        .get("/services/data/v58.0/actions/standard/sendConversationMessages")
        .then()
        .statusCode(404);
    TestSimulator.api().get(B + "/actions/standard/emailSimple").then().statusCode(404);
    Response notModified =
        TestSimulator.api()
            .header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")
            .get(ACTION);
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body().asString()).isEmpty();
  }

  @Test
  void wrongMethodListsTheAllowedOnes() {
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body("{}")
        .patch(ACTION)
        .then()
        .statusCode(405)
        .body("[0].errorCode", equalTo("METHOD_NOT_ALLOWED"))
        .body("[0].message", equalTo("HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD,POST"));
  }

  @Test
  void xmlIsRefusedLoudlyWhereNotEmulated() {
    TestSimulator.api()
        .accept("application/xml")
        .get(B + "/composite/sobjects/Account?ids=001000000000001AAA&fields=Id")
        .then()
        .statusCode(501)
        .contentType("application/xml")
        .body("Errors.Error.errorCode", equalTo("NOT_SUPPORTED_BY_SIMULATOR"));
    TestSimulator.api()
        .accept("text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")
        .get(B + "/sobjects/Account/describe")
        .then()
        .statusCode(200);
  }

  @Test
  void oversizedBodiesAreRefused() {
    String big = "{\"Name\":\"" + "x".repeat((int) HttpServer.MAX_REQUEST_BYTES + 10) + "\"}";
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body(big)
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(413)
        .body("[0].errorCode", equalTo("REQUEST_ENTITY_TOO_LARGE"));
  }
}
