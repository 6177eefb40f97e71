package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /services/oauth2/token} ("OAuth 2.0 Username-Password Flow" and "OAuth 2.0 Client Credentials
 * Flow", Salesforce Help): form-encoded grants {@code password} and {@code client_credentials}; success and
 * error bodies as a real org sends them. Other grants answer 501 {@code NOT_SUPPORTED_BY_SIMULATOR}.
 */
public final class OAuthRoutes {
    private final OrgIdentity org;
    private final TokenService tokens;

    public OAuthRoutes(OrgIdentity org, TokenService tokens) {
        this.org = org;
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes) {
        routes.post("/services/oauth2/token", this::token);
    }

    private void token(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            oauthError(ctx, 400, "unsupported_grant_type", "grant type not supported");
            return;
        }
        String grant = ctx.formParam("grant_type");
        String format = ctx.formParam("format");
        if (format != null && !format.equals("json")) {
            oauthError(ctx, 501, "NOT_SUPPORTED_BY_SIMULATOR", "format=" + format + " is not supported by the simulator (sfsim); use json");
            return;
        }
        if (grant == null || grant.isBlank()) {
            oauthError(ctx, 400, "unsupported_grant_type", "grant type not supported");
            return;
        }
        switch (grant) {
            case "password" -> passwordGrant(ctx);
            case "client_credentials" -> clientCredentialsGrant(ctx);
            case "refresh_token", "authorization_code", "urn:ietf:params:oauth:grant-type:jwt-bearer" ->
                    oauthError(ctx, 501, "NOT_SUPPORTED_BY_SIMULATOR",
                            "grant type " + grant + " is not supported by the simulator (sfsim) yet");
            default -> oauthError(ctx, 400, "unsupported_grant_type", "grant type not supported");
        }
    }

    private void passwordGrant(Context ctx) {
        if (!clientOk(ctx, ctx.formParam("client_id"), ctx.formParam("client_secret"))) return;
        if (!org.username().equals(ctx.formParam("username")) || !org.password().equals(ctx.formParam("password"))) {
            oauthError(ctx, 400, "invalid_grant", "authentication failure");
            return;
        }
        success(ctx);
    }

    private void clientCredentialsGrant(Context ctx) {
        String id = ctx.formParam("client_id");
        String secret = ctx.formParam("client_secret");
        String basic = ctx.header("Authorization");
        if (id == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decodeBasic(basic.substring(6).trim());
            int colon = decoded.indexOf(':');
            if (colon >= 0) {
                id = decoded.substring(0, colon);
                secret = decoded.substring(colon + 1);
            }
        }
        if (clientOk(ctx, id, secret)) success(ctx);
    }

    private boolean clientOk(Context ctx, String id, String secret) {
        if (!org.clientId().equals(id)) {
            oauthError(ctx, 400, "invalid_client_id", "client identifier invalid");
            return false;
        }
        if (!org.clientSecret().equals(secret)) {
            oauthError(ctx, 400, "invalid_client", "invalid client credentials");
            return false;
        }
        return true;
    }

    private void success(Context ctx) {
        Session s = tokens.issue(org, org.userId());
        String instanceUrl = Requests.instanceUrl(ctx);
        String id = instanceUrl + "/id/" + org.orgId() + "/" + org.userId();
        String issuedAt = String.valueOf(System.currentTimeMillis());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", s.token());
        body.put("instance_url", instanceUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        body.put("signature", Signatures.hmacSha256Base64(org.clientSecret(), id + issuedAt));
        body.put("scope", "api refresh_token web");
        ctx.json(body);
    }

    private static String decodeBasic(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void oauthError(Context ctx, int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        ctx.status(status).json(body);
    }
}
