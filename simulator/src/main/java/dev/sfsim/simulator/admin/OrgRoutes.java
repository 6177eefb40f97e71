package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /__admin/orgs} (body optional: {@code {"fixtures": {...}}}) answers 201 {@code
 * {"orgId","clientId","clientSecret","username","password","instanceUrl"}} — the only answer that
 * carries the org's secrets; {@code GET /__admin/orgs} answers {@code {"orgs":
 * [{"orgId","clientId","username","instanceUrl"}...]}}, the default org first, never a client
 * secret or password (whoever can reach the admin API must not read them); {@code DELETE
 * /__admin/orgs/{orgId}} drops an org (204; 404 {@code NOT_FOUND} when unknown; 400 for the default
 * org). Contract: {@code GET /__admin/openapi.json}.
 */
public final class OrgRoutes {
  private final OrgAdmin orgs;

  public OrgRoutes(OrgAdmin orgs) {
    this.orgs = orgs;
  }

  /** {@code GET /__admin/orgs}. */
  public void list(Context ctx) {
    ctx.json(Map.of("orgs", orgs.list().stream().map(o -> describe(o, ctx, false)).toList()));
  }

  /** {@code DELETE /__admin/orgs/{orgId}}: 204, or 404 {@code NOT_FOUND}. */
  public void delete(Context ctx) {
    if (!orgs.delete(ctx.pathParam("orgId"))) {
      throw SalesforceException.notFound();
    }
    ctx.status(204);
  }

  public void create(Context ctx) {
    JsonNode fixtures = null;
    if (!ctx.body().isBlank()) {
      JsonNode body = Json.parse(ctx.body());
      if (!body.isObject()) {
        throw SalesforceException.badRequest(
            "JSON_PARSER_ERROR", "Expected a JSON object such as {\"fixtures\": {...}}.");
      }
      for (var it = body.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!name.equals("fixtures")) {
          throw SalesforceException.badRequest(
              "INVALID_FIELD",
              "Unknown property '" + name + "'. Properties: fixtures.",
              java.util.List.of(name));
        }
      }
      fixtures = body.get("fixtures");
      if (fixtures != null && fixtures.isNull()) {
        fixtures = null;
      }
    }
    ctx.status(201).json(describe(orgs.create(fixtures), ctx, true));
  }

  private static Map<String, Object> describe(OrgIdentity org, Context ctx, boolean secrets) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orgId", org.orgId());
    m.put("clientId", org.clientId());
    if (secrets) {
      m.put("clientSecret", org.clientSecret());
    }
    m.put("username", org.username());
    if (secrets) {
      m.put("password", org.password());
    }
    m.put("instanceUrl", Requests.instanceUrl(ctx));
    return m;
  }
}
