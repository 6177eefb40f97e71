package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.http.ContentType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web server flow wants what Salesforce wants: the user's login before a code is issued, and
 * the client secret at the code grant unless the code was issued for a PKCE challenge; {@code
 * SFSIM_AUTHORIZE=auto} keeps the login-free step.
 */
@WithSimulator
class AuthorizeLoginTest {
  private static final String CALLBACK = "http://localhost:1717/OauthRedirect";
  private final String base = TestSimulator.baseUrl();

  private io.restassured.specification.RequestSpecification authorize() {
    return given()
        .baseUri(base)
        .redirects()
        .follow(false)
        .queryParam("response_type", "code")
        .queryParam("client_id", SimulatorConfig.DEFAULT_CLIENT_ID)
        .queryParam("redirect_uri", CALLBACK)
        .queryParam("state", "s<1>");
  }

  private static String code(String location) {
    assertThat(location).startsWith(CALLBACK + "?code=");
    return URLDecoder.decode(
        location.replaceFirst(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
  }

  private io.restassured.response.ValidatableResponse exchange(Map<String, String> form) {
    return TokenCalls.post(base, form);
  }

  @Test
  void noCodeWithoutTheUsersLogin() {
    // No credentials: the login page, carrying the authorize parameters (escaped) but issuing
    // nothing.
    authorize()
        .get("/services/oauth2/authorize")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .body(containsString("name=\"password\""))
        .body(containsString("value=\"s&lt;1&gt;\""))
        .body(not(containsString("code=")));
    authorize()
        .queryParam("username", SimulatorConfig.DEFAULT_USERNAME)
        .queryParam("password", "wrong")
        .get("/services/oauth2/authorize")
        .then()
        .statusCode(200)
        .body(containsString("Please check your username and password."));
    // The page's form posts the same fields back: a script (or browser) logs in with a form POST.
    String location =
        given()
            .baseUri(base)
            .redirects()
            .follow(false)
            .contentType(ContentType.URLENC)
            .formParams(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    SimulatorConfig.DEFAULT_CLIENT_ID,
                    "redirect_uri",
                    CALLBACK,
                    "username",
                    SimulatorConfig.DEFAULT_USERNAME.toUpperCase(),
                    "password",
                    SimulatorConfig.DEFAULT_PASSWORD))
            .post("/services/oauth2/authorize")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    exchange(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code(location),
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "client_secret",
                SimulatorConfig.DEFAULT_CLIENT_SECRET,
                "redirect_uri",
                CALLBACK))
        .statusCode(200);
  }

  @Test
  void theCodeGrantNeedsTheSecretUnlessPkceProtectsTheCode() throws Exception {
    var login =
        authorize()
            .queryParam("username", SimulatorConfig.DEFAULT_USERNAME)
            .queryParam("password", SimulatorConfig.DEFAULT_PASSWORD);
    String plain =
        code(
            login
                .get("/services/oauth2/authorize")
                .then()
                .statusCode(302)
                .extract()
                .header("Location"));
    exchange(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                plain,
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "redirect_uri",
                CALLBACK))
        .statusCode(400)
        .body("error", equalTo("invalid_client"))
        .body("error_description", equalTo("invalid client credentials"));

    // HTTP Basic client authentication works for the code grant too.
    String basic =
        code(
            authorize()
                .queryParam("username", SimulatorConfig.DEFAULT_USERNAME)
                .queryParam("password", SimulatorConfig.DEFAULT_PASSWORD)
                .get("/services/oauth2/authorize")
                .then()
                .statusCode(302)
                .extract()
                .header("Location"));
    given()
        .baseUri(base)
        .auth()
        .preemptive()
        .basic(SimulatorConfig.DEFAULT_CLIENT_ID, SimulatorConfig.DEFAULT_CLIENT_SECRET)
        .contentType(ContentType.URLENC)
        .formParams(
            Map.of("grant_type", "authorization_code", "code", basic, "redirect_uri", CALLBACK))
        .post("/services/oauth2/token")
        .then()
        .statusCode(200);

    // PKCE, plain and S256: the verifier stands in for the secret.
    String verifier = "plain-verifier-0123456789-0123456789-0123456789";
    String withPlain =
        code(
            authorize()
                .queryParam("username", SimulatorConfig.DEFAULT_USERNAME)
                .queryParam("password", SimulatorConfig.DEFAULT_PASSWORD)
                .queryParam("code_challenge", verifier)
                .queryParam("code_challenge_method", "plain")
                .get("/services/oauth2/authorize")
                .then()
                .statusCode(302)
                .extract()
                .header("Location"));
    exchange(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                withPlain,
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "redirect_uri",
                CALLBACK,
                "code_verifier",
                verifier))
        .statusCode(200);
    String s256 =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String withS256 =
        code(
            authorize()
                .queryParam("username", SimulatorConfig.DEFAULT_USERNAME)
                .queryParam("password", SimulatorConfig.DEFAULT_PASSWORD)
                .queryParam("code_challenge", s256)
                .get("/services/oauth2/authorize")
                .then()
                .statusCode(302)
                .extract()
                .header("Location"));
    exchange(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                withS256,
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "redirect_uri",
                CALLBACK))
        .statusCode(400)
        .body("error", equalTo("invalid_grant"));
  }

  @Test
  void autoAuthorizeKeepsTheLoginFreeStep() {
    try (Simulator auto =
        Simulator.start(SimulatorConfig.defaults().withPort(0).withAutoAuthorize(true))) {
      given()
          .baseUri(auto.baseUrl())
          .redirects()
          .follow(false)
          .queryParam("response_type", "code")
          .queryParam("client_id", SimulatorConfig.DEFAULT_CLIENT_ID)
          .queryParam("redirect_uri", CALLBACK)
          .get("/services/oauth2/authorize")
          .then()
          .statusCode(302)
          .header("Location", startsWith(CALLBACK + "?code="));
    }
    given()
        .baseUri(base)
        .get(
            "/services/oauth2/authorize?response_type=code&client_id="
                + SimulatorConfig.DEFAULT_CLIENT_ID
                + "&redirect_uri="
                + CALLBACK)
        .then()
        .statusCode(200);
  }
}
