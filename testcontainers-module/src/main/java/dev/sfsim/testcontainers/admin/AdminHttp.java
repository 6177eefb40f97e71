package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * HTTP and JSON for the admin client: {@link HttpURLConnection} (java.net.http for PATCH and event
 * streams), one Jackson mapper, failures as {@link SimulatorAdminException}.
 */
final class AdminHttp {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // durations as ISO-8601 text ("PT30S"), as the admin API takes them, not as a number of
          // seconds
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  // HTTP/1.1 as the simulator speaks it: the default (HTTP/2) asks each plain-text request to
  // upgrade to h2c, headers the simulator reads and declines every time.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .build();
  private final @Nullable String adminToken;

  AdminHttp(@Nullable String adminToken) {
    this.adminToken = adminToken;
  }

  /**
   * Sends a request; returns the body of a 2xx answer, throws {@link SimulatorAdminException}
   * otherwise. Through {@link HttpURLConnection} (kept-alive connections, answered on the calling
   * thread: about 0.6 ms a call less than java.net.http's selector-thread hand-offs, which a test
   * pays on every reset, login and poll); PATCH, which it cannot send, through java.net.http.
   */
  String send(
      String method,
      String url,
      @Nullable String contentType,
      @Nullable String body,
      @Nullable String bearer) {
    String token = bearer != null ? bearer : adminToken;
    Answer r;
    try {
      r =
          method.equals("PATCH")
              ? sendByClient(method, url, contentType, body, token)
              : sendByConnection(method, url, contentType, body, token);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + url + " interrupted", e);
    }
    if (r.status() / 100 != 2) {
      throw new SimulatorAdminException(method + " " + url, r.status(), r.body());
    }
    return r.body();
  }

  private record Answer(int status, String body) {}

  private static Answer sendByConnection(
      String method,
      String url,
      @Nullable String contentType,
      @Nullable String body,
      @Nullable String token)
      throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
    c.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setRequestMethod(method);
    // instead of HttpURLConnection's default, which names text/html and images first
    c.setRequestProperty("Accept", "application/json");
    if (contentType != null) {
      c.setRequestProperty("Content-Type", contentType);
    }
    if (token != null) {
      c.setRequestProperty("Authorization", "Bearer " + token);
    }
    if (body != null || method.equals("POST") || method.equals("PUT")) {
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      // buffered, not streamed: headers and body leave in one write (a separate small write for the
      // body waits on the loopback's delayed acknowledgement)
      c.setDoOutput(true);
      try (OutputStream out = c.getOutputStream()) {
        out.write(bytes);
      }
    }
    int status = c.getResponseCode();
    // read to the end and closed, so the connection goes back to the keep-alive cache
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      return new Answer(
          status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private Answer sendByClient(
      String method,
      String url,
      @Nullable String contentType,
      @Nullable String body,
      @Nullable String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(REQUEST_TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  /**
   * Opens a Server-Sent Events stream; returns once the simulator answered 200 (the subscription is
   * live).
   */
  HttpResponse<java.util.stream.Stream<String>> stream(String url) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
    if (adminToken != null) {
      b.header("Authorization", "Bearer " + adminToken);
    }
    HttpResponse<java.util.stream.Stream<String>> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("GET " + url + " interrupted", e);
    }
    if (r.statusCode() != 200) {
      String body = r.body().collect(java.util.stream.Collectors.joining("\n"));
      throw new SimulatorAdminException("GET " + url, r.statusCode(), body);
    }
    return r;
  }

  String json(String method, String url, @Nullable Object body) {
    return send(
        method,
        url,
        body == null ? null : "application/json",
        body == null ? null : write(body),
        null);
  }

  static String write(Object value) {
    if (value instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Not JSON: " + body, e);
    }
  }

  static <T> T read(JsonNode node, Class<T> type) {
    return JSON.convertValue(node, type);
  }

  static <T> java.util.List<T> readList(JsonNode node, Class<T> type) {
    JavaType t = JSON.getTypeFactory().constructCollectionType(java.util.List.class, type);
    return JSON.convertValue(node, t);
  }

  /** The JSON objects of an array as maps (nested objects as maps, arrays as lists). */
  static java.util.List<java.util.Map<String, Object>> readMaps(JsonNode node) {
    JavaType t =
        JSON.getTypeFactory()
            .constructCollectionType(
                java.util.List.class,
                JSON.getTypeFactory()
                    .constructMapType(java.util.LinkedHashMap.class, String.class, Object.class));
    return JSON.convertValue(node, t);
  }

  /** A JSON object as a map. */
  static java.util.Map<String, Object> readMap(String body) {
    return JSON.convertValue(
        tree(body),
        JSON.getTypeFactory()
            .constructMapType(java.util.LinkedHashMap.class, String.class, Object.class));
  }

  /** A GET answered with JSON. */
  JsonNode getTree(String url) {
    return tree(send("GET", url, null, null, null));
  }

  /** A DELETE. */
  void delete(String url) {
    send("DELETE", url, null, null, null);
  }
}
