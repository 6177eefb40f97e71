package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.Session;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Issues, checks and revokes OAuth access and refresh tokens, stored in PostgreSQL so that several
 * simulator processes sharing a database accept each other's tokens. Access tokens look like
 * Salesforce's: {@code <15-char org id>!<opaque>}, the opaque part only {@code [A-Za-z0-9]} (the
 * {@code sf} CLI matches {@code (00D\w{12,15})![.\w]*}); refresh tokens start {@code 5Aep} as
 * Salesforce's do, then the org id. Every opaque part is drawn from a {@link SecureRandom}. Access
 * tokens expire after the session timeout; refresh tokens live until revoked. Valid sessions are
 * remembered in memory ({@link SessionCache}: expiry and revocations still apply at once).
 */
public final class TokenService {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final SimClock clock;
  private final Duration lifetime;
  private final SessionCache cache = new SessionCache();

  public TokenService(Jdbi jdbi, SimClock clock, Duration lifetime) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** What introspection tells about a token. {@code expiresAt} is null for refresh tokens. */
  public record TokenInfo(
      String token,
      boolean refresh,
      String userId,
      String clientId,
      Instant issuedAt,
      @Nullable Instant expiresAt) {}

  /** The configured lifetime of access tokens. */
  public Duration lifetime() {
    return lifetime;
  }

  /**
   * {@code length} characters from {@code [A-Za-z0-9]}, cryptographically random and uniform: a
   * byte below 248 (4 × 62) picks a character, others are drawn again. Bytes are drawn a batch at a
   * time (one {@link SecureRandom} call per batch, not one per character: a token was 96 calls).
   */
  static String randomText(int length) {
    char[] out = new char[length];
    byte[] bytes = new byte[length + length / 4 + 8];
    int n = 0;
    while (n < length) {
      RANDOM.nextBytes(bytes);
      for (int i = 0; i < bytes.length && n < length; i++) {
        int v = bytes[i] & 0xFF;
        if (v < 248) {
          out[n++] = ALPHABET.charAt(v % ALPHABET.length());
        }
      }
    }
    return new String(out);
  }

  /**
   * Issues a new access token for the user; it is valid at once, for the configured session
   * timeout.
   */
  public Session issue(OrgIdentity org, String userId) {
    return issue(org, userId, org.clientId(), null);
  }

  /**
   * Issues an access token, remembering the client and the refresh token it came from (revoked
   * together).
   */
  public Session issue(
      OrgIdentity org, String userId, String clientId, @Nullable String refreshToken) {
    Instant now = clock.now();
    Session s =
        new Session(
            org.orgId15() + "!AQ" + randomText(96), userId, org.orgId(), now.plus(lifetime));
    long generation = cache.generation();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                        INSERT INTO access_token (token, user_id, org_id, issued_at, expires_at,
                            client_id, refresh_token)
                        VALUES (:token, :userId, :orgId, :issuedAt, :expiresAt, :clientId, :refreshToken)""")
                .bind("token", s.token())
                .bind("userId", userId)
                .bind("orgId", s.orgId())
                .bind("issuedAt", now)
                .bind("expiresAt", s.expiresAt())
                .bind("clientId", clientId)
                .bind("refreshToken", refreshToken)
                .execute());
    cache.remember(s, generation);
    return s;
  }

  /** Issues a refresh token for the user and client. */
  public String issueRefreshToken(OrgIdentity org, String userId, String clientId) {
    String token =
        RoutingHints.REFRESH_PREFIX
            + org.orgId15()
            + randomText(68); // the org id routes it (RoutingHints)
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                        INSERT INTO refresh_token (token, user_id, org_id, client_id, issued_at)
                        VALUES (:token, :userId, :orgId, :clientId, :issuedAt)""")
                .bind("token", token)
                .bind("userId", userId)
                .bind("orgId", org.orgId())
                .bind("clientId", clientId)
                .bind("issuedAt", clock.now())
                .execute());
    return token;
  }

  /**
   * The session of a token that exists, is not revoked and has not expired (simulated clock); empty
   * otherwise.
   */
  public Optional<Session> validate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return cache.get(token, clock.now(), this::lookup);
  }

  private Optional<Session> lookup(String token) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                        SELECT token, user_id, org_id, expires_at FROM access_token WHERE token = :token""")
                .bind("token", token)
                .map(
                    (rs, ctx) ->
                        new Session(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()))
                .findOne());
  }

  /**
   * Forgets the sessions remembered in memory; called when the org's tokens are deleted (reset).
   */
  public void forgetSessions() {
    cache.forgetAll();
  }

  /** The live access or refresh token of that value (expired access tokens are not live). */
  public Optional<TokenInfo> inspect(@Nullable String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.now();
    Optional<TokenInfo> access =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT user_id, client_id, issued_at, expires_at FROM access_token WHERE token = :token""")
                    .bind("token", token)
                    .map(
                        (rs, ctx) ->
                            new TokenInfo(
                                token,
                                false,
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant()))
                    .findOne()
                    .filter(t -> t.expiresAt() != null && t.expiresAt().isAfter(now)));
    if (access.isPresent()) {
      return access;
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                        SELECT user_id, client_id, issued_at FROM refresh_token WHERE token = :token""")
                .bind("token", token)
                .map(
                    (rs, ctx) ->
                        new TokenInfo(
                            token,
                            true,
                            rs.getString(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            null))
                .findOne());
  }

  /**
   * Revokes an access token, or a refresh token together with every access token issued from it
   * ("Revoke OAuth Tokens", Salesforce Help).
   *
   * @return false when no live token has that value
   */
  public boolean revoke(@Nullable String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    java.util.List<String> ended = new java.util.ArrayList<>(java.util.List.of(token));
    try {
      return delete(token, ended);
    } finally {
      cache.forget(ended); // only the revoked sessions: every other client keeps its cached session
    }
  }

  /**
   * Deletes the token (a refresh token with its access tokens), adding every access token deleted
   * to {@code ended}.
   */
  private boolean delete(String token, java.util.List<String> ended) {
    return jdbi.inTransaction(
        h -> {
          int refresh =
              h.createUpdate("DELETE FROM refresh_token WHERE token = :t")
                  .bind("t", token)
                  .execute();
          if (refresh > 0) {
            ended.addAll(
                h.createQuery("DELETE FROM access_token WHERE refresh_token = :t RETURNING token")
                    .bind("t", token)
                    .mapTo(String.class)
                    .list());
            return true;
          }
          return h.createUpdate("DELETE FROM access_token WHERE token = :t AND expires_at > :now")
                  .bind("t", token)
                  .bind("now", clock.now())
                  .execute()
              > 0;
        });
  }
}
