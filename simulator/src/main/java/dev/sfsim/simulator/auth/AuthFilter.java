package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.org.Session;
import io.javalin.http.Context;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Requires {@code Authorization: Bearer <token>} on {@code /services/data/vNN.N/**}; a missing,
 * unknown or expired token is 401 {@code INVALID_SESSION_ID} "Session expired or invalid", and a
 * non-Bearer Authorization header 401 {@code INVALID_AUTH_HEADER} ("Status Codes and Error
 * Responses", REST API Developer Guide). The versions list {@code /services/data} needs no token,
 * as in a real org.
 */
public final class AuthFilter {
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
  private final TokenService tokens;

  public AuthFilter(TokenService tokens) {
    this.tokens = tokens;
  }

  public void check(Context ctx) {
    String path = Requests.path(ctx);
    if (path.equals("/services/data") || path.equals("/services/data/")) {
      return;
    }
    ctx.attribute(Requests.SESSION_ATTRIBUTE, authenticate(ctx.header("Authorization")));
  }

  /** The session of an Authorization header value, or the Salesforce 401 error. */
  public Session authenticate(@Nullable String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw SalesforceException.invalidSession();
    }
    String[] parts = WHITESPACE.split(authorization.trim(), 2);
    if (parts.length != 2
        || !(parts[0].equalsIgnoreCase("Bearer") || parts[0].equalsIgnoreCase("OAuth"))) {
      throw new SalesforceException(401, "INVALID_AUTH_HEADER", "INVALID_HEADER_TYPE");
    }
    Optional<Session> s = tokens.validate(parts[1].trim());
    return s.orElseThrow(SalesforceException::invalidSession);
  }
}
