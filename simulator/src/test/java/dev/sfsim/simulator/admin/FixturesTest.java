package dev.sfsim.simulator.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /__admin/fixtures}, {@code POST /__admin/reset} and {@code GET /__admin/health} as
 * the admin API contract ({@code GET /__admin/openapi.json}) says.
 */
@WithSimulator
class FixturesTest {

  private static int count(String soql) {
    return TestSimulator.api()
        .queryParam("q", soql)
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .extract()
        .path("totalSize");
  }

  private static io.restassured.response.ValidatableResponse post(String body) {
    return given()
        .baseUri(TestSimulator.baseUrl())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/__admin/fixtures")
        .then();
  }

  @Test
  void seedsRecordsWithReferencesAndComponents() {
    var r = TestSimulator.seed(Fixtures.MESSAGING);
    assertThat(r.getList("results.referenceId"))
        .containsExactly("whatsapp", "alice", "bob", "carol");
    assertThat(r.getString("results[0].id")).startsWith("0Mj").hasSize(18);
    assertThat(r.getString("results[1].id")).startsWith("0PA").hasSize(18);
    assertThat(r.getList("messagingComponents"))
        .containsExactly("Order_Shipped", "Inactive_Notice", "Welcome_Text");
    String channelId = r.getString("results[0].id");
    TestSimulator.api()
        .queryParam(
            "q",
            "SELECT Name, MessagingChannelId, MessagingConsentStatus FROM MessagingEndUser WHERE Name = 'Bob'")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .body("records[0].MessagingChannelId", equalTo(channelId))
        .body("records[0].MessagingConsentStatus", equalTo("OptedOut"));
    // Alice's consent status was given, Carol's takes the default.
    TestSimulator.api()
        .queryParam("q", "SELECT MessagingConsentStatus FROM MessagingEndUser WHERE Name = 'Carol'")
        .get("/services/data/v60.0/query")
        .then()
        .body("records[0].MessagingConsentStatus", equalTo("ImplicitlyOptedIn"));
  }

  @Test
  void oneBadRecordRejectsTheWholeBody() {
    int before = count("SELECT Id FROM MessagingChannel");
    post("""
                {"records": [
                  {"attributes": {"type": "MessagingChannel", "referenceId": "ok"}, "MasterLabel": "A", "DeveloperName": "A",
                   "MessageType": "Text", "MessagingPlatformKey": "+1555"},
                  {"attributes": {"type": "MessagingEndUser", "referenceId": "broken"}, "Name": "X", "MessagingChannelId": "@{ok.id}",
                   "MessageType": "Text", "MessagingPlatformKey": "+1556", "MessagingConsentStatus": "Maybe"}
                ]}""")
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"))
        .body(
            "[0].message",
            equalTo(
                "referenceId 'broken': Messaging Consent Status: bad value for restricted picklist field: Maybe"))
        .body("[0].fields", contains("broken"));
    assertThat(count("SELECT Id FROM MessagingChannel")).isEqualTo(before);
  }

