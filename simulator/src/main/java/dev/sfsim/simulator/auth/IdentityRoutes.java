package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.org.Session;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity URL {@code GET /id/{orgId}/{userId}} ("Identity URLs", Salesforce Help) that the
 * token's {@code id} points at; the token comes as {@code Authorization: Bearer} or {@code
 * ?oauth_token=}. Also {@code GET|POST /services/oauth2/userinfo} (OpenID Connect user info, Bearer
 * token). Ids may be 15 or 18 characters; ids of another org or user answer 404 {@code NOT_FOUND}
 * in the REST error shape.
 */
public final class IdentityRoutes {
  private final OrgIdentity org;
  private final AuthFilter auth;

  public IdentityRoutes(OrgIdentity org, AuthFilter auth) {
    this.org = org;
    this.auth = auth;
  }

  public void identity(Context ctx) {
    String header = ctx.header("Authorization");
    String queryToken = ctx.queryParam("oauth_token");
    Session s =
        auth.authenticate(
            header != null ? header : queryToken == null ? null : "Bearer " + queryToken);
    if (!sameId(ctx.pathParam("orgId"), org.orgId())
        || !sameId(ctx.pathParam("userId"), s.userId())) {
      throw SalesforceException.notFound();
    }
    String base = Requests.instanceUrl(ctx);
    Map<String, Object> urls = urls(base);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", base + "/id/" + org.orgId() + "/" + s.userId());
    body.put("asserted_user", true);
    body.put("user_id", s.userId());
    body.put("organization_id", org.orgId());
    body.put("username", org.username());
    body.put("nick_name", org.username().split("@")[0]);
    body.put("display_name", "sfsim Admin");
    body.put("email", org.username());
    putUserFacts(body, urls);
    ctx.json(body);
  }

  /**
   * OpenID Connect user info ("UserInfo Endpoint", Salesforce Help); the {@code sf} CLI needs
   * {@code user_id} and {@code organization_id}.
   */
  public void userinfo(Context ctx) {
    Session s = auth.authenticate(ctx.header("Authorization"));
    String base = Requests.instanceUrl(ctx);
    Map<String, Object> urls = urls(base);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sub", base + "/id/" + org.orgId() + "/" + s.userId());
    body.put("user_id", s.userId());
    body.put("organization_id", org.orgId());
    body.put("preferred_username", org.username());
    body.put("nickname", org.username().split("@")[0]);
    body.put("name", "sfsim Admin");
    body.put("email", org.username());
    body.put("email_verified", true);
    body.put("given_name", "sfsim");
    body.put("family_name", "Admin");
    body.put("zoneinfo", "GMT");
    body.put("address", Map.of());
    body.put("is_salesforce_integration_user", false);
    putUserFacts(body, urls);
    ctx.json(body);
  }

  /** The keys that close both the identity and the userinfo answer, in Salesforce's order. */
  private static void putUserFacts(Map<String, Object> body, Map<String, Object> urls) {
    body.put("urls", urls);
    body.put("active", true);
    body.put("user_type", "STANDARD");
    body.put("language", "en_US");
    body.put("locale", "en_US");
    body.put("utcOffset", 0);
    body.put("is_app_installed", true);
  }

  private static boolean sameId(String given, String id18) {
    return given.equals(id18) || given.equals(id18.substring(0, 15));
  }

  /**
   * The {@code urls} object of the identity and userinfo answers; the literal {@code {version}}
   * placeholders are Salesforce's.
   */
  private static Map<String, Object> urls(String base) {
    Map<String, Object> urls = new LinkedHashMap<>();
    urls.put("rest", base + "/services/data/v{version}/");
    urls.put("sobjects", base + "/services/data/v{version}/sobjects/");
    urls.put("query", base + "/services/data/v{version}/query/");
    urls.put("custom_domain", base);
    return urls;
  }
}
