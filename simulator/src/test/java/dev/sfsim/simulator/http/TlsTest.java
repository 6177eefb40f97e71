package dev.sfsim.simulator.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import io.restassured.http.ContentType;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SFSIM_TLS=true}: HTTPS only, with a generated self-signed certificate; URLs in answers say
 * https.
 */
class TlsTest {
  private static Simulator sim;

  @BeforeAll
  static void start() {
    sim = Simulator.start(SimulatorConfig.defaults().withPort(0).withTls(true));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void servesHttpsWithASelfSignedCertificateForLocalhost() throws Exception {
    assertThat(sim.baseUrl()).startsWith("https://localhost:");
    X509Certificate[] seen = new X509Certificate[1];
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
              seen[0] = chain[0];
            }

            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    HttpsURLConnection c =
        (HttpsURLConnection) URI.create(sim.baseUrl() + "/__admin/health").toURL().openConnection();
    c.setSSLSocketFactory(ssl.getSocketFactory());
    assertThat(c.getResponseCode()).isEqualTo(200);
    assertThat(seen[0].getSubjectX500Principal().getName()).contains("CN=localhost");
    assertThat(seen[0].getIssuerX500Principal()).isEqualTo(seen[0].getSubjectX500Principal());
    assertThat(seen[0].getSubjectAlternativeNames())
        .extracting(l -> (Object) l.get(1))
        .contains("localhost", "127.0.0.1");
  }

  @Test
  void tokenAnswerPointsAtTheHttpsInstance() {
    given()
        .relaxedHTTPSValidation()
        .baseUri(sim.baseUrl())
        .contentType(ContentType.URLENC)
        .formParams(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "client_secret",
                SimulatorConfig.DEFAULT_CLIENT_SECRET,
                "username",
                SimulatorConfig.DEFAULT_USERNAME,
                "password",
                SimulatorConfig.DEFAULT_PASSWORD))
        .post("/services/oauth2/token")
        .then()
        .statusCode(200)
        .body("instance_url", equalTo(sim.baseUrl()));
  }
}
