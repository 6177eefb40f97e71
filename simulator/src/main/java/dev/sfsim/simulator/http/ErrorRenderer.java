package dev.sfsim.simulator.http;

import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.SqlStates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become HTTP: Salesforce's REST error body {@code
 * [{"message","errorCode","fields"}]} ("Status Codes and Error Responses", REST API Developer
 * Guide), or its XML form {@code <Errors><Error>…} when the client asked for XML, for {@link
 * SalesforceException}s, for Javalin's own 404/405 and for unexpected exceptions (logged once, 500
 * {@code UNKNOWN_EXCEPTION}).
 */
public final class ErrorRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);

  private ErrorRenderer() {}

  /** Installs the exception and error-status handlers. */
  public static void register(RoutesConfig routes) {
    routes.exception(SalesforceException.class, (e, ctx) -> render(ctx, e));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            render(
                ctx,
                e.getStatus() == 405
                    ? methodNotAllowed(ctx.method().name(), e.getDetails().values())
                    : fromStatus(e.getStatus(), ctx)));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          var known = SqlStates.toSalesforce(e);
          if (known.isPresent()) {
            render(ctx, known.get());
            return;
          }
          LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
          render(
              ctx,
              new SalesforceException(
                  500,
                  "UNKNOWN_EXCEPTION",
                  "An unexpected error occurred. Please include this ErrorId if you contact support: "
                      + e.getClass().getSimpleName()));
        });
    routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            render(ctx, SalesforceException.notFound());
          }
        });
    routes.error(
        405,
        "*",
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            render(ctx, fromStatus(405, ctx));
          }
        });
  }

  /**
   * Writes the error body and status: JSON, or, when the client asked for XML ({@link
   * Negotiation}), {@code
   * <Errors><Error><errorCode>…</errorCode><fields>…</fields><message>…</message></Error></Errors>}
   * (the XML form Salesforce answers; {@code fields} repeated per field).
   */
  public static void render(Context ctx, SalesforceException e) {
    ctx.status(e.status());
    Negotiation.write(ctx, "Errors", "Error", List.of(body(e)));
  }

  /**
   * The error element: {@code message}, {@code errorCode} and, when the exception names fields,
   * {@code fields}.
   */
  public static Map<String, Object> body(SalesforceException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", e.getMessage());
    m.put("errorCode", e.errorCode());
    if (e.fields() != null) {
      m.put("fields", e.fields());
    }
    return m;
  }

  /**
   * 405 {@code METHOD_NOT_ALLOWED} "HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD,POST",
   * the allowed methods taken from what the router reports for the path (HEAD listed with GET, as
   * Salesforce lists it).
   */
  static SalesforceException methodNotAllowed(
      String method, java.util.Collection<String> routerDetails) {
    java.util.Set<String> found = new java.util.TreeSet<>();
    for (String d : routerDetails) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Z]{3,7}").matcher(d);
      while (m.find()) {
        found.add(m.group());
      }
    }
    List<String> order = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    List<String> allowed =
        order.stream()
            .filter(m -> found.contains(m) || (m.equals("HEAD") && found.contains("GET")))
            .toList();
    String list = allowed.isEmpty() ? "" : " Allowed are " + String.join(",", allowed);
    return new SalesforceException(
        405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed." + list);
  }

  private static SalesforceException fromStatus(int status, Context ctx) {
    return switch (status) {
      case 404 -> SalesforceException.notFound();
      case 405 ->
          new SalesforceException(
              405, "METHOD_NOT_ALLOWED", "HTTP Method '" + ctx.method() + "' not allowed.");
      case 413 ->
          new SalesforceException(
              413, "REQUEST_ENTITY_TOO_LARGE", "The request body is too large.");
      default -> new SalesforceException(status, "INVALID_REQUEST", "The request is invalid.");
    };
  }
}
