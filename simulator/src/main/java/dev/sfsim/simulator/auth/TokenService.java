package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.clock.SimClock;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Issues and checks OAuth access tokens, stored in PostgreSQL so that several simulator processes sharing a
 * database accept each other's tokens. Tokens look like Salesforce's: {@code <15-char org id>!<opaque>}, the
 * opaque part only {@code [A-Za-z0-9.]} (the {@code sf} CLI matches {@code (00D\w{12,15})![.\w]*}),
 * 96 characters drawn from a {@link SecureRandom}.
 */
public final class TokenService {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final SimClock clock;
    private final Duration lifetime;

    public TokenService(Jdbi jdbi, SimClock clock, Duration lifetime) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Issues a new token for the user; it is valid at once, for the configured session timeout. */
    public Session issue(OrgIdentity org, String userId) {
        StringBuilder sb = new StringBuilder(org.orgId15()).append("!AQ");
        for (int i = 0; i < 96; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        Instant now = clock.now();
        Session s = new Session(sb.toString(), userId, org.orgId(), now.plus(lifetime));
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO access_token (token, user_id, org_id, issued_at, expires_at)
                        VALUES (:token, :userId, :orgId, :issuedAt, :expiresAt)""")
                .bind("token", s.token()).bind("userId", userId).bind("orgId", s.orgId())
                .bind("issuedAt", now).bind("expiresAt", s.expiresAt())
                .execute());
        return s;
    }

    /** The session of a token that exists and has not expired; empty otherwise. */
    public Optional<Session> validate(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        Instant now = clock.now();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT token, user_id, org_id, expires_at FROM access_token WHERE token = :token""")
                .bind("token", token)
                .map((rs, ctx) -> new Session(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .findOne()
                .filter(s -> s.expiresAt().isAfter(now)));
    }
}
