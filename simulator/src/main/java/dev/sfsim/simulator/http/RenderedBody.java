package dev.sfsim.simulator.http;

import io.javalin.http.Context;
import io.javalin.router.InternalRouter;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jetty.ee10.servlet.ServletApiResponse;
import org.eclipse.jetty.http.HttpHeader;

/**
 * An answer's rendered bytes, written to the response by the server's last after-handler instead of
 * through {@code ctx.result(bytes)}, for which Javalin allocates a {@value #CHUNK}-byte buffer per
 * response and copies the bytes through it (about 3 % of a small query's CPU, and most of its
 * garbage). The bytes reach Javalin's response stream at the point Javalin would write a result —
 * after every after-handler — in the same slices of {@value #CHUNK} bytes, so the compression
 * decision (made on the first write), the headers and the framing (a {@code Content-Length} or
 * chunks) are those Javalin gives the same bytes as a result.
 *
 * <p>Only answers below 400 with no result set yet wait here: the 404 and 405 error handlers, which
 * run before the after-handlers, look for a result ({@link #pending}); and a result set after this
 * (an error rendered for an exception of a later handler) replaces the waiting bytes, as a second
 * {@code ctx.result} replaces the first.
 */
final class RenderedBody {
  /**
   * Javalin's copy buffer, which is Jetty's response buffer ({@link HttpServer} sets both): the
   * slices Javalin writes a result in.
   */
  static final int CHUNK = 32_768;

  private static final String ATTRIBUTE = "sfsim.renderedBody";

  private RenderedBody() {}

  /** Answers {@code body}: kept for {@link #write} when it may wait, else as the result. */
  static void answer(Context ctx, byte[] body) {
    if (ctx.statusCode() < 400 && ctx.resultInputStream() == null) {
      ctx.attribute(ATTRIBUTE, body);
    } else {
      ctx.result(body);
    }
  }

  /** Whether an answer waits to be written. */
  static boolean pending(Context ctx) {
    return ctx.attribute(ATTRIBUTE) != null;
  }

  /**
   * The server's last after-handler: writes the waiting answer, unless a result replaced it. An
   * answer carrying an {@code ETag} becomes the result instead (Javalin answers a matching {@code
   * If-None-Match} with 304 only for a result). A failed write (the client went away) is handled as
   * Javalin handles one of a result.
   */
  static void write(Context ctx, InternalRouter router) {
    byte[] body = ctx.attribute(ATTRIBUTE);
    if (body == null || ctx.resultInputStream() != null) {
      return;
    }
    if (hasEtag(ctx)) {
      ctx.result(body);
      return;
    }
    try {
      OutputStream out = ctx.outputStream();
      for (int off = 0; off < body.length; off += CHUNK) {
        out.write(body, off, Math.min(CHUNK, body.length - off));
      }
    } catch (IOException | RuntimeException e) {
      router.handleHttpUnexpectedThrowable(ctx.res(), e);
    }
  }

  /**
   * Whether the response has an {@code ETag}: on Jetty's own response, by the header's enum (Jetty
   * names every field it knows when it is set, whatever its case), which spares the servlet API's
   * case-insensitive scan of the names.
   */
  private static boolean hasEtag(Context ctx) {
    if (ctx.res() instanceof ServletApiResponse jetty) {
      return jetty.getResponse().getHeaders().get(HttpHeader.ETAG) != null;
    }
    return ctx.res().getHeader("ETag") != null;
  }
}
