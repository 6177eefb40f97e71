package dev.sfsim.simulator.http;

import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.Session;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/**
 * Request facts handlers share: the instance URL the client called, the authenticated session, the
 * API version.
 */
public final class Requests {
  public static final String SESSION_ATTRIBUTE = "sfsim.session";

  private Requests() {}

  /**
   * The request path with repeated slashes collapsed ({@code //services/data} is {@code
   * /services/data}).
   */
  public static String path(Context ctx) {
    return collapseSlashes(ctx.path());
  }

  static String collapseSlashes(String path) {
    if (!path.contains("//")) {
      return path;
    } // the usual case: no copy, no regex
    StringBuilder sb = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '/' || sb.length() == 0 || sb.charAt(sb.length() - 1) != '/') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * {@code scheme://host[:port]} exactly as the client addressed this server (its Host header), no
   * trailing slash.
   */
  public static String instanceUrl(Context ctx) {
    String host = ctx.host();
    if (host == null || host.isBlank()) {
      host = "localhost:" + ctx.port();
    }
    return ctx.scheme() + "://" + host;
  }

  /** The session the auth filter attached; only on authenticated paths. */
  public static Session session(Context ctx) {
    Session s = ctx.attribute(SESSION_ATTRIBUTE);
    if (s == null) {
      throw new IllegalStateException("no session on " + ctx.path());
    }
    return s;
  }

  /** The {@code If-Modified-Since} instant (RFC 1123), or null when absent or unparsable. */
  public static java.time.@Nullable Instant ifModifiedSince(Context ctx) {
    String header = ctx.header("If-Modified-Since");
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return java.time.ZonedDateTime.parse(
              header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Answers {@code status} with no body and no {@code Content-Type} (204, 304), as Salesforce does.
   */
  public static void noBody(Context ctx, int status) {
    ctx.status(status);
    ctx.result("");
    ctx.res().setContentType(null);
  }

  /**
   * The API version of a {@code /services/data/{version}/...} path; 404 {@code NOT_FOUND} when not
   * served.
   */
  public static ApiVersion version(Context ctx) {
    return ApiVersion.parse(ctx.pathParam("version"));
  }
}
