package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfsim.simulator.http.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /__admin/openapi.json}: the admin API's contract, an OpenAPI 3.1 document kept as a
 * resource beside this class ({@code openapi.json}; {@code info.version} is the running
 * simulator's). {@code OpenApiContractTest} checks it against the registered routes both ways, so a
 * new admin route is one edit of that file. Served once for the server, not per org; closed by
 * {@code SFSIM_ADMIN_TOKEN} like every admin call but health.
 */
public final class OpenApiRoutes {
  static final String RESOURCE = "openapi.json";
  private final String version;

  /**
   * The document, made at the first request: parsing and writing it took about a tenth of a start's
   * CPU, for a call few runs make.
   */
  private volatile @Nullable String document;

  public OpenApiRoutes(String version) {
    if (OpenApiRoutes.class.getResource(RESOURCE) == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the simulator jar");
    }
    this.version = version;
  }

  /** {@code GET /__admin/openapi.json}. */
  public void document(Context ctx) {
    String d = document;
    if (d == null) {
      d = read(version);
      document = d; // two first requests at once both read it: the same text
    }
    ctx.contentType("application/json").result(d);
  }

  private static String read(String version) {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the simulator jar");
      }
      ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(in);
      ((ObjectNode) doc.get("info")).put("version", version);
      return Json.MAPPER.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
