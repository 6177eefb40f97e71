package dev.sfsim.simulator.http;

import dev.sfsim.simulator.org.SalesforceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Percent-decoding of URL paths and query pairs as the REST API reads them, for requests and
 * composite subrequests.
 */
public final class UrlSegments {
  private UrlSegments() {}

  /**
   * The decoded, non-empty segments of {@code path} (repeated slashes collapsed; {@code +} stays a
   * plus sign).
   *
   * @throws SalesforceException 404 {@code NOT_FOUND} for a malformed percent escape ({@code %zz},
   *     a lone {@code %}): such a URL names no resource
   */
  public static List<String> of(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/+")) {
      if (!s.isEmpty()) {
        segments.add(decode(s.replace("+", "%2B")));
      }
    }
    return segments;
  }

  /**
   * {@code application/x-www-form-urlencoded} decoding of one query-string key or value ({@code +}
   * is a space).
   *
   * @throws SalesforceException 404 {@code NOT_FOUND} for a malformed percent escape
   */
  public static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw SalesforceException.notFound();
    }
  }
}