  @Test
  void namesEachKindOfProblem() {
    post("{\"records\":[{\"attributes\":{\"type\":\"Nope\",\"referenceId\":\"r1\"}}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_TYPE"))
        .body("[0].fields", contains("r1"));
    post("{\"records\":[{\"attributes\":{\"type\":\"MessagingChannel\",\"referenceId\":\"r1\"},\"Colour\":\"red\"}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"))
        .body(
            "[0].message",
            equalTo(
                "referenceId 'r1': No such column 'Colour' on sobject of type MessagingChannel"));
    post("{\"records\":[{\"attributes\":{\"type\":\"MessagingChannel\",\"referenceId\":\"r1\"},\"MasterLabel\":\"A\"}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("REQUIRED_FIELD_MISSING"))
        .body(
            "[0].message",
            containsString(
                "Required fields are missing: [DeveloperName, MessageType, MessagingPlatformKey]"));
    post("{\"records\":[{\"attributes\":{\"type\":\"MessagingEndUser\",\"referenceId\":\"r1\"},\"Name\":\"A\",\"MessagingChannelId\":\"@{nowhere.id}\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"1\"}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_CROSS_REFERENCE_KEY"))
        .body("[0].message", containsString("@{nowhere.id}"));
    post("{\"records\":[{\"attributes\":{\"type\":\"MessagingEndUser\",\"referenceId\":\"r1\"},\"Name\":\"A\",\"MessagingChannelId\":\"001B000001LntWlIAJ\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"1\"}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("FIELD_INTEGRITY_EXCEPTION"));
    post("{\"records\":[{\"attributes\":{\"type\":\"MessagingEndUser\",\"referenceId\":\"r1\"},\"Name\":\"A\",\"MessagingChannelId\":\"0MjB000001LntWlIAJ\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"1\"}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("MALFORMED_ID"));
    post("{\"records\":[{\"attributes\":{\"type\":\"MessagingChannel\",\"referenceId\":\"r1\"},\"MasterLabel\":\"A\",\"DeveloperName\":\"A\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"1\",\"IsActive\":\"yes\"}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_TYPE_ON_FIELD_IN_RECORD"));
    post("{\"records\":[{\"attributes\":{\"type\":\"MessagingChannel\",\"referenceId\":\"r1\"},\"MasterLabel\":\"A\",\"DeveloperName\":\"A\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"1\"},"
            + "{\"attributes\":{\"type\":\"MessagingChannel\",\"referenceId\":\"r1\"},\"MasterLabel\":\"B\",\"DeveloperName\":\"B\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"2\"}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("DUPLICATE_VALUE"));
    post("{\"messagingComponents\":[{\"developerName\":\"X\",\"text\":\"t\",\"parameters\":[{\"name\":\"a\",\"dataType\":\"Colour\"}]}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"))
        .body("[0].fields", contains("X"));
    post("{\"recordz\":[]}").statusCode(400).body("[0].errorCode", equalTo("INVALID_FIELD"));
    post("not json").statusCode(400).body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
    String channel =
        "{\"attributes\":{\"type\":\"MessagingChannel\",\"referenceId\":\"%s\"},\"Id\":\"0MjSM0000000001\","
            + "\"MasterLabel\":\"A\",\"DeveloperName\":\"A\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"1\"}";
    post("{\"records\":[" + channel.formatted("a") + "," + channel.formatted("b") + "]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("DUPLICATE_VALUE"))
        .body("[0].fields", contains("b"));
    post("{\"records\":[{\"attributes\":{\"type\":\"MessagingChannel\",\"referenceId\":\"nul\"},\"MasterLabel\":\"A\\u0000B\","
            + "\"DeveloperName\":\"A\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"1\"}]}")
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_TYPE_ON_FIELD_IN_RECORD"));
  }

  @Test
  void resetRestoresStartupFixturesWithTheSameIds() {
    String first =
        TestSimulator.api()
            .queryParam("q", "SELECT Id FROM MessagingChannel")
            .get("/services/data/v60.0/query")
            .then()
            .extract()
            .path("records[0].Id");
    TestSimulator.seed(Fixtures.MESSAGING);
    assertThat(count("SELECT Id FROM MessagingChannel")).isEqualTo(2);
    TestSimulator.reset();
    TestSimulator.api()
        .queryParam("q", "SELECT Id, DeveloperName FROM MessagingChannel")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .body("totalSize", equalTo(1))
        .body("records[0].Id", equalTo(first))
        .body("records[0].DeveloperName", equalTo("Startup_SMS"));
  }

  @Test
  void resetPutsAMovedClockBackToRealTimeAndStampsTheOrgWithIt() {
    TestSimulator.reset();
    TestSimulator.reset(); // a put-back of the template the first reset may have captured
    TestSimulator.clock("{\"set\": \"2031-06-01T00:00:00Z\"}");
    TestSimulator.clock("{\"freeze\": true}");
    java.time.Instant before = java.time.Instant.now().minusSeconds(1);
    TestSimulator.reset();
    java.time.Instant after = java.time.Instant.now().plusSeconds(1);
    var clock =
        given().baseUri(TestSimulator.baseUrl()).get("/__admin/clock").then().statusCode(200);
    clock.body("frozen", equalTo(false));
    assertThat(java.time.Instant.parse(clock.extract().<String>path("now")))
        .isBetween(before, after);
    String created =
        TestSimulator.api()
            .queryParam("q", "SELECT CreatedDate FROM User LIMIT 1")
            .get("/services/data/v60.0/query")
            .then()
            .statusCode(200)
            .extract()
            .path("records[0].CreatedDate");
    assertThat(java.time.OffsetDateTime.parse(created.replace("+0000", "Z")).toInstant())
        .isBetween(before, after);
  }

  @Test
  void healthReportsUpAndTheDatabase() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("database", equalTo("embedded"));
  }

  @Test
  void outboxRejectsUnknownFilters() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .queryParam("colour", "red")
        .get("/__admin/outbox")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .queryParam("requestId", "nope")
        .get("/__admin/outbox")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("MALFORMED_ID"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/outbox")
        .then()
        .statusCode(200)
        .body("messages", hasItems());
  }
}
