package dev.sfsim.simulator.auth;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * An RSA key pair made with the JDK's keytool, for JWT bearer tests: the PEM certificate to
 * register through {@code POST /__admin/oauth/certificates} and RS256 signing of a claims set, as a
 * connected app's client signs it.
 */
record JwtKeyPair(PrivateKey key, String certificatePem) {
  /**
   * POSTs the certificate (PEM, text/plain) to {@code path} on {@code base}, as a user registers it
   * for the JWT bearer flow; the response, for asserting.
   */
  io.restassured.response.ValidatableResponse register(String base, String path) {
    return io.restassured.RestAssured.given()
        .baseUri(base)
        .contentType("text/plain")
        .body(certificatePem)
        .post(path)
        .then();
  }

  /**
   * {@link #register(String, String)} with the default org's {@code /__admin/oauth/certificates}.
   */
  io.restassured.response.ValidatableResponse register(String base) {
    return register(base, "/__admin/oauth/certificates");
  }

  /**
   * A 2048-bit key pair with a self-signed certificate named {@code CN=<commonName>}, kept in
   * {@code dir}.
   */
  static JwtKeyPair generate(Path dir, String commonName) throws Exception {
    Path store = dir.resolve("jwt.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "jwt",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=" + commonName,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(new String(p.getInputStream().readAllBytes()));
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) ks.getKey("jwt", "changeit".toCharArray());
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ks.getCertificate("jwt").getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    return new JwtKeyPair(key, pem);
  }

  /**
   * {@code header.claims.signature}, base64url without padding, signed SHA256withRSA ({@code alg}
   * RS256).
   */
  String sign(String claims) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signed =
        b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + b64.encodeToString(s.sign());
  }
}
