package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.composite.RestDispatcher;
import dev.sfsim.simulator.org.ApiVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One REST call below {@code /services/data/vNN.N/}, framework-free: what the HTTP routes and
 * composite subrequests both hand to {@link RestDispatcher}.
 *
 * @param method upper-case HTTP method, {@code POST ?_HttpMethod=PATCH} already turned into {@code
 *     PATCH}
 * @param version the API version of the path
 * @param segments decoded path segments after the version, e.g. {@code [sobjects, Account, 001…]}
 * @param query decoded query parameters (first value of each)
 * @param body the request body, null or empty when none
 * @param userId 18-character id of the calling user
 * @param ifModifiedSince the {@code If-Modified-Since} instant, null when absent or unparsable
 */
public record ApiRequest(
    String method,
    ApiVersion version,
    List<String> segments,
    Map<String, String> query,
    @Nullable String body,
    String userId,
    @Nullable Instant ifModifiedSince) {
  public ApiRequest {
    segments = List.copyOf(segments);
    query = Map.copyOf(query);
  }

  /** The segment at {@code i}, or null. */
  public @Nullable String segment(int i) {
    return i < segments.size() ? segments.get(i) : null;
  }

  /** The same request addressed to the segments from {@code from} on. */
  public ApiRequest tail(int from) {
    return new ApiRequest(
        method,
        version,
        segments.subList(from, segments.size()),
        query,
        body,
        userId,
        ifModifiedSince);
  }
}
