package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.http.ErrorRenderer;
import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.OrgIdentity;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth endpoints of the login host ("OAuth Endpoints", Salesforce Help): {@code POST
 * /services/oauth2/token} (form-encoded; every grant of {@link Grants}; answers in {@code
 * format=json|urlencoded|xml}), {@code GET|POST /services/oauth2/authorize} (the web server flow:
 * the configured user logs in — {@code username} and {@code password} as query or form fields, or
 * through the {@link LoginPage} — or, with {@code SFSIM_AUTHORIZE=auto}, approves at once; the
 * browser is then redirected to {@code redirect_uri} with {@code code} and {@code state}), {@code
 * POST|GET /services/oauth2/revoke} (200, empty body) and {@code POST /services/oauth2/introspect}.
 * Failures are Salesforce's flat {@code {"error","error_description"}}.
 */
public final class OAuthRoutes {
  private final OrgIdentity org;
  private final TokenService tokens;
  private final Grants grants;
  private final AuthorizationCodes codes;

  private final boolean autoAuthorize;

  private OAuthRoutes(
      OrgIdentity org,
      TokenService tokens,
      Grants grants,
      AuthorizationCodes codes,
      boolean autoAuthorize) {
    this.autoAuthorize = autoAuthorize;
    this.org = org;
    this.tokens = tokens;
    this.grants = grants;
    this.codes = codes;
  }

  /**
   * @param autoAuthorize {@code SFSIM_AUTHORIZE=auto}: authorize issues a code with no login step
   */
  public static OAuthRoutes create(
      OrgIdentity org,
      TokenService tokens,
      Certificates certificates,
      Jdbi jdbi,
      SimClock clock,
      boolean autoAuthorize) {
    AuthorizationCodes codes = new AuthorizationCodes(jdbi, clock);
    return new OAuthRoutes(
        org,
        tokens,
        new Grants(org, tokens, codes, new JwtBearer(certificates, clock)),
        codes,
        autoAuthorize);
  }

  /** {@code POST /services/oauth2/revoke}: the token in the form body. */
  public void revokeForm(Context ctx) {
    revoke(ctx, form(ctx).get("token"));
  }

  /** {@code GET /services/oauth2/revoke?token=}. */
  public void revokeQuery(Context ctx) {
    revoke(ctx, ctx.queryParam("token"));
  }

  public void token(Context ctx) {
    TokenFormat format = TokenFormat.JSON;
    try {
      String contentType = ctx.contentType() == null ? "" : ctx.contentType();
      if (!contentType.startsWith("application/x-www-form-urlencoded")) {
        throw new OAuthError("unsupported_grant_type", "grant type not supported");
      }
      Map<String, String> form = form(ctx);
      format =
          TokenFormat.of(
              form.getOrDefault("format", ctx.queryParam("format")), ctx.header("Accept"));
      Grants.Issued issued =
          grants.grant(form, ctx.header("Authorization"), Requests.instanceUrl(ctx));
      answer(ctx, format, 200, success(ctx, issued));
    } catch (OAuthError e) {
      answer(ctx, format, e.status, error(e));
    }
  }

  private TokenResponse success(Context ctx, Grants.Issued issued) {
    String instanceUrl = Requests.instanceUrl(ctx);
    String id = instanceUrl + "/id/" + org.orgId() + "/" + issued.session().userId();
    String issuedAt = String.valueOf(System.currentTimeMillis());
    return new TokenResponse(
        issued.session().token(),
        issued.refreshToken(),
        instanceUrl,
        id,
        "Bearer",
        issuedAt,
        Signatures.hmacSha256Base64(org.clientSecret(), id + issuedAt),
        "api refresh_token web");
  }

