package dev.sfsim.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the assertion of the {@code urn:ietf:params:oauth:grant-type:jwt-bearer} grant ("OAuth
 * 2.0 JWT Bearer Flow for Server-to-Server Integration", Salesforce Help): header {@code
 * {"alg":"RS256"}}, an RS256 signature made with the key of a registered certificate, claims {@code
 * iss} (the consumer key), {@code sub} (the username), {@code aud} and {@code exp}.
 *
 * <ul>
 *   <li>{@code aud} must name the authorization server: {@code https://login.salesforce.com} or
 *       {@code https://test.salesforce.com} as the page lists them, or the simulator's own URL as
 *       the client called it (the login URL a client pointed at the simulator uses); anything else
 *       is {@code invalid_grant} "audience is invalid". An array {@code aud} needs one such value.
 *   <li>{@code exp} must be in the future (simulated clock): {@code invalid_grant} "expired
 *       authorization code" otherwise. In seconds — or in milliseconds, as the {@code sf} CLI sends
 *       it ({@code Date.now() + 300}). The page asks for an expiry "within 3 minutes", but
 *       Salesforce accepts the CLI's millisecond value, which read as seconds lies millennia ahead,
 *       so no upper bound is enforced (our choice, following what real clients get).
 * </ul>
 */
final class JwtBearer {
  /** exp values above this are milliseconds: 10^11 seconds is the year 5138. */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private final Certificates certificates;
  private final SimClock clock;

  JwtBearer(Certificates certificates, SimClock clock) {
    this.certificates = certificates;
    this.clock = clock;
  }

  /** The verified claims that matter: who asks ({@code iss}) for whom ({@code sub}). */
  record Claims(String issuer, String subject) {}

  /**
   * @throws OAuthError {@code invalid_grant} "invalid assertion" for a malformed, unsigned, badly
   *     signed or non-RS256 JWT, "audience is invalid" for another {@code aud}, "expired
   *     authorization code" when {@code exp} has passed, {@code invalid_request} when the assertion
   *     is missing
   */
  Claims verify(@Nullable String assertion, String instanceUrl) {
    if (assertion == null || assertion.isBlank()) {
      throw OAuthError.missing("assertion");
    }
    String[] parts = assertion.trim().split("\\.", -1);
    if (parts.length != 3) {
      throw invalidAssertion();
    }
    JsonNode header = decode(parts[0]);
    JsonNode claims = decode(parts[1]);
    if (!"RS256".equals(header.path("alg").asText())) {
      throw invalidAssertion();
    }
    byte[] signature = bytes(parts[2]);
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (certificates.publicKeys().stream().noneMatch(k -> verifies(k, signed, signature))) {
      throw invalidAssertion();
    }
    if (!claims.path("exp").canConvertToLong()
        || !claims.path("iss").isTextual()
        || !claims.path("sub").isTextual()
        || !claims.path("aud").isTextual() && !claims.path("aud").isArray()) {
      throw invalidAssertion();
    }
    if (!audienceOk(claims.path("aud"), instanceUrl)) {
      throw new OAuthError("invalid_grant", "audience is invalid");
    }
    long exp = claims.path("exp").asLong();
    Instant expiry =
        exp > MILLIS_THRESHOLD ? Instant.ofEpochMilli(exp) : Instant.ofEpochSecond(exp);
    if (!expiry.isAfter(clock.now())) {
      throw new OAuthError("invalid_grant", "expired authorization code");
    }
    return new Claims(claims.path("iss").asText(), claims.path("sub").asText());
  }

  /** The audiences Salesforce's login servers accept, and the simulator's own URL. */
  private static boolean audienceOk(JsonNode aud, String instanceUrl) {
    if (aud.isArray()) {
      for (JsonNode a : aud) {
        if (a.isTextual() && audienceOk(a, instanceUrl)) {
          return true;
        }
      }
      return false;
    }
    String value = aud.asText().trim();
    if (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    return value.equalsIgnoreCase("https://login.salesforce.com")
        || value.equalsIgnoreCase("https://test.salesforce.com")
        || value.equalsIgnoreCase(instanceUrl);
  }

  private static boolean verifies(PublicKey key, byte[] signed, byte[] signature) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(key);
      s.update(signed);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static JsonNode decode(String part) {
    try {
      JsonNode node = Json.MAPPER.readTree(bytes(part));
      if (node == null || !node.isObject()) {
        throw invalidAssertion();
      }
      return node;
    } catch (java.io.IOException e) {
      throw invalidAssertion();
    }
  }

  private static byte[] bytes(String base64url) {
    try {
      return Base64.getUrlDecoder().decode(base64url);
    } catch (IllegalArgumentException e) {
      throw invalidAssertion();
    }
  }

  private static OAuthError invalidAssertion() {
    return new OAuthError("invalid_grant", "invalid assertion");
  }
}
