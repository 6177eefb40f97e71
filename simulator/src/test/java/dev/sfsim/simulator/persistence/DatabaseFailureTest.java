package dev.sfsim.simulator.persistence;

import static dev.sfsim.simulator.SimulatorProcesses.await;
import static dev.sfsim.simulator.SimulatorProcesses.postmasterPid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.SimulatorProcesses;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing parts of the embedded PostgreSQL: a SIGKILLed postmaster turns {@code /__admin/health}
 * DOWN (503) and every call into a prompt 503 {@code SERVER_UNAVAILABLE}; a SIGKILLed simulator
 * takes its PostgreSQL with it, and the next start on the same directory reclaims it. Times are
 * printed (figures), bounds only catch hangs.
 */
class DatabaseFailureTest {

  @Test
  void aKilledPostmasterTurnsHealthDownAndCallsInto503(@TempDir Path dir) throws Exception {
    Simulator sim =
        Simulator.start(
            SimulatorConfig.fromEnvironment(
                Map.of("SFSIM_PORT", "0", "SFSIM_EMBEDDED_DIR", dir.toString())));
    try {
      String base = sim.baseUrl();
      given()
          .baseUri(base)
          .get("/__admin/health")
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"));
      String token = token(base);

      ProcessHandle.of(postmasterPid(dir.resolve("data")))
          .orElseThrow()
          .destroyForcibly(); // SIGKILL
      Duration detected =
          await(
              () -> given().baseUri(base).get("/__admin/health").statusCode() == 503,
              Duration.ofSeconds(30));
      System.out.println(
          "[figure] dead database detected by /__admin/health in " + detected.toMillis() + " ms");
      given()
          .baseUri(base)
          .get("/__admin/health")
          .then()
          .statusCode(503)
          .body("status", equalTo("DOWN"))
          .body("database", equalTo("embedded"));

      long started = System.nanoTime();
      given()
          .baseUri(base)
          .header("Authorization", "Bearer " + token)
          .queryParam("q", "SELECT Id FROM Account")
          .get("/services/data/v60.0/query")
          .then()
          .statusCode(503)
          .body("[0].errorCode", equalTo("SERVER_UNAVAILABLE"));
      given()
          .baseUri(base)
          .contentType(ContentType.URLENC)
          .formParams(grant())
          .post("/services/oauth2/token")
          .then()
          .statusCode(503);
      System.out.println(
          "[figure] two calls on a dead database answered 503 in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms");
    } finally {
      sim.close();
    }
  }

  @Test
  void aKilledSimulatorTakesItsPostgresAlongAndARestartReclaimsTheDirectory(@TempDir Path dir)
      throws Exception {
    Map<String, String> env = Map.of("SFSIM_EMBEDDED_DIR", dir.toString());
    try (SimulatorProcesses processes = new SimulatorProcesses()) {
      SimulatorProcesses.Started first = processes.start(env);
      given()
          .baseUri(first.baseUrl())
          .contentType(ContentType.JSON)
          .body(
              "{\"records\": [{\"attributes\": {\"type\": \"Account\", \"referenceId\": \"a\"}, \"Name\": \"Kept\"}]}")
          .post("/__admin/fixtures")
          .then()
          .statusCode(201);
      long postmaster = postmasterPid(dir.resolve("data"));
      assertThat(ProcessHandle.of(postmaster)).isPresent();

      first.process().destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
      Duration gone =
          await(
              () -> ProcessHandle.of(postmaster).map(p -> !p.isAlive()).orElse(true),
              Duration.ofSeconds(30));
      System.out.println(
          "[figure] embedded PostgreSQL gone "
              + gone.toMillis()
              + " ms after its simulator was SIGKILLed");

      SimulatorProcesses.Started second = processes.start(env);
      given()
          .baseUri(second.baseUrl())
          .get("/__admin/health")
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"));
      given()
          .baseUri(second.baseUrl())
          .header("Authorization", "Bearer " + token(second.baseUrl()))
          .queryParam("q", "SELECT Name FROM Account")
          .get("/services/data/v60.0/query")
          .then()
          .statusCode(200);
      long restarted = postmasterPid(dir.resolve("data"));
      second.process().destroy(); // SIGTERM: the clean path still stops PostgreSQL
      second.process().waitFor();
      await(
          () -> ProcessHandle.of(restarted).map(p -> !p.isAlive()).orElse(true),
          Duration.ofSeconds(30));
    }
  }

  private static Map<String, String> grant() {
    return Map.of(
        "grant_type",
        "password",
        "client_id",
        SimulatorConfig.DEFAULT_CLIENT_ID,
        "client_secret",
        SimulatorConfig.DEFAULT_CLIENT_SECRET,
        "username",
        SimulatorConfig.DEFAULT_USERNAME,
        "password",
        SimulatorConfig.DEFAULT_PASSWORD);
  }

  private static String token(String base) {
    return given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(grant())
        .post("/services/oauth2/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
