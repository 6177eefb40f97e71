package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.messaging.LatencyProfile;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret a client sends — passwords, client secrets, refresh tokens, authorization codes,
 * PKCE verifiers, JWT assertions, access tokens in headers, query parameters and cookies, SOAP
 * passwords and session ids — is absent from the request journal and from everything the simulator
 * logs, from its start to its stop.
 */
class JournalSecretsTest {
  private static final String SECRET = "client-secret-7Qx9";
  private static final String PASSWORD = "user-password-4Kd2";
  private static final String CALLBACK = "http://localhost:1717/cb";
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static PrintStream err;
  private static PrintStream out;
  private static Simulator sim;
  private static String base;

  @BeforeAll
  static void start() {
    err = System.err;
    out = System.out;
    System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
    sim =
        Simulator.start(
            SimulatorConfig.fromEnvironment(
                    Map.of("SFSIM_CLIENT_SECRET", SECRET, "SFSIM_PASSWORD", PASSWORD))
                .withPort(0)
                .withLatency(LatencyProfile.INSTANT));
    base = sim.baseUrl();
  }

  @AfterAll
  static void stop() {
    if (sim != null) {
      sim.close();
    }
    System.setErr(err);
    System.setOut(out);
  }

  @Test
  void noSecretReachesTheJournalOrTheLog(@TempDir Path dir) throws Exception {
    List<String> secrets = new ArrayList<>(List.of(SECRET, PASSWORD));
    String clientId = sim.config().clientId();
    String username = sim.config().username();

    var password =
        TokenCalls.post(
                base,
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    clientId,
                    "client_secret",
                    SECRET,
                    "username",
                    username,
                    "password",
                    PASSWORD))
            .statusCode(200)
            .extract()
            .jsonPath();
    String access = password.getString("access_token");
    secrets.add(access);
    given()
        .baseUri(base)
        .auth()
        .preemptive()
        .basic(clientId, SECRET)
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .post("/services/oauth2/token")
        .then()
        .statusCode(200);
    TokenCalls.post(
            base,
            Map.of(
                "grant_type",
                "password",
                "client_id",
                clientId,
                "client_secret",
                SECRET,
                "username",
                username,
                "password",
                PASSWORD + "-wrong"))
        .statusCode(400);
    secrets.add(PASSWORD + "-wrong");

