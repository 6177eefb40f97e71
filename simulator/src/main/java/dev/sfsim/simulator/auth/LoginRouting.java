package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.server.OrgRouter;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * What names the org of a login-host request, for {@link OrgRouter}: the org id carried by a token,
 * refresh token, authorization code, SOAP session or {@code /services/Soap/u/{v}/{orgId}} path;
 * else the username of a password grant, a JWT-bearer assertion's {@code sub} or a SOAP {@code
 * login}; else the client id (form, query or HTTP Basic). Only hints: the org they pick verifies
 * the request in full.
 */
public final class LoginRouting {
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final String SOAP_PREFIX = "/services/Soap/u/";

  /** Any of the three may be null; a null hint means the path is not a login-host path. */
  public record Hint(
      @Nullable String orgId, @Nullable String username, @Nullable String clientId) {}

  private LoginRouting() {}

  /**
   * @param path the request path with repeated slashes collapsed
   */
  public static @Nullable Hint of(Context ctx, String path) {
    return switch (path) {
      case "/services/oauth2/token" -> token(ctx);
      case "/services/oauth2/authorize" ->
          new Hint(null, param(ctx, "username"), param(ctx, "client_id"));
      case "/services/oauth2/revoke" -> new Hint(orgIdOf(param(ctx, "token")), null, null);
      case "/services/oauth2/introspect" ->
          new Hint(orgIdOf(param(ctx, "token")), null, clientId(ctx));
      default -> path.startsWith(SOAP_PREFIX) ? soap(ctx, path) : null;
    };
  }

  private static Hint token(Context ctx) {
    String grant = ctx.formParam("grant_type");
    if ("refresh_token".equals(grant)) {
      return new Hint(orgIdOf(ctx.formParam("refresh_token")), null, clientId(ctx));
    }
    if ("authorization_code".equals(grant)) {
      return new Hint(orgIdOf(ctx.formParam("code")), null, clientId(ctx));
    }
    if (JWT_BEARER.equals(grant)) {
      return new Hint(null, RoutingHints.subjectOf(ctx.formParam("assertion")).orElse(null), null);
    }
    return new Hint(null, ctx.formParam("username"), clientId(ctx));
  }

  private static Hint soap(Context ctx, String path) {
    String[] rest = path.substring(SOAP_PREFIX.length()).split("/");
    if (rest.length >= 2 && !rest[1].isEmpty()) {
      return new Hint(rest[1], null, null);
    }
    RoutingHints.SoapHint hint = RoutingHints.soapHint(ctx.body());
    return new Hint(hint.orgId(), hint.username(), null);
  }

  private static @Nullable String orgIdOf(@Nullable String token) {
    return RoutingHints.orgIdOf(token).orElse(null);
  }

  /** A form field, or the query parameter of that name (revoke also takes {@code GET ?token=}). */
  private static @Nullable String param(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v != null ? v : ctx.queryParam(name);
  }

  /**
   * {@code client_id} of the form, or the user part of {@code Authorization: Basic
   * base64(id:secret)}.
   */
  private static @Nullable String clientId(Context ctx) {
    String id = ctx.formParam("client_id");
    return id != null ? id : basicUser(ctx.header("Authorization"));
  }

  private static @Nullable String basicUser(String auth) {
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
