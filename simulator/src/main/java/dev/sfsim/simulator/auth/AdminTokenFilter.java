package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * Closes {@code /__admin/**} when {@code SFSIM_ADMIN_TOKEN} is set (admin API contract: {@code GET
 * /__admin/openapi.json}): every call but {@code GET /__admin/health} and the web console's static
 * files ({@code /__admin/ui/}) needs {@code Authorization: Bearer <that token>}, else 401 {@code
 * INVALID_SESSION_ID}. The comparison takes constant time.
 */
public final class AdminTokenFilter {
  private final byte @Nullable [] token;

  /**
   * @param token the admin token; null or blank leaves the admin API open
   */
  public AdminTokenFilter(@Nullable String token) {
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** Before every admin call: 401 without the admin token, when one is configured. */
  public void check(Context ctx) {
    if (token == null) {
      return;
    }
    String path = Requests.path(ctx);
    if (path.equals("/__admin/health") || path.equals("/__admin/health/")) {
      return;
    }
    // the web console's static files hold no data; the page sends the token with each admin call it
    // makes
    if (path.equals("/__admin/ui") || path.startsWith("/__admin/ui/")) {
      return;
    }
    String header = ctx.header("Authorization");
    String given =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : "";
    if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw new SalesforceException(
          401,
          ErrorCode.INVALID_SESSION_ID,
          "The admin API needs Authorization: Bearer <SFSIM_ADMIN_TOKEN>");
    }
  }
}