  public void authorize(Context ctx) {
    Map<String, String> in = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                in.put(k, v.get(0));
              }
            });
    in.putAll(form(ctx));
    String redirectUri = in.get("redirect_uri");
    try {
      if (!Grants.equal(org.clientId(), in.get("client_id"))) {
        throw new OAuthError("invalid_client_id", "client identifier invalid");
      }
      if (redirectUri == null || redirectUri.isBlank()) {
        throw OAuthError.missing("redirect_uri");
      }
    } catch (OAuthError e) {
      answer(ctx, TokenFormat.JSON, e.status, error(e));
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (!"code".equals(in.get("response_type"))) {
      ErrorRenderer.oauthError("unsupported_response_type", "response type not supported")
          .forEach((k, v) -> params.put(k, String.valueOf(v)));
    } else if (!autoAuthorize && !loggedIn(in)) {
      String error =
          in.containsKey("username") || in.containsKey("password")
              ? "Please check your username and password. If you still can't log in, contact your Salesforce administrator."
              : null;
      ctx.status(200).contentType("text/html;charset=UTF-8").result(LoginPage.html(in, error));
      return;
    } else {
      params.put(
          "code",
          codes.create(
              org.orgId15(),
              org.clientId(),
              redirectUri,
              in.get("code_challenge"),
              in.get("code_challenge_method")));
    }
    String state = in.get("state");
    if (state != null) {
      params.put("state", state);
    }
    StringBuilder location =
        new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
    params.forEach(
        (k, v) ->
            location
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
    location.setLength(location.length() - 1);
    ctx.status(302).header("Location", location.toString()).result("");
  }

  /** The login step: the configured username (case-insensitive, as Salesforce's) and password. */
  private boolean loggedIn(Map<String, String> in) {
    String username = in.get("username");
    return username != null
        && org.username().equalsIgnoreCase(username.trim())
        && Grants.equal(org.password(), in.get("password"));
  }

  private void revoke(Context ctx, @Nullable String token) {
    if (tokens.revoke(token)) {
      ctx.status(200).result("");
      return;
    }
    answer(
        ctx,
        TokenFormat.JSON,
        400,
        error(new OAuthError("unsupported_token_type", "this token type is not supported")));
  }

  public void introspect(Context ctx) {
    Map<String, String> form = form(ctx);
    try {
      grants.checkClient(form, ctx.header("Authorization"));
    } catch (OAuthError e) {
      answer(ctx, TokenFormat.JSON, 401, error(e));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    tokens
        .inspect(form.get("token"))
        .ifPresentOrElse(
            t -> {
              body.put("active", true);
              body.put("scope", "api refresh_token web");
              body.put("client_id", t.clientId() == null ? org.clientId() : t.clientId());
              body.put("username", org.username());
              body.put("sub", Requests.instanceUrl(ctx) + "/id/" + org.orgId() + "/" + t.userId());
              body.put("token_type", t.refresh() ? "refresh_token" : "access_token");
              if (t.expiresAt() != null) {
                body.put("exp", t.expiresAt().getEpochSecond());
              }
              body.put("iat", t.issuedAt().getEpochSecond());
              body.put("nbf", t.issuedAt().getEpochSecond());
            },
            () -> body.put("active", false));
    answer(ctx, TokenFormat.JSON, 200, body);
  }

  private static Map<String, Object> error(OAuthError e) {
    return ErrorRenderer.oauthError(e.error, e.description);
  }

  private static void answer(Context ctx, TokenFormat format, int status, Object body) {
    ctx.status(status).contentType(format.contentType).result(format.render(body));
  }

  /**
   * The first value of each form field (the body must be form-encoded; anything else reads as no
   * fields).
   */
  private static Map<String, String> form(Context ctx) {
    Map<String, String> form = new HashMap<>();
    String contentType = ctx.contentType() == null ? "" : ctx.contentType();
    if (!contentType.startsWith("application/x-www-form-urlencoded")) {
      return form;
    }
    for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
      if (!e.getValue().isEmpty()) {
        form.put(e.getKey(), e.getValue().get(0));
      }
    }
    return form;
  }
}
