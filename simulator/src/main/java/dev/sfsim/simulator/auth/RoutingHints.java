package dev.sfsim.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the login-host endpoints carry that names their org, read before the request reaches an org
 * (so that the org's own services then check it in full): the org id inside tokens, refresh tokens
 * and authorization codes, the {@code sub} of a JWT-bearer assertion, and the username or session
 * id of a SOAP envelope. Nothing here authenticates: a JWT's signature, a password or a token are
 * verified afterwards by the org the hint picked, against that org's own certificates, credentials
 * and tokens; a wrong hint only sends the request to an org that will refuse it.
 */
public final class RoutingHints {
  /**
   * Refresh tokens start {@code 5Aep}, as Salesforce's do; sfsim's then carry the 15-character org
   * id.
   */
  static final String REFRESH_PREFIX = "5Aep";

  /**
   * Authorization codes start {@code aPrx}, as Salesforce's do; sfsim's then carry the 15-character
   * org id.
   */
  static final String CODE_PREFIX = "aPrx";

  private static final Pattern ORG_ID = Pattern.compile("00D[0-9A-Za-z]{12}");

  private RoutingHints() {}

  /**
   * The 15-character org id an access token ({@code 00D…!…}), refresh token ({@code
   * 5Aep<orgId15>…}) or authorization code ({@code aPrx<orgId15>…}) carries.
   */
  public static Optional<String> orgIdOf(@Nullable String token) {
    if (token == null) {
      return Optional.empty();
    }
    String t = token.trim();
    int bang = t.indexOf('!');
    if (bang > 0) {
      return Optional.of(t.substring(0, bang)).filter(id -> ORG_ID.matcher(id).matches());
    }
    for (String prefix : new String[] {REFRESH_PREFIX, CODE_PREFIX}) {
      if (t.startsWith(prefix) && t.length() >= prefix.length() + 15) {
        String id = t.substring(prefix.length(), prefix.length() + 15);
        if (ORG_ID.matcher(id).matches()) {
          return Optional.of(id);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code sub} claim of a JWT, read without verifying it (the org it names verifies the
   * signature).
   */
  public static Optional<String> subjectOf(String assertion) {
    if (assertion == null) {
      return Optional.empty();
    }
    String[] parts = assertion.trim().split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode claims =
          Json.MAPPER.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return claims != null && claims.path("sub").isTextual()
          ? Optional.of(claims.path("sub").asText())
          : Optional.empty();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code login} username, or the org id of the {@code SessionHeader} session, of a SOAP
   * envelope.
   */
  public static SoapHint soapHint(String body) {
    if (body == null || body.isBlank()) {
      return new SoapHint(null, null);
    }
    try {
      SoapEnvelope envelope = SoapEnvelope.parse(body);
      String username = envelope.fields().get("username");
      return new SoapHint(
          username == null ? null : username.trim(), orgIdOf(envelope.sessionId()).orElse(null));
    } catch (IllegalArgumentException e) {
      return new SoapHint(null, null);
    }
  }

  /**
   * @param username the {@code login} username, or null; @param orgId the session's org id, or null
   */
  public record SoapHint(@Nullable String username, @Nullable String orgId) {}
}
