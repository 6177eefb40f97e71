package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.clock.SimClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * One-time authorization codes of the web server flow ("OAuth 2.0 Web Server Flow for Web App
 * Integration", Salesforce Help): valid 15 minutes, redeemable once, bound to the client and
 * redirect URI; when the authorize call carried a PKCE {@code code_challenge}, the token call must
 * bring the matching {@code code_verifier} (S256 unless {@code code_challenge_method=plain}).
 */
final class AuthorizationCodes {
  static final Duration VALIDITY = Duration.ofMinutes(15);

  private final Jdbi jdbi;
  private final SimClock clock;

  AuthorizationCodes(Jdbi jdbi, SimClock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Creates a code; returns its value (Salesforce's codes are opaque, URL-safe text; sfsim's carry
   * the org id after {@code aPrx} so that the token call reaches the org that issued it, see {@link
   * RoutingHints}).
   */
  String create(
      String orgId15,
      String clientId,
      String redirectUri,
      @Nullable String challenge,
      @Nullable String challengeMethod) {
    String code = RoutingHints.CODE_PREFIX + orgId15 + TokenService.randomText(65);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                        INSERT INTO oauth_authorization_code (code, client_id, redirect_uri,
                            code_challenge, code_challenge_method, expires_at)
                        VALUES (:code, :clientId, :redirectUri, :challenge, :method, :expiresAt)""")
                .bind("code", code)
                .bind("clientId", clientId)
                .bind("redirectUri", redirectUri)
                .bind("challenge", challenge)
                .bind("method", challengeMethod)
                .bind("expiresAt", clock.now().plus(VALIDITY))
                .execute());
    return code;
  }

  /**
   * Redeems a code (it is gone afterwards, whatever the outcome).
   *
   * @return whether the code was issued for a PKCE {@code code_challenge} (and the verifier
   *     matched)
   * @throws OAuthError {@code invalid_grant} "expired authorization code" for an unknown, used or
   *     expired code, {@code redirect_uri_mismatch} for another redirect URI, {@code invalid_grant}
   *     "invalid code verifier" for a missing or wrong PKCE verifier
   */
  boolean redeem(
      String code, String clientId, @Nullable String redirectUri, @Nullable String verifier) {
    record Row(
        String clientId, String redirectUri, String challenge, String method, Instant expiresAt) {}
    Row row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        DELETE FROM oauth_authorization_code WHERE code = :code
                        RETURNING client_id, redirect_uri, code_challenge, code_challenge_method, expires_at""")
                    .bind("code", code)
                    .map(
                        (rs, ctx) ->
                            new Row(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant()))
                    .findOne()
                    .orElse(null));
    if (row == null || !row.expiresAt().isAfter(clock.now()) || !row.clientId().equals(clientId)) {
      throw new OAuthError("invalid_grant", "expired authorization code");
    }
    if (redirectUri != null && !redirectUri.equals(row.redirectUri())) {
      throw new OAuthError("redirect_uri_mismatch", "redirect_uri must match configuration");
    }
    if (row.challenge() != null && !matches(row.challenge(), row.method(), verifier)) {
      throw new OAuthError("invalid_grant", "invalid code verifier");
    }
    return row.challenge() != null;
  }

  private static boolean matches(String challenge, String method, @Nullable String verifier) {
    if (verifier == null) {
      return false;
    }
    if ("plain".equals(method)) {
      return challenge.equals(verifier);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return challenge.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
