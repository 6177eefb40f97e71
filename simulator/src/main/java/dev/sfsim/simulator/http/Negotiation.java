package dev.sfsim.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides between JSON and XML ("Content Type Header" and "Using cURL in the
 * REST Examples", REST API Developer Guide: JSON by default, XML with {@code Accept:
 * application/xml}, or a {@code .xml}/{@code .json} suffix on the resource): the first media type
 * of {@code Accept} wins — {@code application/xml} or {@code text/xml} means XML, anything else
 * ({@code application/json}, {@code *}{@code /*}, none) JSON; a suffix seen by the route overrides
 * the header. XML answers carry {@code Content-Type: application/xml;charset=UTF-8}.
 */
public final class Negotiation {
  public static final String XML_UTF8 = "application/xml;charset=UTF-8";
  private static final String FORMAT_ATTRIBUTE = "sfsim.format";

  /** {@link HttpServer#JSON_UTF8} as Jetty reports it back once set (and sends it). */
  private static final String JSON_AS_SENT = "application/json;charset=utf-8";

  private Negotiation() {}

  /** Whether the answer (success or error) is to be XML. */
  public static boolean wantsXml(Context ctx) {
    String forced = ctx.attribute(FORMAT_ATTRIBUTE);
    if (forced != null) {
      return forced.equals("xml");
    }
    return isXml(ctx.header("Accept"));
  }

  /**
   * Records a {@code .xml} / {@code .json} suffix of the resource path, which overrides {@code
   * Accept}.
   */
  public static void force(Context ctx, boolean xml) {
    ctx.attribute(FORMAT_ATTRIBUTE, xml ? "xml" : "json");
  }

  /**
   * Whether the request body is XML ({@code Content-Type: application/xml} or {@code text/xml}).
   */
  public static boolean xmlBody(Context ctx) {
    return isXml(ctx.header("Content-Type"));
  }

  /**
   * The request body as a JSON tree, read from XML when {@link #xmlBody} ({@link XmlBodies}), else
   * from JSON.
   *
   * @param lists XML element names that always stand for arrays
   */
  public static JsonNode body(Context ctx, Set<String> lists) {
    return xmlBody(ctx) ? XmlBodies.parse(ctx.body(), lists) : Json.parse(ctx.body());
  }

  /**
   * Writes {@code body} as JSON, or as XML with the given root element (and item element for a
   * top-level array).
   */
  public static void write(Context ctx, String root, @Nullable String item, Object body) {
    if (wantsXml(ctx)) {
      ctx.contentType(XML_UTF8).result(XmlRenderer.render(root, item, body));
    } else {
      json(ctx, body);
    }
  }

  /**
   * {@code ctx.json(body)}, the same bytes, without the text copy in between: Jackson writes UTF-8
   * straight into the answer ({@link RenderedBody}) when the response's charset is UTF-8 (it is,
   * unless a handler set another).
   */
  private static void json(Context ctx, Object body) {
    // Already the server's default, which the after-handler would set again: skip both sets.
    if (!JSON_AS_SENT.equals(ctx.res().getContentType())) {
      ctx.contentType(ContentType.APPLICATION_JSON);
    }
    if (!utf8(ctx)) {
      ctx.json(body);
      return;
    }
    try {
      RenderedBody.answer(ctx, Json.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + body.getClass().getName(), e);
    }
  }

  /**
   * Whether the response's charset is UTF-8, as {@code ctx.responseCharset()} tells, without its
   * charset lookup when the name is the usual {@code utf-8}.
   */
  private static boolean utf8(Context ctx) {
    String name = ctx.res().getCharacterEncoding();
    return "utf-8".equalsIgnoreCase(name) || StandardCharsets.UTF_8.equals(ctx.responseCharset());
  }

  /**
   * Refuses XML for a resource whose XML form is not emulated.
   *
   * @throws SalesforceException 501 {@code NOT_SUPPORTED_BY_SIMULATOR} naming the resource
   */
  public static void jsonOnly(Context ctx, String resource) {
    if (wantsXml(ctx) || xmlBody(ctx)) {
      throw SalesforceException.notSupported("XML on " + resource);
    }
  }

  private static boolean isXml(String header) {
    if (header == null) {
      return false;
    }
    String first = header.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
    return first.startsWith("application/xml") || first.startsWith("text/xml");
  }
}
