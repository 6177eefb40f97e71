package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every login flow reaches the org it belongs to when several orgs exist (admin API contract: GET
 * /__admin/openapi.json): SOAP login and logout, JWT bearer, authorization code, refresh token,
 * revoke and introspect, each in an org created with {@code POST /__admin/orgs}; the token it
 * yields reads that org's data only.
 */
class OrgAuthRoutingTest {
  private static final String CALLBACK = "http://localhost/callback";
  private static JwtKeyPair keys;
  private String base;
  private JsonPath org;

  @BeforeAll
  static void makeKeyPair(@TempDir Path dir) throws Exception {
    keys = JwtKeyPair.generate(dir, "sfsim-org-routing");
  }

  @BeforeEach
  void createOrg() {
    base = TestSimulator.baseUrl();
    org = given().baseUri(base).post("/__admin/orgs").then().statusCode(201).extract().jsonPath();
  }

  @AfterEach
  void dropOrg() {
    given().baseUri(base).delete("/__admin/orgs/" + org.getString("orgId"));
    given().baseUri(base).delete("/__admin/oauth/certificates");
  }

  private String orgId15() {
    return org.getString("orgId").substring(0, 15);
  }

  /** The token reads its own org's Organization row, and no other. */
  private void assertReadsTheCreatedOrg(String token) {
    assertThat(token).startsWith(orgId15() + "!");
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + token)
        .queryParam("q", "SELECT Id FROM Organization")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .body("totalSize", equalTo(1))
        .body("records[0].Id", equalTo(org.getString("orgId")));
  }

  private void assertRejected(String token) {
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + token)
        .get("/services/data/v60.0/sobjects")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
  }

  private String soap(String body) {
    return "<se:Envelope xmlns:se=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + body
        + "</se:Envelope>";
  }

  @Test
  void soapLoginAndLogoutReachTheCreatedOrg() {
    String xml =
        given()
            .baseUri(base)
            .contentType("text/xml")
            .body(
                soap(
                    "<se:Body><login xmlns=\"urn:partner.soap.sforce.com\"><username>"
                        + org.getString("username").toUpperCase()
                        + "</username><password>"
                        + org.getString("password")
                        + "</password></login></se:Body>"))
            .post("/services/Soap/u/60.0")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    XmlPath result = XmlPath.from(xml).setRootPath("Envelope.Body.loginResponse.result");
    assertThat(result.getString("userInfo.organizationId")).isEqualTo(org.getString("orgId"));
    assertThat(result.getString("serverUrl")).endsWith("/services/Soap/u/60.0/" + orgId15());
    String session = result.getString("sessionId");
    assertReadsTheCreatedOrg(session);

    given()
        .baseUri(base)
        .contentType("text/xml")
        .body(
            soap(
                "<se:Header><SessionHeader xmlns=\"urn:partner.soap.sforce.com\"><sessionId>"
                    + session
                    + "</sessionId></SessionHeader></se:Header><se:Body><logout xmlns=\"urn:partner.soap.sforce.com\"/></se:Body>"))
        .post("/services/Soap/u/60.0")
        .then()
        .statusCode(200);
    assertRejected(session);
  }

  @Test
  void jwtBearerIsVerifiedAgainstTheCertificatesOfTheSubjectsOrg() throws Exception {
    String assertion =
        jwt(
            "{\"iss\":\""
                + org.getString("clientId")
                + "\",\"sub\":\""
                + org.getString("username")
                + "\",\"aud\":\"https://login.salesforce.com\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 300)
                + "}");
    // The key registered with the default org only: the created org does not trust it.
    keys.register(base).statusCode(201);
    jwtGrant(assertion).then().statusCode(400).body("error", equalTo("invalid_grant"));

    given()
        .baseUri(base)
        .contentType(ContentType.TEXT)
        .body(keys.certificatePem())
        .post("/__admin/orgs/" + org.getString("orgId") + "/oauth/certificates")
        .then()
        .statusCode(201);
    assertReadsTheCreatedOrg(
        jwtGrant(assertion).then().statusCode(200).extract().path("access_token"));
  }

  private io.restassured.response.Response jwtGrant(String assertion) {
    return given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
        .formParam("assertion", assertion)
        .post("/services/oauth2/token");
  }

  @Test
  void authorizationCodeRefreshRevokeAndIntrospectReachTheCreatedOrg() {
    String location =
        given()
            .baseUri(base)
            .redirects()
            .follow(false)
            .queryParam("response_type", "code")
            .queryParam("client_id", org.getString("clientId"))
            .queryParam("redirect_uri", CALLBACK)
            .queryParam("state", "s1")
            .queryParam("username", org.getString("username"))
            .queryParam("password", org.getString("password"))
            .get("/services/oauth2/authorize")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    Map<String, String> params = query(location);
    assertThat(params).containsEntry("state", "s1");

    JsonPath tokens =
        TokenCalls.post(
                base,
                Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    params.get("code"),
                    "client_id",
                    org.getString("clientId"),
                    "client_secret",
                    org.getString("clientSecret"),
                    "redirect_uri",
                    CALLBACK))
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(tokens.getString("id")).contains("/id/" + org.getString("orgId") + "/");
    assertReadsTheCreatedOrg(tokens.getString("access_token"));
    String refresh = tokens.getString("refresh_token");
    assertThat(refresh).startsWith("5Aep").hasSize(87);

    // The refresh grant needs only the refresh token and the client id; the token carries the org.
    String refreshed =
        TokenCalls.post(
                base,
                Map.of(
                    "grant_type",
                    "refresh_token",
                    "refresh_token",
                    refresh,
                    "client_id",
                    org.getString("clientId")))
            .statusCode(200)
            .extract()
            .path("access_token");
    assertReadsTheCreatedOrg(refreshed);

    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .auth()
        .preemptive()
        .basic(org.getString("clientId"), org.getString("clientSecret"))
        .formParam("token", refreshed)
        .post("/services/oauth2/introspect")
        .then()
        .statusCode(200)
        .body("active", equalTo(true))
        .body("username", equalTo(org.getString("username")))
        .body("client_id", equalTo(org.getString("clientId")));

    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParam("token", refreshed)
        .post("/services/oauth2/revoke")
        .then()
        .statusCode(200);
    assertRejected(refreshed);
    given()
        .baseUri(base)
        .queryParam("token", refresh)
        .get("/services/oauth2/revoke")
        .then()
        .statusCode(200);
    assertRejected(tokens.getString("access_token"));
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                refresh,
                "client_id",
                org.getString("clientId")))
        .statusCode(400)
        .body("error", equalTo("invalid_grant"));
  }

  @Test
  void theDefaultOrgsFlowsStillReachTheDefaultOrg() {
    String location =
        given()
            .baseUri(base)
            .redirects()
            .follow(false)
            .queryParam("response_type", "code")
            .queryParam("client_id", TestSimulator.get().config().clientId())
            .queryParam("redirect_uri", CALLBACK)
            .queryParam("username", SimulatorConfig.DEFAULT_USERNAME)
            .queryParam("password", SimulatorConfig.DEFAULT_PASSWORD)
            .get("/services/oauth2/authorize")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    String token =
        TokenCalls.post(
                base,
                Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    query(location).get("code"),
                    "client_id",
                    TestSimulator.get().config().clientId(),
                    "client_secret",
                    SimulatorConfig.DEFAULT_CLIENT_SECRET,
                    "redirect_uri",
                    CALLBACK))
            .statusCode(200)
            .extract()
            .path("access_token");
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + token)
        .queryParam("q", "SELECT Id FROM Organization")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200)
        .body("records[0].Id", equalTo(TestSimulator.get().org().orgId()));
    // A code of the default org cannot be redeemed with the created org's client: the code's org
    // knows no such client.
    String other =
        query(
                given()
                    .baseUri(base)
                    .redirects()
                    .follow(false)
                    .queryParam("response_type", "code")
                    .queryParam("client_id", TestSimulator.get().config().clientId())
                    .queryParam("redirect_uri", CALLBACK)
                    .queryParam("username", SimulatorConfig.DEFAULT_USERNAME)
                    .queryParam("password", SimulatorConfig.DEFAULT_PASSWORD)
                    .get("/services/oauth2/authorize")
                    .then()
                    .extract()
                    .header("Location"))
            .get("code");
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                other,
                "client_id",
                org.getString("clientId"),
                "client_secret",
                org.getString("clientSecret"),
                "redirect_uri",
                CALLBACK))
        .statusCode(400)
        .body("error", equalTo("invalid_client_id"));
  }

  private static Map<String, String> query(String location) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      m.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return m;
  }

  private static String jwt(String claims) throws Exception {
    return keys.sign(claims);
  }
}
