package dev.sfsim.simulator.http;

import dev.sfsim.simulator.org.ApiVersion;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /services/data} (the versions list, no authentication) and {@code GET
 * /services/data/vNN.N} (the resource map) as "Versions" and "Resources by Version" in the REST API
 * Developer Guide describe them; in XML {@code <Versions><Version>…</Version></Versions>} and
 * {@code <urls>…</urls>} (the roots Camel's salesforce component reads from real orgs).
 */
public final class ServiceRoutes {
  private final String identityPath;

  /**
   * @param identityPath {@code /id/{orgId}/{userId}} of the API user, made absolute per request
   */
  public ServiceRoutes(String identityPath) {
    this.identityPath = identityPath;
  }

  public void versions(Context ctx) {
    List<Map<String, String>> list =
        ApiVersion.all().stream()
            .map(
                v -> {
                  Map<String, String> m = new LinkedHashMap<>();
                  m.put("label", v.label());
                  m.put("url", v.basePath());
                  m.put("version", v.number());
                  return m;
                })
            .toList();
    Negotiation.write(ctx, "Versions", "Version", list);
  }

  public void resources(Context ctx) {
    ApiVersion v = Requests.version(ctx);
    String base = v.basePath();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sobjects", base + "/sobjects");
    m.put("query", base + "/query");
    m.put("queryAll", base + "/queryAll");
    m.put("composite", base + "/composite");
    m.put("limits", base + "/limits");
    m.put("actions", base + "/actions");
    m.put("identity", Requests.instanceUrl(ctx) + identityPath);
    Negotiation.write(ctx, "urls", null, m);
  }
}
