package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Valid sessions are cached in memory ({@link SessionCache}); every way a session ends still
 * refuses it on the very next call, right after a cached hit: OAuth revoke, SOAP logout, {@code
 * /__admin/reset}, org deletion, and expiry on the simulated clock ({@code SFSIM_SESSION_TIMEOUT},
 * default two hours).
 */
@WithSimulator
class SessionCacheTest {
  private static final String QUERY = "/services/data/v60.0/query";
  private final String base = TestSimulator.baseUrl();

  /** Two calls: the first may look the token up, the second is answered from the cache. */
  private void cachedHits(String token) {
    for (int i = 0; i < 2; i++) {
      given()
          .baseUri(base)
          .header("Authorization", "Bearer " + token)
          .queryParam("q", "SELECT Id FROM MessagingEndUser LIMIT 1")
          .get(QUERY)
          .then()
          .statusCode(200);
    }
  }

  private void refused(String token) {
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + token)
        .queryParam("q", "SELECT Id FROM MessagingEndUser LIMIT 1")
        .get(QUERY)
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"))
        .body("[0].message", equalTo("Session expired or invalid"));
  }

  @Test
  void revokedTokenIsRefusedRightAfterACachedHit() {
    String token = TestSimulator.token();
    String other = TestSimulator.token();
    cachedHits(token);
    cachedHits(other);
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParam("token", token)
        .post("/services/oauth2/revoke")
        .then()
        .statusCode(200);
    refused(token);
    cachedHits(other); // only the revoked session ends
  }

  @Test
  void soapLogoutIsRefusedRightAfterACachedHit() {
    String token = TestSimulator.token();
    cachedHits(token);
    String logout =
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:urn=\"urn:partner.soap.sforce.com\">"
            + "<soapenv:Header><urn:SessionHeader><urn:sessionId>"
            + token
            + "</urn:sessionId></urn:SessionHeader></soapenv:Header>"
            + "<soapenv:Body><urn:logout/></soapenv:Body></soapenv:Envelope>";
    given()
        .baseUri(base)
        .contentType("text/xml")
        .body(logout)
        .post("/services/Soap/u/60.0")
        .then()
        .statusCode(200);
    refused(token);
  }

  @Test
  void resetRefusesEverySessionRightAfterACachedHit() {
    String token = TestSimulator.token();
    cachedHits(token);
    TestSimulator.reset();
    refused(token);
  }

  @Test
  void expiryOnTheSimulatedClockAppliesToACachedSession() {
    TestSimulator.clock("{\"freeze\": true}");
    String token = TestSimulator.token();
    cachedHits(token);
    TestSimulator.clock("{\"advance\": \"PT1H59M59S\"}");
    cachedHits(token);
    TestSimulator.clock("{\"advance\": \"PT1S\"}");
    refused(token);
  }

  @Test
  void deletedOrgsSessionsAreRefusedRightAfterACachedHit() {
    JsonPath org =
        given().baseUri(base).post("/__admin/orgs").then().statusCode(201).extract().jsonPath();
    String token =
        TokenCalls.post(
                base,
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
            .statusCode(200)
            .extract()
            .path("access_token");
    cachedHits(token);
    given().baseUri(base).delete("/__admin/orgs/" + org.getString("orgId")).then().statusCode(204);
    refused(token);
  }

  @Test
  void unknownTokensAreNeverAccepted() {
    String token = TestSimulator.token();
    cachedHits(token);
    refused(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"));
    refused(SimulatorConfig.DEFAULT_CLIENT_ID);
  }
}
