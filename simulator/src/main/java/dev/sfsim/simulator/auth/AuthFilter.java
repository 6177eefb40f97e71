package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.ErrorCode;
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
    String value = authorization.trim();
    int schemeEnd = skip(value, 0, false);
    int credentials = skip(value, schemeEnd, true);
    String scheme = value.substring(0, schemeEnd);
    if (schemeEnd == value.length()
        || !(scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("OAuth"))) {
      throw new SalesforceException(401, ErrorCode.INVALID_AUTH_HEADER, "INVALID_HEADER_TYPE");
    }
    Optional<Session> s = tokens.validate(value.substring(credentials).trim());
    return s.orElseThrow(SalesforceException::invalidSession);
  }

  /**
   * The index of the first character from {@code from} that is not (with {@code spaces}: that is) a
   * regex {@code \s} character (space, tab, line feed, vertical tab, form feed, carriage return),
   * or the length: the scheme is what precedes the first such run, the credentials what follows it,
   * as {@code split("\s+", 2)} would cut the header (without its regex cost on every call).
   */
  private static int skip(String value, int from, boolean spaces) {
    int i = from;
    while (i < value.length() && isSpace(value.charAt(i)) == spaces) {
      i++;
    }
    return i;
  }

  /** Whether {@code c} is in regex {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * What follows the scheme of an Authorization header value ({@code Bearer 00D…!…} gives {@code
   * 00D…!…}), or the trimmed value itself when it has no whitespace: what {@code
   * replaceFirst("^\S+\s+", "")} on the trimmed value gives.
   */
  public static String afterScheme(String authorization) {
    String value = authorization.trim();
    int schemeEnd = skip(value, 0, false);
    return schemeEnd == 0 || schemeEnd == value.length()
        ? value
        : value.substring(skip(value, schemeEnd, true));
  }
}
