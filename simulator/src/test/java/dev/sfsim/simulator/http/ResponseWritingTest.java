package dev.sfsim.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's own response path against Javalin's: a JSON answer written by {@link Negotiation}
 * (through {@link RenderedBody}) is, byte for byte on the wire, what {@code ctx.result(bytes)} of
 * the same bytes gives — status, headers and their order, {@code Content-Length} or chunks, gzip —
 * at every size that frames differently; and the routes a request reaches are the same however
 * often, and for however many paths, it is asked ({@link RouteCache}).
 */
class ResponseWritingTest {
  private static Javalin server;

  @BeforeAll
  static void start() {
    server =
        HttpServer.create(
                routes -> {
                  routes.get("/rendered/{n}", ctx -> Negotiation.write(ctx, "R", null, body(ctx)));
                  routes.get(
                      "/result/{n}",
                      ctx -> {
                        ctx.contentType(ContentType.APPLICATION_JSON);
                        ctx.result(Json.MAPPER.writeValueAsBytes(body(ctx)));
                      });
                  routes.get(
                      "/rendered-then-404",
                      ctx -> {
                        Negotiation.write(ctx, "R", null, Map.of("kept", true));
                        ctx.status(404);
                      });
                  routes.get(
                      "/rendered-with-etag",
                      ctx -> {
                        ctx.header("ETag", "\"v1\"");
                        Negotiation.write(ctx, "R", null, Map.of("tagged", true));
                      });
                  routes.get(
                      "/rendered-then-failing-after",
                      ctx -> Negotiation.write(ctx, "R", null, Map.of("a", 1)));
                  routes.after(
                      "/rendered-then-failing-after",
                      ctx -> {
                        throw new IllegalStateException("after-handler failed");
                      });
                  routes.get("/items/{id}", ctx -> ctx.result("item " + ctx.pathParam("id")));
                  routes.get(
                      "/items/special", ctx -> ctx.result("never: the parameter route is first"));
                  routes.post("/items/{id}", ctx -> ctx.result("posted"));
                })
            .start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** {@code n} records of about 60 bytes each, as a query answer is shaped. */
  private static Map<String, Object> body(io.javalin.http.Context ctx) {
    int n = Integer.parseInt(ctx.pathParam("n"));
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(Map.of("Id", "a0" + i, "Name", "record number " + i));
    }
    return new java.util.LinkedHashMap<>(Map.of("totalSize", n, "records", records));
  }

  @Test
  void renderedAnswersLeaveAsResultsDoAtEverySize() throws IOException {
    // ~1 KB (never compressed), ~4 KB (gzip when accepted), ~20 KB (chunked), ~120 KB (chunks)
    for (int n : new int[] {0, 20, 80, 400, 2000}) {
      for (String headers : new String[] {"", "Accept-Encoding: gzip\r\n"}) {
        String rendered = raw("GET", "/rendered/" + n, headers);
        assertThat(rendered).as(n + " " + headers).isEqualTo(raw("GET", "/result/" + n, headers));
        assertThat(rendered).startsWith("HTTP/1.1 200 OK\r\n");
      }
      assertThat(raw("HEAD", "/rendered/" + n, "")).isEqualTo(raw("HEAD", "/result/" + n, ""));
    }
    assertThat(raw("GET", "/rendered/400", "")).contains("Transfer-Encoding: chunked");
    assertThat(raw("GET", "/rendered/80", "Accept-Encoding: gzip\r\n"))
        .contains("Content-Encoding: gzip");
  }

  @Test
  void aRenderedAnswerIsAResultForWhatFollowsIt() throws IOException {
    // a status set after the answer keeps the answer (the 404 handler sees one)
    assertThat(raw("GET", "/rendered-then-404", ""))
        .startsWith("HTTP/1.1 404 Not Found\r\n")
        .endsWith("{\"kept\":true}");
    // an answer with an ETag is matched against If-None-Match as a result is
    assertThat(raw("GET", "/rendered-with-etag", "If-None-Match: \"v1\"\r\n"))
        .startsWith("HTTP/1.1 304 Not Modified\r\n");
    assertThat(raw("GET", "/rendered-with-etag", "")).endsWith("{\"tagged\":true}");
    // an error rendered after the answer replaces it
    assertThat(raw("GET", "/rendered-then-failing-after", ""))
        .startsWith("HTTP/1.1 500 ")
        .contains("UNKNOWN_EXCEPTION")
        .doesNotContain("{\"a\":1}");
  }

  @Test
  void everyPathReachesTheRouteItReachedTheFirstTime() throws IOException {
    for (int round = 0; round < 3; round++) {
      assertThat(raw("GET", "/items/special", "")).endsWith("item special");
      assertThat(raw("POST", "/items/special", "")).endsWith("posted");
      assertThat(raw("DELETE", "/items/special", "")).startsWith("HTTP/1.1 405 ");
      assertThat(raw("GET", "/nothing/here", "")).startsWith("HTTP/1.1 404 ");
    }
    // more paths than the cache keeps: it starts over, the answers stay
    for (int i = 0; i < RouteCache.MAX_PATHS + 50; i += 7) {
      assertThat(raw("GET", "/items/" + i, "")).endsWith("item " + i);
    }
    assertThat(raw("GET", "//items//special/", "")).endsWith("item special");
  }

  /**
   * The raw answer to one request on a fresh keep-alive connection, {@code Date} masked: status
   * line, headers in order, and the body as framed ({@code Content-Length} bytes, or the chunked
   * encoding as sent, chunk sizes included), as ISO-8859-1 text.
   */
  private static String raw(String method, String path, String headers) throws IOException {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              (method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      String head = line(in, "\r\n\r\n");
      String lower = head.toLowerCase(java.util.Locale.ROOT);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      var length = java.util.regex.Pattern.compile("content-length: (\\d+)").matcher(lower);
      if (method.equals("HEAD") || head.startsWith("HTTP/1.1 304")) {
        // no body
      } else if (length.find()) {
        body.write(in.readNBytes(Integer.parseInt(length.group(1))));
      } else if (lower.contains("transfer-encoding: chunked")) {
        while (true) {
          String size = line(in, "\r\n");
          body.write(size.getBytes(StandardCharsets.ISO_8859_1));
          int n = Integer.parseInt(size.trim(), 16);
          body.write(in.readNBytes(n + 2));
          if (n == 0) {
            break;
          }
        }
      }
      return (head + body.toString(StandardCharsets.ISO_8859_1))
          .replaceFirst("Date: [^\r]+", "Date: -");
    }
  }

  /** Bytes up to and including {@code end}, as ISO-8859-1 text. */
  private static String line(InputStream in, String end) throws IOException {
    StringBuilder s = new StringBuilder();
    while (s.indexOf(end) < 0) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      s.append((char) c);
    }
    return s.toString();
  }
}
