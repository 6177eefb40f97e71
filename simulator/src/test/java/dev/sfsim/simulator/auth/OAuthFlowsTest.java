package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web server flow (authorize + code + PKCE), refresh tokens, revoke, introspect, userinfo and
 * token formats.
 */
@WithSimulator
class OAuthFlowsTest {
  private static final String CALLBACK = "http://localhost:1717/OauthRedirect";
  private final String base = TestSimulator.baseUrl();

  private Map<String, String> authorize(String challenge) {
    var req =
        given()
            .baseUri(base)
            .redirects()
            .follow(false)
            .queryParam("response_type", "code")
            .queryParam("client_id", SimulatorConfig.DEFAULT_CLIENT_ID)
            .queryParam("redirect_uri", CALLBACK)
            .queryParam("state", "xyz 1")
            .queryParam("username", SimulatorConfig.DEFAULT_USERNAME)
            .queryParam("password", SimulatorConfig.DEFAULT_PASSWORD);
    if (challenge != null) {
      req = req.queryParam("code_challenge", challenge);
    }
    String location =
        req.get("/services/oauth2/authorize").then().statusCode(302).extract().header("Location");
    assertThat(location).startsWith(CALLBACK + "?");
    Map<String, String> params = new HashMap<>();
    for (String p : URI.create(location).getRawQuery().split("&")) {
      String[] kv = p.split("=", 2);
      params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }

  private Response exchange(String code, String verifier) {
    var form =
        new HashMap<String, String>(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "redirect_uri",
                CALLBACK));
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(form)
        .post("/services/oauth2/token");
  }

  private static String s256(String verifier) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void authorizationCodeWithPkceThenRefreshThenRevoke() throws Exception {
    String verifier = "a-verifier-of-at-least-43-characters-0123456789abcdef";
    Map<String, String> first = authorize(s256(verifier));
    assertThat(first).containsEntry("state", "xyz 1");
    exchange(first.get("code"), "wrong-verifier")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", equalTo("invalid code verifier"));
    exchange(first.get("code"), verifier)
        .then()
        .statusCode(400) // a code is single-use
        .body("error", equalTo("invalid_grant"))
        .body("error_description", equalTo("expired authorization code"));

    var token =
        exchange(authorize(s256(verifier)).get("code"), verifier)
            .then()
            .statusCode(200)
            .body("access_token", matchesPattern("00D\\w{12}![.\\w]+"))
            .body("refresh_token", matchesPattern("5Aep\\w+"))
            .body("token_type", equalTo("Bearer"))
            .extract()
            .jsonPath();
    String refresh = token.getString("refresh_token");

    String refreshed =
        TokenCalls.post(
                base,
                Map.of(
                    "grant_type",
                    "refresh_token",
                    "refresh_token",
                    refresh,
                    "client_id",
                    SimulatorConfig.DEFAULT_CLIENT_ID))
            .statusCode(200)
            .body("instance_url", equalTo(base))
            .extract()
            .path("access_token");
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + refreshed)
        .get("/services/data/v60.0")
        .then()
        .statusCode(200);

