package dev.sfsim.simulator.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.SqlStates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become Salesforce's error shapes, one method per shape:
 *
 * <ul>
 *   <li>REST: {@code [{"message","errorCode","fields"}]} ("Status Codes and Error Responses", REST
 *       API Developer Guide), or its XML form {@code <Errors><Error>…} when the client asked for
 *       XML — {@link #render}, for {@link SalesforceException}s, Javalin's own 404/405, Jetty's
 *       protocol errors ({@link #protocolError}) and unexpected exceptions (logged once, 500 {@code
 *       UNKNOWN_EXCEPTION});
 *   <li>a composite subrequest's body {@code [{"errorCode","message","fields"}]} ({@link
 *       #subrequestError}) and a record's error in a save result {@code
 *       {"statusCode","message","fields"}} ({@link #recordError}; "Composite", "sObject
 *       Collections" and "sObject Tree", REST API Developer Guide);
 *   <li>OAuth: {@code {"error","error_description"}} ({@link #oauthError}; "OAuth 2.0 Token
 *       Endpoint Error Codes", Salesforce Help);
 *   <li>SOAP: a {@code soapenv:Fault} ({@link #soapFault}; "Error Handling", SOAP API Developer
 *       Guide).
 * </ul>
 */
public final class ErrorRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);
  private static final Pattern METHOD = Pattern.compile("[A-Z]{3,7}");
  private static final List<String> METHOD_ORDER =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
  private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private ErrorRenderer() {}

  /**
   * A REST error element, in Salesforce's key order; {@code fields} left out when null.
   *
   * @param errorCode the wire spelling of the code
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RestError(
      @Nullable String message, String errorCode, @Nullable List<String> fields) {}

  /** A composite subrequest's error element: {@code errorCode} first, as composite answers it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SubrequestError(
      String errorCode, @Nullable String message, @Nullable List<String> fields) {}

  /** A record's error in a save result ({@code fields} always present, possibly empty). */
  public record RecordError(String statusCode, @Nullable String message, List<String> fields) {}

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
    routes.exception(Exception.class, (e, ctx) -> render(ctx, unexpected(ctx, e)));
    routes.error(
        404,
        "*",
        ctx -> {
          if (!RenderedBody.pending(ctx) && (ctx.result() == null || ctx.result().isEmpty())) {
            render(ctx, SalesforceException.notFound());
          }
        });
    routes.error(
        405,
        "*",
        ctx -> {
          if (!RenderedBody.pending(ctx) && (ctx.result() == null || ctx.result().isEmpty())) {
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
    Negotiation.write(ctx, "Errors", "Error", List.of(restError(e)));
  }

  /**
   * The Salesforce error for an exception no handler expected: a client-caused SQL failure keeps
   * its mapping ({@link SqlStates}); anything else is a bug, logged here (once) and answered 500
   * {@code UNKNOWN_EXCEPTION}.
   */
  static SalesforceException unexpected(Context ctx, Exception e) {
    return SqlStates.toSalesforce(e)
        .orElseGet(
            () -> {
              LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
              return SalesforceException.unexpected(e);
            });
  }

  /** The REST error element: {@code message}, {@code errorCode} and, when named, {@code fields}. */
  public static RestError restError(SalesforceException e) {
    return new RestError(e.getMessage(), e.errorCode().name(), e.fields());
  }

  /** A composite subrequest's error body: a one-element array. */
  public static List<SubrequestError> subrequestError(SalesforceException e) {
    return List.of(new SubrequestError(e.errorCode().name(), e.getMessage(), e.fields()));
  }

  /** A record's error in a save result; no fields gives {@code "fields":[]}. */
  public static RecordError recordError(
      ErrorCode statusCode, @Nullable String message, @Nullable List<String> fields) {
    return new RecordError(statusCode.name(), message, fields == null ? List.of() : fields);
  }

  /** A record's error in a save result, from the exception. */
  public static RecordError recordError(SalesforceException e) {
    return new RecordError(
        e.errorCode().name(), e.getMessage(), e.fields() == null ? List.of() : e.fields());
  }

  /**
   * The body for a status Jetty refuses before any route sees the request (414, 431, a malformed
   * request line): {@code [{"message": <reason phrase>, "errorCode": <REASON_PHRASE>}]}, the codes
   * being the status reasons in Salesforce's spelling (our choice: no page gives them). Jetty's own
   * message may name internals, so it is not shown.
   */
  static byte[] protocolError(int status) {
    String reason = HttpStatus.getMessage(status);
    String code =
        reason.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    try {
      return Json.MAPPER.writeValueAsBytes(List.of(new RestError(reason, code, null)));
    } catch (JsonProcessingException e) {
      return ("[{\"message\":\""
              + status
              + "\",\"errorCode\":\""
              + ErrorCode.UNKNOWN_EXCEPTION
              + "\"}]")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * The OAuth error body, {@code error} then {@code error_description}, for the token endpoint's
   * encodings (JSON, form, XML).
   *
   * @param error the OAuth error, e.g. {@code invalid_grant}
   */
  public static Map<String, Object> oauthError(String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return body;
  }

  /**
   * A Salesforce SOAP fault: {@code faultcode} {@code sf:CODE}, {@code faultstring} {@code CODE:
   * message}; with a {@code detailType} (e.g. {@code LoginFault}) the detail repeats code and
   * message as {@code sf:exceptionCode}/{@code sf:exceptionMessage}.
   */
  public static String soapFault(
      ErrorCode code, @Nullable String message, @Nullable String detailType) {
    return soapFault("sf:" + code.name(), code.name(), message, detailType);
  }

  /** A SOAP fault for a request that is not a SOAP message: {@code soapenv:Client}. */
  public static String soapClientFault(@Nullable String message) {
    return soapFault("soapenv:Client", null, message, null);
  }

  private static String soapFault(
      String faultCode,
      @Nullable String code,
      @Nullable String message,
      @Nullable String detailType) {
    @Nullable String faultString = code == null ? message : code + ": " + message;
    StringBuilder sb =
        new StringBuilder(XML_DECL)
            .append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"")
            .append(" xmlns:sf=\"urn:fault.partner.soap.sforce.com\"")
            .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
            .append("<soapenv:Body><soapenv:Fault>")
            .append(xmlElement("faultcode", faultCode))
            .append(xmlElement("faultstring", faultString));
    if (detailType != null && code != null) {
      sb.append("<detail><sf:")
          .append(detailType)
          .append(" xsi:type=\"sf:")
          .append(detailType)
          .append("\">")
          .append(xmlElement("sf:exceptionCode", code))
          .append(xmlElement("sf:exceptionMessage", message))
          .append("</sf:")
          .append(detailType)
          .append("></detail>");
    }
    return sb.append("</soapenv:Fault></soapenv:Body></soapenv:Envelope>").toString();
  }

  /**
   * {@code <name>text</name>}, escaped; no text (an exception without a message) gives an empty
   * element.
   */
  private static String xmlElement(String name, @Nullable String text) {
    if (text == null) {
      return "<" + name + "></" + name + ">";
    }
    String escaped =
        text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
    return "<" + name + ">" + escaped + "</" + name + ">";
  }

  /**
   * 405 {@code METHOD_NOT_ALLOWED} "HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD,POST",
   * the allowed methods taken from what the router reports for the path (HEAD listed with GET, as
   * Salesforce lists it).
   */
  static SalesforceException methodNotAllowed(String method, Collection<String> routerDetails) {
    Set<String> found = new TreeSet<>();
    for (String d : routerDetails) {
      Matcher m = METHOD.matcher(d);
      while (m.find()) {
        found.add(m.group());
      }
    }
    List<String> allowed =
        METHOD_ORDER.stream()
            .filter(m -> found.contains(m) || (m.equals("HEAD") && found.contains("GET")))
            .toList();
    String list = allowed.isEmpty() ? "" : " Allowed are " + String.join(",", allowed);
    return new SalesforceException(
        ErrorCode.METHOD_NOT_ALLOWED, "HTTP Method '" + method + "' not allowed." + list);
  }

  private static SalesforceException fromStatus(int status, Context ctx) {
    return switch (status) {
      case 404 -> SalesforceException.notFound();
      case 405 ->
          new SalesforceException(
              ErrorCode.METHOD_NOT_ALLOWED, "HTTP Method '" + ctx.method() + "' not allowed.");
      case 413 ->
          new SalesforceException(
              ErrorCode.REQUEST_ENTITY_TOO_LARGE, "The request body is too large.");
      default ->
          new SalesforceException(
              status, ErrorCode.INVALID_REQUEST, "The request is invalid.", null);
    };
  }
}
