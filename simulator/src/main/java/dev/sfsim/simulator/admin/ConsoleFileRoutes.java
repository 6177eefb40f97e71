package dev.sfsim.simulator.admin;

import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web console's static files, from the jar ({@code dev/sfsim/simulator/console/}): {@code GET
 * /} redirects to {@code /__admin/ui/}, which serves {@code index.html}; {@code GET
 * /__admin/ui/{file}} serves the console's ES modules and style sheet (no build step, nothing from
 * a CDN). The files hold no data and no secret, so they are served without the admin token; every
 * call the page makes goes to the admin API, which checks it.
 */
public final class ConsoleFileRoutes {
  private static final String ROOT = "/dev/sfsim/simulator/console/";
  private static final Map<String, String> FILES =
      Map.of(
          "index.html", "text/html;charset=UTF-8",
          "style.css", "text/css;charset=UTF-8",
          "app.js", "text/javascript;charset=UTF-8",
          "api.js", "text/javascript;charset=UTF-8",
          "dom.js", "text/javascript;charset=UTF-8",
          "conversations.js", "text/javascript;charset=UTF-8",
          "requests.js", "text/javascript;charset=UTF-8",
          "journal.js", "text/javascript;charset=UTF-8",
          "world.js", "text/javascript;charset=UTF-8");

  /** {@code GET /}: to the console. */
  public void root(Context ctx) {
    ctx.redirect("/__admin/ui/");
  }

  /** {@code GET /__admin/ui}. */
  public void index(Context ctx) {
    serve(ctx, "index.html");
  }

  /** {@code GET /__admin/ui/{file}}. */
  public void file(Context ctx) {
    serve(ctx, ctx.pathParam("file"));
  }

  private static void serve(Context ctx, String file) {
    String type = FILES.get(file);
    if (type == null) {
      throw new SalesforceException(404, "NOT_FOUND", "The console has no file " + file);
    }
    try (InputStream in = ConsoleFileRoutes.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new SalesforceException(404, "NOT_FOUND", "The console has no file " + file);
      }
      ctx.contentType(type)
          .header("Cache-Control", "no-cache")
          .header("X-Content-Type-Options", "nosniff")
          .result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
