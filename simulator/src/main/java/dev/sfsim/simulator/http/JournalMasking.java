package dev.sfsim.simulator.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the request journal must not keep in clear: credentials and tokens become {@code ****}, as
 * {@code Authorization} always was. Masked are the headers {@code Authorization}, {@code
 * Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie}; the query or form fields that carry
 * a secret ({@code password}, {@code client_secret}, {@code refresh_token}, {@code code}, {@code
 * assertion}, {@code code_verifier}, {@code token}, {@code access_token}, {@code oauth_token}); and
 * the {@code password} and {@code sessionId} elements of a SOAP body.
 */
public final class JournalMasking {
  static final String MASK = "****";
  private static final Set<String> HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Set<String> FIELDS =
      Set.of(
          "password",
          "client_secret",
          "refresh_token",
          "code",
          "assertion",
          "code_verifier",
          "token",
          "access_token",
          "oauth_token");

  /**
   * {@code <password>…</password>}, {@code <n1:password>…</n1:password>}, {@code
   * <urn:sessionId>…</urn:sessionId>}.
   */
  private static final Pattern SOAP_SECRET =
      Pattern.compile(
          "(<([\\w.-]+:)?(password|sessionId)(\\s[^>]*)?>)[^<]*(</)", Pattern.CASE_INSENSITIVE);

  private JournalMasking() {}

  /**
   * The request's headers, masked: each name once, in order, with its first value (what Javalin's
   * {@code ctx.headerMap()} holds), read in one pass.
   */
  public static Map<String, String> headers(HttpServletRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String k = names.nextElement();
      String v = request.getHeader(k);
      out.put(k, HEADERS.contains(k.toLowerCase(Locale.ROOT)) ? header(k, v) : v);
    }
    return out;
  }

  /**
   * Keeps the scheme of {@code Authorization: Bearer …} ({@code Bearer ****}); everything else is
   * masked whole.
   */
  private static String header(String name, String value) {
    if (!name.toLowerCase(Locale.ROOT).endsWith("authorization")) {
      return MASK;
    }
    int space = value.indexOf(' ');
    return (space > 0 ? value.substring(0, space + 1) : "") + MASK;
  }

  public static Map<String, String> query(Map<String, String> query) {
    Map<String, String> out = new LinkedHashMap<>();
    query.forEach((k, v) -> out.put(k, FIELDS.contains(k) ? MASK : v));
    return out;
  }

  /**
   * A body with its secrets masked: form fields of a form-encoded body, elements of an XML (SOAP)
   * body.
   */
  public static String body(String contentType, String body) {
    if (body.isEmpty()) {
      return body;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return form(body);
    }
    if (type.contains("xml")) {
      return SOAP_SECRET.matcher(body).replaceAll("$1" + MASK + "$5");
    }
    return body;
  }

  /** Masks the values of secret fields in {@code a=1&b=2}, leaving every other byte as sent. */
  private static String form(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (String pair : body.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      out.append(eq >= 0 && FIELDS.contains(name) ? pair.substring(0, eq + 1) + MASK : pair);
    }
    return out.toString();
  }

  private static String decode(String name) {
    try {
      return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name; // a malformed escape: compare as sent
    }
  }
}
