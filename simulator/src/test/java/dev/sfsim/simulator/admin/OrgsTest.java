package dev.sfsim.simulator.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST/GET/DELETE /__admin/orgs} and the per-org admin paths: every org isolated from the
 * others.
 */
class OrgsTest {
  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void reset() {
    TestSimulator.reset();
  }

  @AfterEach
  void dropOrgs() {
    created.forEach(id -> given().baseUri(TestSimulator.baseUrl()).delete("/__admin/orgs/" + id));
  }

  private JsonPath createOrg(String body) {
    var request = given().baseUri(TestSimulator.baseUrl());
    if (body != null) {
      request = request.contentType(ContentType.JSON).body(body);
    }
    JsonPath org = request.post("/__admin/orgs").then().statusCode(201).extract().jsonPath();
    created.add(org.getString("orgId"));
    return org;
  }

  private static String token(JsonPath org) {
    return given()
        .baseUri(TestSimulator.baseUrl())
        .contentType(ContentType.URLENC)
        .formParams(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                org.getString("clientId"),
                "client_secret",
                org.getString("clientSecret"),
                "username",
                org.getString("username"),
                "password",
                org.getString("password")))
        .post("/services/oauth2/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private static List<String> endUsers(String token) {
    return given()
        .baseUri(TestSimulator.baseUrl())
        .header("Authorization", "Bearer " + token)
        .queryParam("q", "SELECT Name FROM MessagingEndUser ORDER BY Name")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("records.Name");
  }

  @Test
  void createsAnOrgWithItsOwnIdsAndCredentials() {
    JsonPath org = createOrg(null);

    assertThat(org.getString("orgId"))
        .startsWith("00D")
        .hasSize(18)
        .isNotEqualTo(TestSimulator.get().org().orgId());
    assertThat(org.getString("username")).isNotEqualTo(TestSimulator.get().org().username());
    assertThat(org.getString("instanceUrl")).isEqualTo(TestSimulator.baseUrl());
    String token = token(org);
    assertThat(token).startsWith(org.getString("orgId").substring(0, 15) + "!");
    given()
        .baseUri(TestSimulator.baseUrl())
        .header("Authorization", "Bearer " + token)
        .queryParam("q", "SELECT Id FROM Organization")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .body("records[0].Id", equalTo(org.getString("orgId")));
  }

  @Test
  void orgsSeeOnlyTheirOwnData() {
    JsonPath org =
        createOrg(
            """
                {"fixtures": {"records": [
                  {"attributes": {"type": "MessagingChannel", "referenceId": "sms"}, "MasterLabel": "SMS", "DeveloperName": "SMS",
                   "MessageType": "Text", "MessagingPlatformKey": "+15550900", "IsActive": true, "PlatformType": "Standard"},
                  {"attributes": {"type": "MessagingEndUser", "referenceId": "zed"}, "Name": "Zed", "MessagingChannelId": "@{sms.id}",
                   "MessageType": "Text", "MessagingPlatformKey": "+15550999", "MessagingConsentStatus": "ImplicitlyOptedIn"}]}}""");
    TestSimulator.seed(Fixtures.MESSAGING);

    assertThat(endUsers(token(org))).containsExactly("Zed");
    assertThat(endUsers(TestSimulator.token())).containsExactly("Alice", "Bob", "Carol");
  }

  @Test
  void everyAdminEndpointExistsPerOrg() {
    JsonPath org = createOrg(null);
    String base = "/__admin/orgs/" + org.getString("orgId");

    given()
        .baseUri(TestSimulator.baseUrl())
        .contentType(ContentType.JSON)
        .body(Fixtures.MESSAGING)
        .post(base + "/fixtures")
        .then()
        .statusCode(201);
    assertThat(endUsers(token(org))).containsExactly("Alice", "Bob", "Carol");
    given().baseUri(TestSimulator.baseUrl()).post(base + "/reset").then().statusCode(204);
    assertThat(endUsers(token(org))).isEmpty();
    given()
        .baseUri(TestSimulator.baseUrl())
        .get(base + "/outbox")
        .then()
        .statusCode(200)
        .body("messages.size()", equalTo(0));
  }

  @Test
  void aTokenOfOneOrgIsNotValidInAnother() {
    JsonPath org = createOrg(null);
    String token = token(org);
    given()
        .baseUri(TestSimulator.baseUrl())
        .delete("/__admin/orgs/" + org.getString("orgId"))
        .then()
        .statusCode(204);

    given()
        .baseUri(TestSimulator.baseUrl())
        .header("Authorization", "Bearer " + token)
        .queryParam("q", "SELECT Id FROM Organization")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
  }

  @Test
  void listsTheDefaultOrgFirst() {
    JsonPath org = createOrg(null);

    List<String> ids =
        given()
            .baseUri(TestSimulator.baseUrl())
            .get("/__admin/orgs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("orgs.orgId");
    assertThat(ids.get(0)).isEqualTo(TestSimulator.get().org().orgId());
    assertThat(ids).contains(org.getString("orgId"));
  }

  @Test
  void refusesUnknownOrgsBadFixturesAndDeletingTheDefaultOrg() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .post("/__admin/orgs/00DSM0000000XYZAAA/reset")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .delete("/__admin/orgs/00DSM0000000XYZAAA")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .delete("/__admin/orgs/" + TestSimulator.get().org().orgId())
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_OPERATION"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .contentType(ContentType.JSON)
        .body(
            "{\"fixtures\": {\"records\": [{\"attributes\": {\"type\": \"NoSuchObject\", \"referenceId\": \"x\"}}]}}")
        .post("/__admin/orgs")
        .then()
        .statusCode(400)
        .body("[0].fields[0]", equalTo("x"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .contentType(ContentType.JSON)
        .body("{\"fixture\": {}}")
        .post("/__admin/orgs")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"));
  }
}