    // Access tokens in the Authorization header, an oauth_token / access_token query parameter and
    // a cookie.
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + access)
        .header("Cookie", "sid=" + access + "; other=1")
        .queryParam("oauth_token", access)
        .queryParam("access_token", access)
        .get("/services/data/v60.0/limits")
        .then()
        .statusCode(200);

    // The web server flow with PKCE: code, verifier, refresh token.
    String verifier = "verifier-0123456789-0123456789-0123456789-abc";
    String challenge =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String location =
        given()
            .baseUri(base)
            .redirects()
            .follow(false)
            .queryParam("response_type", "code")
            .queryParam("client_id", clientId)
            .queryParam("redirect_uri", CALLBACK)
            .queryParam("code_challenge", challenge)
            .queryParam("username", username)
            .queryParam("password", PASSWORD)
            .get("/services/oauth2/authorize")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    String code =
        java.net.URLDecoder.decode(
            location.replaceFirst(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    secrets.add(code);
    secrets.add(verifier);
    String refresh =
        TokenCalls.post(
                base,
                Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    code,
                    "client_id",
                    clientId,
                    "redirect_uri",
                    CALLBACK,
                    "code_verifier",
                    verifier))
            .statusCode(200)
            .extract()
            .path("refresh_token");
    secrets.add(refresh);
    String refreshed =
        TokenCalls.post(
                base,
                Map.of(
                    "grant_type",
                    "refresh_token",
                    "refresh_token",
                    refresh,
                    "client_id",
                    clientId,
                    "client_secret",
                    SECRET))
            .statusCode(200)
            .extract()
            .path("access_token");
    secrets.add(refreshed);
    given()
        .baseUri(base)
        .auth()
        .preemptive()
        .basic(clientId, SECRET)
        .contentType(ContentType.URLENC)
        .formParam("token", refreshed)
        .post("/services/oauth2/introspect")
        .then()
        .statusCode(200);
    given()
        .baseUri(base)
        .queryParam("token", refreshed)
        .get("/services/oauth2/revoke")
        .then()
        .statusCode(200);

    // The JWT bearer grant: the whole assertion is a credential.
    JwtKeyPair keys = JwtKeyPair.generate(dir, "sfsim-secrets-test");
    keys.register(base).statusCode(201);
    String assertion =
        keys.sign(
            "{\"iss\":\""
                + clientId
                + "\",\"sub\":\""
                + username
                + "\",\"aud\":\"https://login.salesforce.com\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 120)
                + "}");
    secrets.add(assertion.substring(assertion.lastIndexOf('.') + 1));
    given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
        .formParam("assertion", assertion)
        .post("/services/oauth2/token")
        .then()
        .statusCode(200);

    // SOAP login and logout: the password and the session id.
    String session =
        io.restassured.path.xml.XmlPath.from(
                given()
                    .baseUri(base)
                    .contentType("text/xml; charset=UTF-8")
                    .header("SOAPAction", "login")
                    .body(
                        "<se:Envelope xmlns:se=\"http://schemas.xmlsoap.org/soap/envelope/\"><se:Body>"
                            + "<n1:login xmlns:n1=\"urn:partner.soap.sforce.com\"><n1:username>"
                            + username
                            + "</n1:username><n1:password>"
                            + PASSWORD
                            + "</n1:password></n1:login></se:Body></se:Envelope>")
                    .post("/services/Soap/u/60.0")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
            .getString("Envelope.Body.loginResponse.result.sessionId");
    secrets.add(session);
    given()
        .baseUri(base)
        .contentType("text/xml; charset=UTF-8")
        .header("SOAPAction", "logout")
        .body(
            "<se:Envelope xmlns:se=\"http://schemas.xmlsoap.org/soap/envelope/\"><se:Header><SessionHeader xmlns=\"urn:partner.soap.sforce.com\">"
                + "<sessionId>"
                + session
                + "</sessionId></SessionHeader></se:Header><se:Body><logout xmlns=\"urn:partner.soap.sforce.com\"/>"
                + "</se:Body></se:Envelope>")
        .post("/services/Soap/u/60.0")
        .then()
        .statusCode(200);

    String journal =
        given().baseUri(base).get("/__admin/requests").then().statusCode(200).extract().asString();
    assertThat(journal)
        .contains(
            "/services/oauth2/token",
            "/services/Soap/u/60.0",
            "/services/oauth2/authorize",
            "grant_type=authorization_code",
            "\"Cookie\":\"****\"",
            "\"oauth_token\":\"****\"",
            "<n1:password>****</n1:password>",
            "Bearer ****",
            "code_verifier=****");
    sim.close();
    sim = null;
    String log = LOG.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("Embedded PostgreSQL started"); // the capture works
    for (String s : secrets) {
      assertThat(journal).as("journal").doesNotContain(s);
      assertThat(log).as("log").doesNotContain(s);
    }
  }

  /** Writes to the original stream and to {@link #LOG}. */
  private static final class Tee extends OutputStream {
    private final OutputStream original;

    Tee(OutputStream original) {
      this.original = original;
    }

    @Override
    public void write(int b) {
      synchronized (LOG) {
        LOG.write(b);
      }
      try {
        original.write(b);
      } catch (java.io.IOException ignored) {
        // the capture is what the test reads
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (LOG) {
        LOG.write(b, off, len);
      }
      try {
        original.write(b, off, len);
      } catch (java.io.IOException ignored) {
        // as above
      }
    }
  }
}
