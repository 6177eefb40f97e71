package dev.sfsim.simulator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across a crash: a simulator process (a separate JVM on the test classpath, instant
 * profile) sharing an external PostgreSQL is killed with SIGKILL in the middle of a 10,000-message
 * send; a new process on the same database finishes the work. Every message must have been sent
 * exactly once and every request be Completed.
 */
class KillDuringSendTest {
  private static final Pattern READY =
      Pattern.compile("ready in \\d+ ms at (http://localhost:\\d+)");
  private static final int REQUESTS = 200;
  private static final int RECIPIENTS = 100;

  private EmbeddedPostgres pg;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly().waitFor();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void everyMessageIsSentExactlyOnceAfterAKillMidSend() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    String url = pg.getJdbcUrl("postgres", "postgres");
    String base = startSimulator(url);
    JsonPath seeded =
        given()
            .baseUri(base)
            .contentType(ContentType.JSON)
            .body(Fixtures.whatsAppRecipients(RECIPIENTS))
            .post("/__admin/fixtures")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    List<String> users = seeded.getList("results.findAll { it.referenceId.startsWith('u') }.id");
    String input =
        """
                {"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages", "messagingEndUserIds": "%s",
                 "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}]}"""
            .formatted(String.join(",", users));
    String token =
        given()
            .baseUri(base)
            .contentType(ContentType.URLENC)
            .formParams(
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    "sfsim-client-id",
                    "client_secret",
                    "sfsim-client-secret",
                    "username",
                    "admin@sfsim.example",
                    "password",
                    "sfsim-password"))
            .post("/services/oauth2/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    String body =
        "{\"inputs\": [" + String.join(",", java.util.Collections.nCopies(REQUESTS, input)) + "]}";
    // The dispatcher is woken as each request commits, so sending can be well under way, or done,
    // before the invocation answers: watch the outbox while the call is still in flight.
    java.util.concurrent.CompletableFuture<Integer> invocation =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                given()
                    .baseUri(base)
                    .header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/services/data/v60.0/actions/standard/sendConversationMessages")
                    .statusCode());

    // kill once every request is committed (the invocation's own writes are not what this tests)
    // and sending is under way
    await(
        () ->
            scalar(url, "SELECT count(*) FROM conv_message_send_request") == REQUESTS
                && scalar(url, "SELECT count(*) FROM outbox") >= 500,
        Duration.ofMinutes(2));
    processes
        .get(0)
        .destroyForcibly()
        .waitFor(); // SIGKILL: no shutdown hook, transactions cut mid-way
    assertThat(invocation.handle((status, failure) -> status == null || status == 200).join())
        .as("the invocation answered 200 or was cut by the kill")
        .isTrue();
    long sentAtKill = scalar(url, "SELECT count(*) FROM outbox");
    assertThat(
            scalar(
                url,
                "SELECT count(*) FROM conv_message_send_request WHERE request_status <> 'Completed'"))
        .as("killed mid-send (%d sent)", sentAtKill)
        .isPositive();

    startSimulator(url);
    await(
        () ->
            scalar(
                    url,
                    "SELECT count(*) FROM conv_message_send_request WHERE request_status = 'Completed'")
                == REQUESTS,
        Duration.ofMinutes(3));
    int total = REQUESTS * RECIPIENTS;
    assertThat(scalar(url, "SELECT count(*) FROM outbox")).isEqualTo(total);
    assertThat(scalar(url, "SELECT count(DISTINCT message_identifier) FROM outbox"))
        .isEqualTo(total);
    assertThat(scalar(url, "SELECT count(*) FROM conversation_entry")).isEqualTo(total);
    assertThat(scalar(url, "SELECT count(*) FROM messaging_session")).isEqualTo(total);
    assertThat(scalar(url, "SELECT count(*) FROM conv_message WHERE status = 'Sent'"))
        .isEqualTo(total);
    assertThat(scalar(url, "SELECT sum(success_message_count) FROM conv_message_send_request"))
        .isEqualTo(total);
    assertThat(
            scalar(
                url,
                "SELECT count(*) FROM conv_message_send_request WHERE total_message_count <> success_message_count "
                    + "+ failed_message_count + pending_message_count + in_progress_message_count"))
        .isZero();
  }

  private String startSimulator(String url) throws Exception {
    File log = Files.createTempFile("sfsim-kill", ".log").toFile();
    log.deleteOnExit();
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sfsim.simulator.SimulatorMain")
            .redirectErrorStream(true)
            .redirectOutput(log);
    pb.environment().put("SFSIM_PORT", "0");
    pb.environment().put("SFSIM_DATABASE_URL", url);
    pb.environment().put("SFSIM_DATABASE_USER", "postgres");
    pb.environment().put("SFSIM_LATENCY_PROFILE", "instant");
    processes.add(pb.start());
    String[] base = new String[1];
    await(
        () -> {
          Matcher m = READY.matcher(Files.readString(log.toPath()));
          if (m.find()) {
            base[0] = m.group(1);
          }
          return base[0] != null;
        },
        Duration.ofMinutes(2));
    return base[0];
  }

  private long scalar(String url, String sql) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  /** Polls a condition every 50 ms; a generous bound only guards against a hang. */
  private static void await(Check check, Duration max) throws Exception {
    Instant deadline = Instant.now().plus(max);
    while (!check.ok()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + max);
      }
      Thread.sleep(5);
    }
  }
}
