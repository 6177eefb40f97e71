package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint, the Bearer check and the identity URL, through the wire. */
class OAuthTest {
  private String base;

  @BeforeEach
  void setUp() {
    base = TestSimulator.baseUrl();
  }

  private Map<String, String> passwordForm(String password) {
    return Map.of(
        "grant_type",
        "password",
        "client_id",
        SimulatorConfig.DEFAULT_CLIENT_ID,
        "client_secret",
        SimulatorConfig.DEFAULT_CLIENT_SECRET,
        "username",
        SimulatorConfig.DEFAULT_USERNAME,
        "password",
        password);
  }

  @Test
  void passwordGrantAnswersSalesforceTokenShape() {
    var body =
        given()
            .baseUri(base)
            .contentType(ContentType.URLENC)
            .formParams(passwordForm(SimulatorConfig.DEFAULT_PASSWORD))
            .post("/services/oauth2/token")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("access_token", matchesPattern("00D\\w{12}![.\\w]+"))
            .body("instance_url", equalTo(base))
            .body(
                "id",
                matchesPattern(java.util.regex.Pattern.quote(base) + "/id/00D\\w{15}/005\\w{15}"))
            .body("token_type", equalTo("Bearer"))
            .body("issued_at", matchesPattern("\\d{13}"))
            .body("scope", equalTo("api refresh_token web"))
            .extract()
            .jsonPath();
    assertThat(body.getString("signature")).isNotBlank();
    // The identity URL answers with the same user and org.
    String id = body.getString("id");
    given()
        .header("Authorization", "Bearer " + body.getString("access_token"))
        .get(id)
        .then()
        .statusCode(200)
        .body("user_id", equalTo(id.substring(id.lastIndexOf('/') + 1)))
        .body("username", equalTo(SimulatorConfig.DEFAULT_USERNAME));
    // ... also with ?oauth_token= as jsforce sends it.
    given()
        .queryParam("oauth_token", body.getString("access_token"))
        .queryParam("format", "json")
        .get(id)
        .then()
        .statusCode(200);
  }

  @Test
  void wrongPasswordIsInvalidGrant() {
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(passwordForm("wrong"))
        .post("/services/oauth2/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", equalTo("authentication failure"));
  }

  @Test
  void unknownClientAndWrongSecretAreDistinguished() {
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "nope",
                "client_secret",
                "x",
                "username",
                "u",
                "password",
                "p"))
        .statusCode(400)
        .body("error", equalTo("invalid_client_id"))
        .body("error_description", equalTo("client identifier invalid"));
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "client_secret",
                "x"))
        .statusCode(400)
        .body("error", equalTo("invalid_client"))
        .body("error_description", equalTo("invalid client credentials"));
  }

  @Test
  void clientCredentialsAcceptsBodyOrBasicHeader() {
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "client_secret",
                SimulatorConfig.DEFAULT_CLIENT_SECRET))
        .statusCode(200)
        .body("token_type", equalTo("Bearer"));
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (SimulatorConfig.DEFAULT_CLIENT_ID + ":" + SimulatorConfig.DEFAULT_CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .header("Authorization", "Basic " + basic)
        .formParam("grant_type", "client_credentials")
        .post("/services/oauth2/token")
        .then()
        .statusCode(200)
        .body("access_token", matchesPattern("00D.+"));
  }

  @Test
  void jsonBodyAndUnknownGrantAreUnsupportedGrantType() {
    given()
        .baseUri(base)
        .contentType(ContentType.JSON)
        .body("{\"grant_type\":\"password\"}")
        .post("/services/oauth2/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("unsupported_grant_type"))
        .body("error_description", equalTo("grant type not supported"));
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "magic")
        .post("/services/oauth2/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("unsupported_grant_type"));
  }

  @Test
  void unknownRefreshTokenIsExpired() {
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "refresh_token")
        .formParam("refresh_token", "x")
        .formParam("client_id", SimulatorConfig.DEFAULT_CLIENT_ID)
        .post("/services/oauth2/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", equalTo("expired access/refresh token"));
  }

  @Test
  void dataEndpointsNeedAValidBearerToken() {
    given()
        .baseUri(base)
        .get("/services/data/v60.0/query?q=SELECT+Id+FROM+MessagingChannel")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"))
        .body("[0].message", equalTo("Session expired or invalid"));
    given()
        .baseUri(base)
        .header("Authorization", "Bearer 00DSM0000000001!AQnotatoken")
        .get("/services/data/v60.0/")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
    given()
        .baseUri(base)
        .header("Authorization", "Basic abc")
        .get("/services/data/v60.0/")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_AUTH_HEADER"));
  }

  @Test
  void tokensAreNotReused() {
    assertThat(TestSimulator.token()).isNotEqualTo(TestSimulator.token());
  }
}
