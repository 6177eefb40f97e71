package dev.sfsim.simulator.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the database does to a call when something outside the simulator interferes — a failure
 * injected into one input's transaction, a lock held by another connection, a row deleted behind
 * the session cache — over a simulator whose PostgreSQL the test also reaches ({@code
 * SFSIM_DATABASE_URL}): per-input answers, Salesforce's errors, no 500, no PostgreSQL text, nothing
 * sent twice.
 */
class OutsideDatabaseTest {
  private static final String ACTION =
      "/services/data/v60.0/actions/standard/sendConversationMessages";
  private static EmbeddedPostgres pg;
  private static Simulator sim;
  private static String base;
  private JsonPath seeded;
  private String token;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    sim =
        Simulator.start(
            SimulatorConfig.defaults()
                .withPort(0)
                .withDatabaseUrl(pg.getJdbcUrl("postgres", "postgres")));
    base = sim.baseUrl();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sim != null) {
      sim.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void reset() throws SQLException {
    sql("DROP TRIGGER IF EXISTS fail_one_input ON conv_message");
    given().baseUri(base).post("/__admin/reset").then().statusCode(204);
    given()
        .baseUri(base)
        .contentType(ContentType.JSON)
        .body("{\"freeze\": true}")
        .post("/__admin/clock")
        .then()
        .statusCode(200);
    seeded =
        given()
            .baseUri(base)
            .contentType(ContentType.JSON)
            .body(Fixtures.MESSAGING)
            .post("/__admin/fixtures")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    token = token();
  }

  private static String token() {
    return given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                SimulatorConfig.DEFAULT_CLIENT_ID,
                "client_secret",
                SimulatorConfig.DEFAULT_CLIENT_SECRET,
                "username",
                SimulatorConfig.DEFAULT_USERNAME,
                "password",
                SimulatorConfig.DEFAULT_PASSWORD))
        .post("/services/oauth2/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private static Connection connect() throws SQLException {
    return pg.getPostgresDatabase().getConnection();
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static long count(String query) throws SQLException {
    try (Connection c = connect();
        ResultSet rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String id(String referenceId) {
    return seeded.getString("results.find { it.referenceId == '" + referenceId + "' }.id");
  }

  private static String input(String endUserId, String orderNumber) {
    return """
                {"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages",
                 "isEnforceMessagingChannelConsent": false, "allowedSessionStatus": "Any", "messagingEndUserIds": ["%s"],
                 "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "%s"}]}"""
        .formatted(endUserId, orderNumber);
  }

  private Response invoke(String... inputs) {
    return given()
        .baseUri(base)
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body("{\"inputs\": [" + String.join(",", inputs) + "]}")
        .post(ACTION);
  }

  /**
   * Input #2's transaction fails in the database (a trigger made to fail for its recipient only).
   */
  private void failInputsFor(String endUserId) throws SQLException {
    sql(
        """
                CREATE OR REPLACE FUNCTION fail_one_input() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.messaging_end_user_id = '%s' THEN
                    RAISE EXCEPTION 'injected failure' USING ERRCODE = 'lock_not_available';
                  END IF;
                  RETURN NEW;
                END $$"""
            .formatted(endUserId));
    sql(
        "CREATE TRIGGER fail_one_input BEFORE INSERT ON conv_message FOR EACH ROW EXECUTE FUNCTION fail_one_input()");
  }

  @Test
  void aCommittedInputAnswersSuccessWhenALaterOneFailsSoARetryNeverSendsTwice()
      throws SQLException {
    failInputsFor(id("bob"));
    JsonPath answer =
        invoke(input(id("alice"), "1"), input(id("bob"), "2"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(answer.getBoolean("[0].isSuccess")).isTrue();
    String committed = answer.getString("[0].outputValues.requestId");
    assertThat(committed).startsWith("1sr");
    assertThat(answer.getBoolean("[1].isSuccess")).isFalse();
    assertThat(answer.getString("[1].errors[0].statusCode")).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(answer.getString("[1].errors[0].message"))
        .isEqualTo("unable to obtain exclusive access to this record");
    assertThat(count("SELECT count(*) FROM conv_message_send_request")).isEqualTo(1);
    assertThat(
            count("SELECT count(*) FROM conv_message_send_request WHERE id = '" + committed + "'"))
        .isEqualTo(1);

    // The client retries what failed, and only that: two requests in all, one per recipient.
    sql("DROP TRIGGER fail_one_input ON conv_message");
    invoke(input(id("bob"), "2")).then().statusCode(200).body("[0].isSuccess", equalTo(true));
    given()
        .baseUri(base)
        .contentType(ContentType.JSON)
        .body("{\"advance\": \"PT1M\"}")
        .post("/__admin/clock")
        .then()
        .statusCode(200);
    assertThat(count("SELECT count(*) FROM conv_message_send_request")).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM outbox WHERE messaging_end_user_id = '" + id("alice") + "'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(2);
  }

  @Test
  void whenEveryInputFailsNothingIsWrittenAndTheCallAnswers400() throws SQLException {
    failInputsFor(id("bob"));
    invoke(input(id("bob"), "1"), input(id("bob"), "2"))
        .then()
        .statusCode(400)
        .body("[0].isSuccess", equalTo(false))
        .body("[1].errors[0].statusCode", equalTo("UNABLE_TO_LOCK_ROW"));
    assertThat(count("SELECT count(*) FROM conv_message_send_request")).isZero();
    assertThat(count("SELECT count(*) FROM conv_message")).isZero();
  }

  @Test
  void aNulCharacterFailsOnlyItsOwnInput() throws SQLException {
    String body =
        invoke(input(id("alice"), "nul\\u0000here"), input(id("bob"), "ok"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonPath answer = JsonPath.from(body);
    assertThat(answer.getBoolean("[0].isSuccess")).isFalse();
    assertThat(answer.getString("[0].errors[0].statusCode")).isEqualTo("INVALID_INPUT");
    assertThat(answer.getBoolean("[1].isSuccess")).isTrue();
    assertThat(count("SELECT count(*) FROM conv_message_send_request")).isEqualTo(1);
    assertThat(body)
        .doesNotContainIgnoringCase("ERROR:")
        .doesNotContain("UTF8", "0x00", "jsonb", "SQL");
  }

  @Test
  void databaseErrorsCarryNoPostgresText() {
    String body =
        given()
            .baseUri(base)
            .header("Authorization", "Bearer " + token)
            .contentType(ContentType.JSON)
            .body("{\"Name\": \"a\\u0000b\"}")
            .post("/services/data/v60.0/sobjects/Account")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertThat(body)
        .doesNotContainIgnoringCase("ERROR:")
        .doesNotContain("UTF8", "0x00", "byte sequence", "SQL", "relation");
  }

  @Test
  void aLockedTableAnswersUnableToLockRowWhileUnrelatedCallsProceed() throws Exception {
    try (Connection locker = connect()) {
      locker.setAutoCommit(false);
      locker.createStatement().execute("LOCK TABLE account IN ACCESS EXCLUSIVE MODE");
      ExecutorService pool = Executors.newFixedThreadPool(24);
      try {
        List<Future<Response>> blocked = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          blocked.add(
              pool.submit(
                  () ->
                      given()
                          .baseUri(base)
                          .header("Authorization", "Bearer " + token)
                          .queryParam("q", "SELECT Id FROM Account")
                          .get("/services/data/v60.0/query")));
        }
        List<Future<Response>> unrelated = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          unrelated.add(
              pool.submit(
                  () ->
                      given()
                          .baseUri(base)
                          .contentType(ContentType.URLENC)
                          .formParams(
                              Map.of(
                                  "grant_type",
                                  "password",
                                  "client_id",
                                  SimulatorConfig.DEFAULT_CLIENT_ID,
                                  "client_secret",
                                  SimulatorConfig.DEFAULT_CLIENT_SECRET,
                                  "username",
                                  SimulatorConfig.DEFAULT_USERNAME,
                                  "password",
                                  SimulatorConfig.DEFAULT_PASSWORD))
                          .post("/services/oauth2/token")));
          unrelated.add(
              pool.submit(
                  () ->
                      given()
                          .baseUri(base)
                          .header("Authorization", "Bearer " + token)
                          .queryParam("q", "SELECT Id FROM MessagingEndUser")
                          .get("/services/data/v60.0/query")));
        }
        for (Future<Response> f : unrelated) {
          assertThat(f.get().statusCode()).isEqualTo(200);
        }
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Future<Response> f : blocked) {
          Response r = f.get();
          statuses.merge(r.statusCode(), 1, Integer::sum);
          assertThat(r.statusCode()).as(r.asString()).isIn(400, 503);
          assertThat(r.jsonPath().getString("[0].errorCode"))
              .isIn("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");
        }
        System.out.printf(
            "OutsideDatabaseTest: 20 queries on the locked table answered %s; 20 unrelated calls all 200%n",
            statuses);
      } finally {
        pool.shutdownNow();
        locker.rollback();
      }
    }
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + token)
        .queryParam("q", "SELECT Id FROM Account")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200);
  }

  @Test
  void aRevokeForgetsOnlyTheRevokedSession() throws SQLException {
    // Another session, cached, whose row is then deleted behind the cache (as another process
    // sharing the database
    // would): it stays accepted from the cache until the cache's one-second TTL, unless a revoke
    // cleared everything.
    boolean stillCached = false;
    for (int attempt = 0; attempt < 3 && !stillCached; attempt++) {
      String revoked = token();
      String other = token();
      for (int i = 0; i < 2; i++) {
        given()
            .baseUri(base)
            .header("Authorization", "Bearer " + other)
            .get("/services/data/v60.0/limits")
            .then()
            .statusCode(200);
      }
      sql("DELETE FROM access_token WHERE token = '" + other + "'");
      given()
          .baseUri(base)
          .contentType(ContentType.URLENC)
          .formParam("token", revoked)
          .post("/services/oauth2/revoke")
          .then()
          .statusCode(200);
      given()
          .baseUri(base)
          .header("Authorization", "Bearer " + revoked)
          .get("/services/data/v60.0/limits")
          .then()
          .statusCode(401);
      stillCached =
          given()
                  .baseUri(base)
                  .header("Authorization", "Bearer " + other)
                  .get("/services/data/v60.0/limits")
                  .statusCode()
              == 200;
    }
    assertThat(stillCached).as("the other session survived the revoke in the cache").isTrue();
  }
}
