package dev.sfsim.simulator.org;

import java.time.Instant;

/**
 * An authenticated API session: who called, from which token.
 *
 * @param token the access token
 * @param userId 18-character id of the calling user
 * @param orgId 18-character org id
 * @param expiresAt when the token stops being accepted
 */
public record Session(String token, String userId, String orgId, Instant expiresAt) {}
