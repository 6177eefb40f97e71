package dev.sfsim.simulator.messaging;

import static dev.sfsim.simulator.SimulatorProcesses.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.SimulatorProcesses;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two simulator processes on one PostgreSQL: the org's clock is one clock (frozen, advanced or run
 * through either, it is the same in both), and a send split across both, one of them SIGKILLed
 * mid-send, has every message sent once and every side effect of a send written once: outbox entry,
 * ConversationEntry, the undeliverable verdict with its MessagingDeliveryError, the fault rule's
 * count.
 */
class TwoInstancesTest {
  private static final int REQUESTS = 40;
  private static final int RECIPIENTS = 50;

  private EmbeddedPostgres pg;
  private SimulatorProcesses processes;

  @AfterEach
  void stop() throws Exception {
    if (processes != null) {
      processes.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  private Map<String, String> env() {
    return Map.of(
        "SFSIM_DATABASE_URL",
        pg.getJdbcUrl("postgres", "postgres"),
        "SFSIM_DATABASE_USER",
        "postgres",
        "SFSIM_LATENCY_PROFILE",
        "instant");
  }

  @Test
  void theClockIsOneClockAndEverySideEffectOfASendHappensOnce() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    processes = new SimulatorProcesses();
    SimulatorProcesses.Started aProcess = processes.start(env());
    String a = aProcess.baseUrl();
    String b = processes.start(env()).baseUrl();

    // one clock: frozen through A, it stands still in B; advanced through B, A shows it; run again
    // through A
    assertThat(clock(b).getBoolean("frozen"))
        .isFalse(); // also warms B up: the figure below is the clock's, not a cold JVM's
    String frozenAt = clock(a, "{\"freeze\": true}").getString("now");
    Duration seen = await(() -> clock(b).getBoolean("frozen"), Duration.ofSeconds(10));
    System.out.println(
        "[figure] a clock frozen through one instance was frozen in the other after "
            + seen.toMillis()
            + " ms");
    assertThat(clock(b).getString("now")).isEqualTo(frozenAt);
    Thread.sleep(300);
    assertThat(clock(b).getString("now")).isEqualTo(frozenAt);
    String advanced = clock(b, "{\"advance\": \"PT1H\"}").getString("now");
    await(() -> clock(a).getString("now").equals(advanced), Duration.ofSeconds(10));
    clock(a, "{\"freeze\": false}");
    await(() -> !clock(b).getBoolean("frozen"), Duration.ofSeconds(10));

    // a send split across both, every message undeliverable; A is killed mid-send
    JsonPath seeded =
        given()
            .baseUri(a)
            .contentType(ContentType.JSON)
            .body(Fixtures.whatsAppRecipients(RECIPIENTS))
            .post("/__admin/fixtures")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    given()
        .baseUri(b)
        .contentType(ContentType.JSON)
        .body(
            "{\"effect\": \"undeliverable\", \"statusCode\": \"131026\", \"reason\": \"Message undeliverable\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    List<String> users = seeded.getList("results.findAll { it.referenceId.startsWith('u') }.id");
    String input =
        """
                {"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages", "messagingEndUserIds": "%s",
                 "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}]}"""
            .formatted(String.join(",", users));
    List<String> requestIds = new ArrayList<>();
    for (String base : List.of(a, b)) {
      requestIds.addAll(
          given()
              .baseUri(base)
              .header("Authorization", "Bearer " + token(base))
              .contentType(ContentType.JSON)
              .body(
                  "{\"inputs\": ["
                      + String.join(",", Collections.nCopies(REQUESTS / 2, input))
                      + "]}")
              .post("/services/data/v60.0/actions/standard/sendConversationMessages")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("outputValues.requestId", String.class));
    }
    assertThat(requestIds).hasSize(REQUESTS).doesNotHaveDuplicates();

    await(() -> scalar("SELECT count(*) FROM outbox") >= 200, Duration.ofMinutes(2));
    aProcess
        .process()
        .destroyForcibly()
        .waitFor(); // SIGKILL: no shutdown hook, transactions cut mid-way
    long sentAtKill = scalar("SELECT count(*) FROM outbox");
    long openAtKill =
        scalar(
            "SELECT count(*) FROM conv_message_send_request WHERE request_status <> 'Completed'");
    System.out.println(
        "[figure] killed one instance with "
            + sentAtKill
            + " of "
            + REQUESTS * RECIPIENTS
            + " messages sent and "
            + openAtKill
            + " requests open");
    await(
        () ->
            scalar(
                        "SELECT count(*) FROM conv_message_send_request WHERE request_status = 'Completed'")
                    == REQUESTS
                && scalar("SELECT count(*) FROM conv_message WHERE deliver_due_at IS NOT NULL")
                    == 0,
        Duration.ofMinutes(3));
    given()
        .baseUri(b)
        .get("/__admin/health")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("UP"));

    long total = (long) REQUESTS * RECIPIENTS;
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    counts.put("outbox", scalar("SELECT count(*) FROM outbox"));
    counts.put(
        "distinct outbox messages",
        scalar("SELECT count(DISTINCT message_identifier) FROM outbox"));
    counts.put("outbox in Error", scalar("SELECT count(*) FROM outbox WHERE status = 'Error'"));
    counts.put("ConversationEntry", scalar("SELECT count(*) FROM conversation_entry"));
    counts.put(
        "ConversationEntry in Error",
        scalar("SELECT count(*) FROM conversation_entry WHERE message_status = 'Error'"));
    counts.put("MessagingSession", scalar("SELECT count(*) FROM messaging_session"));
    counts.put("MessagingDeliveryError", scalar("SELECT count(*) FROM messaging_delivery_error"));
    counts.put(
        "distinct MessagingDeliveryError messages",
        scalar(
            "SELECT count(DISTINCT substring(full_message FROM '\\(message ([^)]+)\\)')) "
                + "FROM messaging_delivery_error"));
    counts.put("messages Sent", scalar("SELECT count(*) FROM conv_message WHERE status = 'Sent'"));
    counts.put("fault rule fired", scalar("SELECT sum(fired) FROM fault_rule"));
    counts.put(
        "SuccessMessageCount",
        scalar("SELECT sum(success_message_count) FROM conv_message_send_request"));
    System.out.println("[figure] two instances, " + total + " messages: " + counts);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isEqualTo(total));
    assertThat(
            scalar(
                "SELECT count(*) FROM conv_message_send_request WHERE total_message_count <> success_message_count "
                    + "+ failed_message_count + pending_message_count + in_progress_message_count"))
        .isZero();
  }

  private static JsonPath clock(String base) {
    return given().baseUri(base).get("/__admin/clock").then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath clock(String base, String body) {
    return given()
        .baseUri(base)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/__admin/clock")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String token(String base) {
    return given()
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
  }

  private long scalar(String sql) throws Exception {
    try (Connection conn = pg.getPostgresDatabase().getConnection();
        ResultSet rs = conn.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
