package dev.sfsim.testcontainers.admin;

import dev.sfsim.simulator.admin.AdminPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Admin URLs of one org, built from the server's own path templates ({@link AdminPaths}, the
 * constants its routes are registered with): the default org's calls go to the path as is, another
 * org's to {@code /__admin/orgs/{orgId}/...} (every admin path but health and the org list exists
 * per org).
 */
final class AdminUrls {
  private final String instanceUrl;
  private final @Nullable String orgId;

  AdminUrls(String instanceUrl, @Nullable String orgId) {
    this.instanceUrl = instanceUrl;
    this.orgId = orgId;
  }

  String instanceUrl() {
    return instanceUrl;
  }

  /** A path of the simulator as a whole (health, orgs), never under an org's prefix. */
  String global(String template, String... values) {
    return instanceUrl + fill(template, values);
  }

  /** A path for this client's org. */
  String org(String template, String... values) {
    String path = fill(template, values);
    return instanceUrl + (orgId == null ? path : AdminPaths.forOrg(enc(orgId), path));
  }

  /** The template with each {@code {name}} replaced, in order, by a URL-encoded value. */
  private static String fill(String template, String... values) {
    return AdminPaths.fill(
        template, Arrays.stream(values).map(AdminUrls::enc).toArray(String[]::new));
  }

  /** {@code ?a=1&b=2} of the non-null values, or the empty string. */
  static String query(Map<String, @Nullable String> params) {
    String q =
        params.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return q.isEmpty() ? "" : "?" + q;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
