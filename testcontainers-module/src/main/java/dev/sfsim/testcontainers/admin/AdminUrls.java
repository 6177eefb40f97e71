package dev.sfsim.testcontainers.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Admin URLs of one org, built from the server's {@link AdminPaths} templates: the default org's
 * calls go to the path as is, another org's to {@code /__admin/orgs/{orgId}/...} (every admin path
 * but health and the org list exists per org).
 */
final class AdminUrls {
  private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

  private final String instanceUrl;
  private final @Nullable String orgId;

  AdminUrls(String instanceUrl, @Nullable String orgId) {
    this.instanceUrl = instanceUrl;
    this.orgId = orgId;
  }

  String instanceUrl() {
    return instanceUrl;
  }

  /** The path of the simulator as a whole (health, orgs), never under an org's prefix. */
  String global(String template, String... values) {
    return instanceUrl + fill(template, values);
  }

  /** The path for this client's org. */
  String org(String template, String... values) {
    String path = fill(template, values);
    if (orgId == null) {
      return instanceUrl + path;
    }
    return instanceUrl + fill(AdminPaths.ORG, orgId) + path.substring(AdminPaths.ADMIN.length());
  }

  /** Replaces each {@code {name}} of the template, in order, by a URL-encoded value. */
  static String fill(String template, String... values) {
    Matcher m = PARAMETER.matcher(template);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (m.find()) {
      if (i == values.length) {
        throw new IllegalArgumentException("No value for " + m.group() + " of " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(enc(values[i++])));
    }
    m.appendTail(out);
    if (i != values.length) {
      throw new IllegalArgumentException(template + " takes " + i + " values");
    }
    return out.toString();
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
