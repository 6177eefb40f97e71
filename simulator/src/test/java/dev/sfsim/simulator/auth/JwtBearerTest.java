package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JWT bearer grant against a certificate registered through the admin API (key pair made with
 * the JDK's keytool).
 */
class JwtBearerTest {
  private static JwtKeyPair keys;
  private String base;

  @BeforeAll
  static void makeKeyPair(@TempDir Path dir) throws Exception {
    keys = JwtKeyPair.generate(dir, "sfsim-jwt-test");
  }

  @BeforeEach
  void setUp() {
    base = TestSimulator.baseUrl();
    given().baseUri(base).delete("/__admin/oauth/certificates").then().statusCode(204);
  }

  @AfterEach
  void cleanUp() {
    given().baseUri(base).delete("/__admin/oauth/certificates").then().statusCode(204);
  }

  private static String jwt(String claims) throws Exception {
    return keys.sign(claims);
  }

  private static String claims(String sub, long exp) {
    return "{\"iss\":\""
        + SimulatorConfig.DEFAULT_CLIENT_ID
        + "\",\"sub\":\""
        + sub
        + "\",\"aud\":\"https://login.salesforce.com\",\"exp\":"
        + exp
        + "}";
  }

  private io.restassured.response.ValidatableResponse grant(String assertion) {
    return given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
        .formParam("assertion", assertion)
        .post("/services/oauth2/token")
        .then();
  }

  @Test
  void certificatesSurviveResetsAndMoreCanBeRegisteredAfterThem() {
    for (int round = 0; round < 3; round++) {
      given().baseUri(base).post("/__admin/reset").then().statusCode(204);
      given().baseUri(base).post("/__admin/reset").then().statusCode(204);
      keys.register(base).statusCode(201);
    }
    given()
        .baseUri(base)
        .get("/__admin/oauth/certificates")
        .then()
        .statusCode(200)
        .body("certificates.size()", equalTo(3));
  }

  @Test
  void signedAssertionWithExpInSecondsOrMillisecondsGetsAToken() throws Exception {
    String assertion =
        jwt(claims(SimulatorConfig.DEFAULT_USERNAME, System.currentTimeMillis() / 1000 + 300));
    grant(assertion)
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", equalTo("invalid assertion"));

    keys.register(base).statusCode(201).body("subject", equalTo("CN=sfsim-jwt-test"));
    grant(assertion)
        .statusCode(200)
        .body("access_token", matchesPattern("00D\\w{12}!\\w+"))
        .body("instance_url", equalTo(base));
    grant(jwt(claims(SimulatorConfig.DEFAULT_USERNAME, System.currentTimeMillis() + 300_000)))
        .statusCode(200);
  }

  @Test
  void theAudienceMustBeALoginServerOrTheSimulator() throws Exception {
    keys.register(base).statusCode(201);
    long soon = System.currentTimeMillis() / 1000 + 120;
    String claims = claims(SimulatorConfig.DEFAULT_USERNAME, soon);
    grant(jwt(claims.replace("https://login.salesforce.com", "https://test.salesforce.com/")))
        .statusCode(200);
    grant(jwt(claims.replace("\"https://login.salesforce.com\"", "\"" + base + "\"")))
        .statusCode(200);
    grant(
            jwt(
                claims.replace(
                    "\"https://login.salesforce.com\"",
                    "[\"https://elsewhere.example\", \"https://login.salesforce.com\"]")))
        .statusCode(200);
    grant(jwt(claims.replace("https://login.salesforce.com", "https://attacker.example")))
        .statusCode(400)
        .body("error", equalTo("invalid_grant"))
        .body("error_description", equalTo("audience is invalid"));
    grant(jwt(claims.replace("\"https://login.salesforce.com\"", "[\"https://attacker.example\"]")))
        .statusCode(400)
        .body("error_description", equalTo("audience is invalid"));
    // exp is required and must lie ahead, in seconds or milliseconds (the sf CLI's Date.now() +
    // 300).
    grant(jwt(claims.replace(",\"exp\":" + soon, "")))
        .statusCode(400)
        .body("error_description", equalTo("invalid assertion"));
    grant(jwt(claims(SimulatorConfig.DEFAULT_USERNAME, System.currentTimeMillis() - 1000)))
        .statusCode(400)
        .body("error_description", equalTo("expired authorization code"));
  }

  @Test
  void badAssertionsAreRefused() throws Exception {
    given()
        .baseUri(base)
        .contentType(ContentType.JSON)
        .body(
            "{\"certificate\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(keys.certificatePem())
                + "}")
        .post("/__admin/oauth/certificates")
        .then()
        .statusCode(201);
    long soon = System.currentTimeMillis() / 1000 + 300;
    grant(jwt(claims(SimulatorConfig.DEFAULT_USERNAME, System.currentTimeMillis() / 1000 - 10)))
        .statusCode(400)
        .body("error_description", equalTo("expired authorization code"));
    grant(jwt(claims("someone@else.example", soon)))
        .statusCode(400)
        .body("error_description", equalTo("user hasn't approved this consumer"));
    String good = jwt(claims(SimulatorConfig.DEFAULT_USERNAME, soon));
    grant(good.substring(0, good.length() - 4) + "AAAA")
        .statusCode(400)
        .body("error_description", equalTo("invalid assertion"));
    grant("not-a-jwt").statusCode(400).body("error_description", equalTo("invalid assertion"));
    grant(
            jwt(
                claims(SimulatorConfig.DEFAULT_USERNAME, soon)
                    .replace(SimulatorConfig.DEFAULT_CLIENT_ID, "other")))
        .statusCode(400)
        .body("error", equalTo("invalid_client_id"));
    given()
        .baseUri(base)
        .contentType("text/plain")
        .body("hello")
        .post("/__admin/oauth/certificates")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_CERTIFICATE"));
    given()
        .baseUri(base)
        .get("/__admin/oauth/certificates")
        .then()
        .statusCode(200)
        .body("certificates[0].subject", equalTo("CN=sfsim-jwt-test"))
        .body("certificates[0].notAfter", startsWith("20"));
  }
}
