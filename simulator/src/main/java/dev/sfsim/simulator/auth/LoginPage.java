package dev.sfsim.simulator.auth;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The login step of {@code /services/oauth2/authorize} when it is not automatic ({@code
 * SFSIM_AUTHORIZE=login}, the default): a plain HTML form asking for the username and password,
 * which posts the authorize parameters back with them. A script skips the page by sending {@code
 * username} and {@code password} with the authorize call itself (query or form fields).
 * Salesforce's own page is richer; what matters is that no code is issued without the user.
 */
final class LoginPage {
  /** The authorize parameters carried through the form (never the password). */
  private static final Set<String> CARRIED =
      Set.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "state",
          "scope",
          "code_challenge",
          "code_challenge_method",
          "prompt",
          "display",
          "login_hint",
          "nonce");

  private LoginPage() {}

  /**
   * @param error shown above the form (Salesforce's wording for a failed login), or null
   */
  static String html(Map<String, String> params, @Nullable String error) {
    StringBuilder b =
        new StringBuilder(
            "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Login | Salesforce</title></head><body>");
    if (error != null) {
      b.append("<div id=\"error\">").append(escape(error)).append("</div>");
    }
    b.append("<form method=\"post\" action=\"/services/oauth2/authorize\">");
    params.forEach(
        (k, v) -> {
          if (CARRIED.contains(k)) {
            b.append("<input type=\"hidden\" name=\"")
                .append(escape(k))
                .append("\" value=\"")
                .append(escape(v))
                .append("\">");
          }
        });
    String hint = params.getOrDefault("login_hint", params.getOrDefault("username", ""));
    b.append("<label>Username <input type=\"email\" name=\"username\" value=\"")
        .append(escape(hint))
        .append("\"></label>")
        .append("<label>Password <input type=\"password\" name=\"password\"></label>")
        .append("<input type=\"submit\" name=\"Login\" value=\"Log In\"></form></body></html>");
    return b.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