    // Revoking the refresh token revokes the access tokens issued from it.
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParam("token", refresh)
        .post("/services/oauth2/revoke")
        .then()
        .statusCode(200)
        .body(emptyString());
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + refreshed)
        .get("/services/data/v60.0")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                refresh,
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID))
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", equalTo("expired access/refresh token"));
  }

  @Test
  void codeWithoutChallengeNeedsTheSecretAndTheSameRedirectUri() {
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                authorize(null).get("code"),
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "redirect_uri",
                "http://elsewhere/cb"))
        .statusCode(400)
        .body("error", equalTo("redirect_uri_mismatch"));
    exchange(authorize(null).get("code"), null)
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_client"));
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                authorize(null).get("code"),
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "client_secret",
                SimulatorConfig.DEFAULT_CLIENT_SECRET,
                "redirect_uri",
                CALLBACK))
        .statusCode(200);
  }

  @Test
  void authorizeRejectsUnknownClientAndUnsupportedResponseType() {
    given()
        .baseUri(base)
        .redirects()
        .follow(false)
        .queryParam("response_type", "code")
        .queryParam("client_id", "nope")
        .queryParam("redirect_uri", CALLBACK)
        .get("/services/oauth2/authorize")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_client_id"));
    given()
        .baseUri(base)
        .redirects()
        .follow(false)
        .queryParam("response_type", "token")
        .queryParam("client_id", SimulatorConfig.DEFAULT_CLIENT_ID)
        .queryParam("redirect_uri", CALLBACK)
        .get("/services/oauth2/authorize")
        .then()
        .statusCode(302)
        .header("Location", startsWith(CALLBACK + "?error=unsupported_response_type&"));
  }

  @Test
  void revokeByGetAndUnknownToken() {
    String token = TestSimulator.token();
    given()
        .baseUri(base)
        .queryParam("token", token)
        .get("/services/oauth2/revoke")
        .then()
        .statusCode(200)
        .body(emptyString());
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + token)
        .get("/services/data/v60.0")
        .then()
        .statusCode(401);
    given()
        .baseUri(base)
        .queryParam("token", token)
        .get("/services/oauth2/revoke")
        .then()
        .statusCode(400)
        .body("error", equalTo("unsupported_token_type"))
        .body("error_description", equalTo("this token type is not supported"));
  }

  @Test
  void introspectActiveAndInactive() {
    String token = TestSimulator.token();
    Map<String, String> form =
        Map.of(
            "token",
            token,
            "token_type_hint",
            "access_token",
            "client_id",
            SimulatorConfig.DEFAULT_CLIENT_ID,
            "client_secret",
            SimulatorConfig.DEFAULT_CLIENT_SECRET);
    var body =
        given()
            .baseUri(base)
            .contentType(ContentType.URLENC)
            .formParams(form)
            .post("/services/oauth2/introspect")
            .then()
            .statusCode(200)
            .body("active", equalTo(true))
            .body("token_type", equalTo("access_token"))
            .body("username", equalTo(SimulatorConfig.DEFAULT_USERNAME))
            .body("client_id", equalTo(SimulatorConfig.DEFAULT_CLIENT_ID))
            .extract()
            .jsonPath();
    assertThat(body.getLong("exp") - body.getLong("iat")).isEqualTo(7200);
    var unknown = new HashMap<>(form);
    unknown.put("token", "00D000000000001!nope");
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(unknown)
        .post("/services/oauth2/introspect")
        .then()
        .statusCode(200)
        .body(equalTo("{\"active\":false}"));
    var badClient = new HashMap<>(form);
    badClient.put("client_secret", "wrong");
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(badClient)
        .post("/services/oauth2/introspect")
        .then()
        .statusCode(401)
        .body("error", equalTo("invalid_client"));
  }

  @Test
  void userinfoHasWhatTheSfCliNeeds() {
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + TestSimulator.token())
        .get("/services/oauth2/userinfo")
        .then()
        .statusCode(200)
        .body("user_id", matchesPattern("005\\w{15}"))
        .body("organization_id", matchesPattern("00D\\w{15}"))
        .body("preferred_username", equalTo(SimulatorConfig.DEFAULT_USERNAME))
        .body("is_salesforce_integration_user", equalTo(false));
    given()
        .baseUri(base)
        .get("/services/oauth2/userinfo")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
  }

  private Map<String, String> passwordForm(String format) {
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
        SimulatorConfig.DEFAULT_PASSWORD,
        "format",
        format);
  }

  @Test
  void tokenFormats() {
    String urlencoded =
        given()
            .baseUri(base)
            .contentType(ContentType.URLENC)
            .formParams(passwordForm("urlencoded"))
            .post("/services/oauth2/token")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/x-www-form-urlencoded"))
            .extract()
            .asString();
    assertThat(urlencoded)
        .matches(
            "access_token=00D\\w{12}%21\\w+&instance_url=http%3A%2F%2F.*&token_type=Bearer&.*scope=api\\+refresh_token\\+web");
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(passwordForm("xml"))
        .post("/services/oauth2/token")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/xml"))
        .body("OAuth.token_type", equalTo("Bearer"))
        .body("OAuth.access_token", matchesPattern("00D\\w{12}!\\w+"));
    var wrong = new HashMap<>(passwordForm("xml"));
    wrong.put("password", "nope");
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(wrong)
        .post("/services/oauth2/token")
        .then()
        .statusCode(400)
        .body("OAuth.error", equalTo("invalid_grant"))
        .body("OAuth.error_description", equalTo("authentication failure"));
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(passwordForm("yaml"))
        .post("/services/oauth2/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_request"));
  }
}
