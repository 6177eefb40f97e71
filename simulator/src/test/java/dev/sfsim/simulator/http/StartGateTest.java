package dev.sfsim.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server listens while the simulator starts: health waits a second for the start, then answers
 * DOWN; every other call waits for the start and is then served, or answers Salesforce's 503 when
 * the start failed or took too long.
 */
class StartGateTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private Javalin server;

  @AfterEach
  void stop() {
    server.stop();
  }

  private String start(StartGate gate) {
    Consumer<RoutesConfig> routes =
        r -> {
          gate.register(r);
          r.before(gate::check);
          r.after(gate::answered);
          r.get("/__admin/health", ctx -> ctx.json(java.util.Map.of("status", "UP")));
          r.get("/services/data", ctx -> ctx.json(java.util.List.of("served")));
        };
    server = HttpServer.create(routes).start("127.0.0.1", 0);
    return "http://127.0.0.1:" + server.port();
  }

  private CompletableFuture<HttpResponse<String>> get(String url) {
    return client.sendAsync(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsDownAndCallsWaitUntilTheStartIsDone() throws Exception {
    StartGate gate = new StartGate("1.2.3", "embedded", Duration.ofSeconds(30));
    String base = start(gate);

    HttpResponse<String> health = get(base + "/__admin/health").get(10, TimeUnit.SECONDS);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body())
        .isEqualTo("{\"status\":\"DOWN\",\"version\":\"1.2.3\",\"database\":\"embedded\"}");

    CompletableFuture<HttpResponse<String>> early = get(base + "/services/data");
    CompletableFuture<HttpResponse<String>> heldHealth = get(base + "/__admin/health");
    Thread.sleep(300);
    assertThat(early).isNotDone();
    java.util.concurrent.atomic.AtomicInteger firstAnswers =
        new java.util.concurrent.atomic.AtomicInteger();
    gate.open(firstAnswers::incrementAndGet);
    HttpResponse<String> served = early.get(10, TimeUnit.SECONDS);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo("[\"served\"]");
    assertThat(firstAnswers).hasValue(1);
    assertThat(heldHealth.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    HttpResponse<String> up = get(base + "/__admin/health").get(10, TimeUnit.SECONDS);
    assertThat(up.statusCode()).isEqualTo(200);
    // the same headers as health's answer once started
    assertThat(health.headers().map().keySet()).isEqualTo(up.headers().map().keySet());
    assertThat(health.headers().firstValue("Content-Type"))
        .isEqualTo(up.headers().firstValue("Content-Type"));
    assertThat(firstAnswers).hasValue(1); // once, after the first answer only
  }

  @Test
  void aFailedOrTooLongStartAnswersServerUnavailable() throws Exception {
    StartGate gate = new StartGate("1.2.3", "external", Duration.ofMillis(200));
    String base = start(gate);

    HttpResponse<String> late = get(base + "/services/data").get(10, TimeUnit.SECONDS);
    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(late.body())
        .isEqualTo(
            "[{\"message\":\"The server is unavailable to handle the request: it has not finished"
                + " starting.\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");

    CompletableFuture<HttpResponse<String>> held = get(base + "/services/data");
    Thread.sleep(50);
    gate.fail();
    assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
  }
}
