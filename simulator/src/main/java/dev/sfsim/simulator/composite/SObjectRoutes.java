package dev.sfsim.simulator.composite;

import dev.sfsim.simulator.http.Negotiation;
import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.http.UrlSegments;
import dev.sfsim.simulator.http.XmlBodies;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.sobject.ApiRequest;
import dev.sfsim.simulator.sobject.ApiResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP edge of {@code /services/data/vNN.N/sobjects/**} and {@code /composite/**}: turns the call
 * into an {@link ApiRequest} ({@code POST ?_HttpMethod=PATCH} becomes PATCH, as Salesforce honours
 * it) and writes the {@link ApiResponse}: JSON with {@code Content-Type:
 * application/json;charset=UTF-8}, XML when asked for ({@link Negotiation}, roots per {@link
 * XmlRoots}), or no body and no Content-Type for 204/304. XML request bodies ({@code Content-Type:
 * application/xml}) are read into the same JSON tree ({@link XmlBodies}). Every method is routed
 * here so the resources answer 405 with Salesforce's allowed list.
 */
public final class SObjectRoutes {
  private static final List<HandlerType> METHODS =
      List.of(
          HandlerType.GET,
          HandlerType.HEAD,
          HandlerType.POST,
          HandlerType.PATCH,
          HandlerType.PUT,
          HandlerType.DELETE);
  private final RestDispatcher dispatcher;

  public SObjectRoutes(RestDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  public void handle(Context ctx) {
    ApiVersion version = Requests.version(ctx);
    List<String> segments = suffix(ctx, segments(ctx.path()));
    String method = method(ctx);
    boolean xmlBody =
        Negotiation.xmlBody(ctx)
            && (!ctx.body().isEmpty() || List.of("POST", "PATCH", "PUT").contains(method));
    if (xmlBody || Negotiation.wantsXml(ctx)) {
      XmlRoots.checkSupported(segments);
    }
    String body =
        xmlBody ? XmlBodies.parse(ctx.body(), XmlRoots.lists(segments)).toString() : ctx.body();
    ApiResponse resp =
        dispatcher.handle(
            new ApiRequest(
                method,
                version,
                segments,
                query(ctx),
                body,
                Requests.session(ctx).userId(),
                Requests.ifModifiedSince(ctx)));
    write(ctx, resp, XmlRoots.of(segments, method, resp));
  }

  /**
   * Writes status, headers and the JSON or XML body; no body and no Content-Type when the body is
   * null.
   */
  static void write(Context ctx, ApiResponse resp, String[] xmlRoot) {
    ctx.status(resp.status());
    resp.headers().forEach(ctx::header);
    if (resp.body() == null) {
      Requests.noBody(ctx, resp.status());
      return;
    }
    Negotiation.write(ctx, xmlRoot[0], xmlRoot[1], resp.body());
  }

  /**
   * A {@code .xml} or {@code .json} suffix on the last segment ({@code /sobjects/Account/001….xml})
   * chooses the format, as the REST API Developer Guide allows; the suffix is not part of the
   * resource.
   */
  static List<String> suffix(Context ctx, List<String> segments) {
    if (segments.isEmpty()) {
      return segments;
    }
    String last = segments.get(segments.size() - 1);
    for (String ext : List.of(".xml", ".json")) {
      if (last.length() > ext.length() && last.endsWith(ext)) {
        Negotiation.force(ctx, ext.equals(".xml"));
        List<String> copy = new ArrayList<>(segments);
        copy.set(copy.size() - 1, last.substring(0, last.length() - ext.length()));
        return copy;
      }
    }
    return segments;
  }

  private static String method(Context ctx) {
    String m = ctx.method().name();
    String override = ctx.queryParam("_HttpMethod");
    if (m.equals("POST") && override != null && override.equalsIgnoreCase("PATCH")) {
      return "PATCH";
    }
    return m;
  }

  /** Decoded segments after {@code /services/data/vNN.N}; repeated and trailing slashes ignored. */
  static List<String> segments(String path) {
    List<String> all = UrlSegments.of(path);
    int start = all.indexOf("data") + 2;
    return start < 2 || start > all.size() ? List.of() : all.subList(start, all.size());
  }

  private static Map<String, String> query(Context ctx) {
    Map<String, String> m = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                m.put(k, v.get(0));
              }
            });
    return m;
  }
}
