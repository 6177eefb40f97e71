package dev.sfsim.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin API for the JWT bearer flow's certificates (admin API contract: {@code GET
 * /__admin/openapi.json}): {@code POST /__admin/oauth/certificates} with a PEM certificate as the
 * body (or JSON {@code {"certificate":"<PEM>"}}) answers 201 {@code {"id","subject","notAfter"}};
 * {@code GET} lists them as {@code {"certificates":[...]}}; {@code DELETE} removes all (204). A
 * body that is no certificate is 400 {@code INVALID_CERTIFICATE}.
 */
public final class CertificateRoutes {
  private final Certificates certificates;

  public CertificateRoutes(Certificates certificates) {
    this.certificates = certificates;
  }

  /** {@code GET /__admin/oauth/certificates}. */
  public void list(Context ctx) {
    ctx.json(
        Map.of("certificates", certificates.list().stream().map(CertificateRoutes::view).toList()));
  }

  /** {@code DELETE /__admin/oauth/certificates}: 204. */
  public void clear(Context ctx) {
    certificates.clear();
    ctx.status(204);
  }

  public void register(Context ctx) {
    String body = ctx.body().trim();
    String pem = body;
    if (body.startsWith("{")) {
      JsonNode json = Json.parse(body);
      if (!json.path("certificate").isTextual()) {
        throw SalesforceException.badRequest(
            "INVALID_CERTIFICATE", "Expected {\"certificate\":\"<PEM text>\"}");
      }
      pem = json.path("certificate").asText();
    }
    ctx.status(201).json(view(certificates.register(pem)));
  }

  private static Map<String, Object> view(Certificates.Registered r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("subject", r.subject());
    m.put("notAfter", r.notAfter().toString());
    return m;
  }
}
