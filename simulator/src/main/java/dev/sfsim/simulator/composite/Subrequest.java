package dev.sfsim.simulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.UrlSegments;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.sobject.ApiRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One element of {@code compositeRequest} or {@code batchRequests}: method, url (absolute {@code
 * /services/data/vNN.N/…} or, in batches, relative {@code vNN.N/…}), optional body and referenceId.
 */
record Subrequest(String method, String url, JsonNode body, @Nullable String referenceId) {
  private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD");

  /** A composite subrequest; referenceIds must be well-formed and unique. */
  static Subrequest parse(JsonNode s, List<Subrequest> earlier) {
    Subrequest sub = parse(s, "body");
    String ref = sub.referenceId();
    if (ref == null || !REFERENCE_ID.matcher(ref).matches()) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_INPUT,
          "Invalid referenceId: "
              + ref
              + ". A referenceId must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').");
    }
    if (earlier.stream().anyMatch(e -> ref.equals(e.referenceId()))) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_INPUT, "Duplicate referenceId provided in the request: " + ref);
    }
    return sub;
  }

  /** A batch subrequest (body under {@code richInput}). */
  static Subrequest parse(JsonNode s, String bodyKey) {
    if (!s.isObject()) {
      throw SalesforceException.badRequest(
          ErrorCode.JSON_PARSER_ERROR, "Each subrequest must be a JSON object");
    }
    String method = s.path("method").asText("").toUpperCase(Locale.ROOT);
    String url = s.path("url").asText(null);
    if (!METHODS.contains(method)) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_INPUT, "Invalid method: " + s.path("method").asText(""));
    }
    if (url == null || url.isBlank()) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_INPUT, "The url of a subrequest is required");
    }
    String ref = s.hasNonNull("referenceId") ? s.get("referenceId").asText() : null;
    return new Subrequest(method, url, s.get(bodyKey), ref);
  }

  /** The request this subrequest makes, references resolved. */
  ApiRequest toRequest(ResultRefs refs, ApiRequest parent) {
    String u = refs.resolve(url);
    String path = u;
    String queryString = "";
    int q = u.indexOf('?');
    if (q >= 0) {
      path = u.substring(0, q);
      queryString = u.substring(q + 1);
    }
    List<String> segments = UrlSegments.of(path);
    if (segments.size() >= 2
        && segments.get(0).equals("services")
        && segments.get(1).equals("data")) {
      segments = segments.subList(2, segments.size());
    }
    if (segments.isEmpty()) {
      throw SalesforceException.notFound();
    }
    ApiVersion version = ApiVersion.parse(segments.get(0));
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : queryString.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = UrlSegments.decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : UrlSegments.decode(pair.substring(eq + 1));
      query.putIfAbsent(k, v);
    }
    String m = method;
    if (m.equals("POST") && "PATCH".equalsIgnoreCase(query.get("_HttpMethod"))) {
      m = "PATCH";
    }
    return new ApiRequest(
        m,
        version,
        segments.subList(1, segments.size()),
        query,
        CompositeResource.json(body == null ? null : refs.resolve(body)),
        parent.userId(),
        null);
  }
}
