package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** The JWT bearer grant against a certificate registered through the admin API (key pair made with the JDK's keytool). */
class JwtBearerTest {
    private static PrivateKey key;
    private static String certificatePem;
    private String base;

    @BeforeAll
    static void makeKeyPair(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("jwt.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "jwt", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=sfsim-jwt-test",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        if (p.waitFor() != 0) throw new IllegalStateException(new String(p.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) ks.getKey("jwt", "changeit".toCharArray());
        Certificate cert = ks.getCertificate("jwt");
        certificatePem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
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
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64.encodeToString(s.sign());
    }

    private static String claims(String sub, long exp) {
        return "{\"iss\":\"" + SimulatorConfig.DEFAULT_CLIENT_ID + "\",\"sub\":\"" + sub
                + "\",\"aud\":\"https://login.salesforce.com\",\"exp\":" + exp + "}";
    }

    private io.restassured.response.ValidatableResponse grant(String assertion) {
        return given().baseUri(base).contentType(ContentType.URLENC)
                .formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer").formParam("assertion", assertion)
                .post("/services/oauth2/token").then();
    }

    @Test
    void signedAssertionWithExpInSecondsOrMillisecondsGetsAToken() throws Exception {
        String assertion = jwt(claims(SimulatorConfig.DEFAULT_USERNAME, System.currentTimeMillis() / 1000 + 300));
        grant(assertion).statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo("invalid assertion"));

        given().baseUri(base).contentType("text/plain").body(certificatePem).post("/__admin/oauth/certificates")
                .then().statusCode(201).body("subject", equalTo("CN=sfsim-jwt-test"));
        grant(assertion).statusCode(200).body("access_token", matchesPattern("00D\\w{12}!\\w+"))
                .body("instance_url", equalTo(base));
        grant(jwt(claims(SimulatorConfig.DEFAULT_USERNAME, System.currentTimeMillis() + 300_000))).statusCode(200);
    }

    @Test
    void badAssertionsAreRefused() throws Exception {
        given().baseUri(base).contentType(ContentType.JSON).body("{\"certificate\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(certificatePem) + "}")
                .post("/__admin/oauth/certificates").then().statusCode(201);
        long soon = System.currentTimeMillis() / 1000 + 300;
        grant(jwt(claims(SimulatorConfig.DEFAULT_USERNAME, System.currentTimeMillis() / 1000 - 10)))
                .statusCode(400).body("error_description", equalTo("expired authorization code"));
        grant(jwt(claims("someone@else.example", soon)))
                .statusCode(400).body("error_description", equalTo("user hasn't approved this consumer"));
        String good = jwt(claims(SimulatorConfig.DEFAULT_USERNAME, soon));
        grant(good.substring(0, good.length() - 4) + "AAAA").statusCode(400).body("error_description", equalTo("invalid assertion"));
        grant("not-a-jwt").statusCode(400).body("error_description", equalTo("invalid assertion"));
        grant(jwt(claims(SimulatorConfig.DEFAULT_USERNAME, soon).replace(SimulatorConfig.DEFAULT_CLIENT_ID, "other")))
                .statusCode(400).body("error", equalTo("invalid_client_id"));
        given().baseUri(base).contentType("text/plain").body("hello").post("/__admin/oauth/certificates")
                .then().statusCode(400).body("[0].errorCode", equalTo("INVALID_CERTIFICATE"));
        given().baseUri(base).get("/__admin/oauth/certificates").then().statusCode(200)
                .body("certificates[0].subject", equalTo("CN=sfsim-jwt-test"))
                .body("certificates[0].notAfter", startsWith("20"));
    }
}
