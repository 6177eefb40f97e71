package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The grants of {@code POST /services/oauth2/token} ("OAuth Authorization Flows", Salesforce Help):
 * checks the form fields of each and issues the tokens. {@code password} and {@code
 * client_credentials} need the consumer key and secret; {@code refresh_token} the key, and the
 * secret when one is sent; {@code authorization_code} the key and the secret, unless the code was
 * issued for a PKCE {@code code_challenge} (then the {@code code_verifier} stands in for it, as for
 * a connected app without "Require Secret for Web Server Flow"; "OAuth 2.0 Web Server Flow for Web
 * App Integration" and "Proof Key for Code Exchange (PKCE) Extension", Salesforce Help), and a
 * missing secret is 400 {@code invalid_client} "invalid client credentials" as Salesforce answers
 * it; {@code authorization_code} answers with a refresh token, {@code refresh_token} does not
 * rotate it.
 */
final class Grants {
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** The outcome of a grant: the access token and, for the web server flow, a refresh token. */
  record Issued(Session session, @Nullable String refreshToken) {}

  private final OrgIdentity org;
  private final TokenService tokens;
  private final AuthorizationCodes codes;
  private final JwtBearer jwt;

  Grants(OrgIdentity org, TokenService tokens, AuthorizationCodes codes, JwtBearer jwt) {
    this.org = org;
    this.tokens = tokens;
    this.codes = codes;
    this.jwt = jwt;
  }

  /**
   * @param form the form fields (first value of each)
   * @param authorization the {@code Authorization} header, for HTTP Basic client authentication;
   *     may be null
   * @param instanceUrl the simulator's URL as the client called it (an accepted JWT audience)
   * @throws OAuthError with Salesforce's {@code error}/{@code error_description}
   */
  Issued grant(Map<String, String> form, String authorization, String instanceUrl) {
    String grant = form.get("grant_type");
    if (grant == null || grant.isBlank()) {
      throw new OAuthError("unsupported_grant_type", "grant type not supported");
    }
    return switch (grant) {
      case "password" -> password(form);
      case "client_credentials" -> clientCredentials(form, authorization);
      case "refresh_token" -> refresh(form);
      case "authorization_code" -> authorizationCode(form, authorization);
      case JWT_BEARER -> jwtBearer(form, instanceUrl);
      default -> throw new OAuthError("unsupported_grant_type", "grant type not supported");
    };
  }

  private Issued password(Map<String, String> form) {
    checkClient(form.get("client_id"), form.get("client_secret"), true);
    if (!equal(org.username(), form.get("username"))
        || !equal(org.password(), form.get("password"))) {
      throw OAuthError.authenticationFailure();
    }
    return new Issued(tokens.issue(org, org.userId()), null);
  }

  private Issued clientCredentials(Map<String, String> form, String authorization) {
    checkClient(form, authorization);
    return new Issued(tokens.issue(org, org.userId()), null);
  }

  /** Client authentication by {@code client_id}/{@code client_secret} in the body or HTTP Basic. */
  void checkClient(Map<String, String> form, String authorization) {
    Client c = client(form, authorization);
    checkClient(c.id(), c.secret(), true);
  }

  private record Client(@Nullable String id, @Nullable String secret) {}

  private static Client client(Map<String, String> form, String authorization) {
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    if (id == null
        && authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded = decodeBasic(authorization.substring(6).trim());
      int colon = decoded.indexOf(':');
      if (colon >= 0) {
        id = decoded.substring(0, colon);
        secret = decoded.substring(colon + 1);
      }
    }
    return new Client(id, secret);
  }

  private Issued refresh(Map<String, String> form) {
    String refreshToken = required(form, "refresh_token");
    checkClient(form.get("client_id"), form.get("client_secret"), false);
    TokenService.TokenInfo info =
        tokens
            .inspect(refreshToken)
            .filter(TokenService.TokenInfo::refresh)
            .orElseThrow(() -> new OAuthError("invalid_grant", "expired access/refresh token"));
    return new Issued(tokens.issue(org, info.userId(), org.clientId(), refreshToken), null);
  }

  private Issued authorizationCode(Map<String, String> form, String authorization) {
    String code = required(form, "code");
    Client client = client(form, authorization);
    checkClient(client.id(), client.secret(), false);
    boolean pkce =
        codes.redeem(code, org.clientId(), form.get("redirect_uri"), form.get("code_verifier"));
    if (!pkce && client.secret() == null) {
      throw new OAuthError("invalid_client", "invalid client credentials");
    }
    String refreshToken = tokens.issueRefreshToken(org, org.userId(), org.clientId());
    return new Issued(tokens.issue(org, org.userId(), org.clientId(), refreshToken), refreshToken);
  }

  private Issued jwtBearer(Map<String, String> form, String instanceUrl) {
    JwtBearer.Claims claims = jwt.verify(form.get("assertion"), instanceUrl);
    if (!equal(org.clientId(), claims.issuer())) {
      throw new OAuthError("invalid_client_id", "client identifier invalid");
    }
    if (!org.username().equalsIgnoreCase(claims.subject())) {
      throw new OAuthError("invalid_grant", "user hasn't approved this consumer");
    }
    return new Issued(tokens.issue(org, org.userId()), null);
  }

  /** Consumer key, then secret: a secret is checked when required or when one was sent. */
  void checkClient(@Nullable String id, @Nullable String secret, boolean secretRequired) {
    if (id == null || id.isBlank()) {
      if (secretRequired) {
        throw new OAuthError("invalid_client_id", "client identifier invalid");
      }
      throw OAuthError.missing("client_id");
    }
    if (!equal(org.clientId(), id)) {
      throw new OAuthError("invalid_client_id", "client identifier invalid");
    }
    if ((secretRequired || secret != null) && !equal(org.clientSecret(), secret)) {
      throw new OAuthError("invalid_client", "invalid client credentials");
    }
  }

  private static String required(Map<String, String> form, String name) {
    String v = form.get(name);
    if (v == null || v.isBlank()) {
      throw OAuthError.missing(name);
    }
    return v;
  }

  /** Constant-time comparison, so secrets cannot be guessed from timings. */
  static boolean equal(String expected, @Nullable String given) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeBasic(String b64) {
    try {
      return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
