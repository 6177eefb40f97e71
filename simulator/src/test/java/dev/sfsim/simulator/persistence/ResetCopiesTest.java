package dev.sfsim.simulator.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reset's copies of the startup state ({@code sfsim_reset_*} tables) over a database the
 * simulator does not own ({@code SFSIM_DATABASE_URL}): restarts do not pile them up, and a reset
 * whose copies another process dropped makes them again and still puts the fixtures back.
 */
class ResetCopiesTest {
  private static final String COPIES =
      "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND starts_with(relname, 'sfsim_reset_')";
  private static EmbeddedPostgres pg;

  @TempDir static Path fixtures;

  @BeforeAll
  static void startDatabase() throws IOException {
    pg = EmbeddedPostgres.builder().start();
    Files.writeString(
        fixtures.resolve("channel.json"),
        """
        {"records": [{"attributes": {"type": "MessagingChannel", "referenceId": "sms"}, "MasterLabel": "SMS",
          "DeveloperName": "SMS", "MessageType": "Text", "MessagingPlatformKey": "+1555"}]}""");
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void restartsDoNotPileUpCopiesAndLostCopiesAreMadeAgain() throws SQLException {
    long first;
    try (Simulator sim = simulator()) {
      reset(sim);
      reset(sim);
      first = count(COPIES);
      assertThat(first).isPositive();
    }
    for (int restart = 0; restart < 2; restart++) {
      try (Simulator sim = simulator()) {
        reset(sim);
        reset(sim);
        assertThat(count(COPIES)).isEqualTo(first);
      }
    }
    try (Simulator sim = simulator()) {
      reset(sim);
      given()
          .baseUri(sim.baseUrl())
          .contentType(ContentType.JSON)
          .body(
              """
              {"records": [{"attributes": {"type": "MessagingChannel", "referenceId": "wa"}, "MasterLabel": "WA",
                "DeveloperName": "WA", "MessageType": "WhatsApp", "MessagingPlatformKey": "+1666"}]}""")
          .post("/__admin/fixtures")
          .then()
          .statusCode(201);
      assertThat(count("SELECT count(*) FROM messaging_channel")).isEqualTo(2);
      dropCopies();
      assertThat(count(COPIES)).isZero();
      reset(sim);
      assertThat(count("SELECT count(*) FROM messaging_channel WHERE developer_name = 'SMS'"))
          .isEqualTo(1);
      assertThat(count("SELECT count(*) FROM messaging_channel")).isEqualTo(1);
      assertThat(count(COPIES)).isEqualTo(first);
    }
  }

  private static Simulator simulator() {
    return Simulator.start(
        SimulatorConfig.defaults()
            .withPort(0)
            .withFixtureDirs(List.of(fixtures))
            .withDatabaseUrl(pg.getJdbcUrl("postgres", "postgres")));
  }

  private static void reset(Simulator sim) {
    given().baseUri(sim.baseUrl()).post("/__admin/reset").then().statusCode(204);
  }

  private static void dropCopies() throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          """
          DO $$ DECLARE t text; BEGIN
            FOR t IN SELECT quote_ident(n.nspname) || '.' || quote_ident(relname) FROM pg_class
                JOIN pg_namespace n ON n.oid = relnamespace
                WHERE relkind = 'r' AND starts_with(relname, 'sfsim_reset_') LOOP
              EXECUTE 'DROP TABLE ' || t;
            END LOOP;
          END $$""");
    }
  }

  private static long count(String query) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
