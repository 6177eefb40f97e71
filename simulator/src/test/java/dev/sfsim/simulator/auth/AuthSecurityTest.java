package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A simulator with {@code SFSIM_ADMIN_TOKEN} set and a zero session timeout (so every token has
 * expired when it is used — the expiry path without waiting).
 */
class AuthSecurityTest {
  private static Simulator sim;

  @BeforeAll
  static void start() {
    sim =
        Simulator.start(
            SimulatorConfig.defaults()
                .withPort(0)
                .withAdminToken("s3cret")
                .withSessionTimeout(Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void adminApiNeedsTheTokenExceptHealth() {
    given().baseUri(sim.baseUrl()).get("/__admin/health").then().statusCode(200);
    given()
        .baseUri(sim.baseUrl())
        .post("/__admin/reset")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
    given()
        .baseUri(sim.baseUrl())
        .header("Authorization", "Bearer wrong")
        .get("/__admin/outbox")
        .then()
        .statusCode(401);
    given()
        .baseUri(sim.baseUrl())
        .header("Authorization", "Bearer s3cret")
        .get("/__admin/outbox")
        .then()
        .statusCode(200);
    given().baseUri(sim.baseUrl()).get("/__admin/outbox/").then().statusCode(401);
  }

  @Test
  void theConsolePageIsServedWithoutTheTokenButItsEventStreamAndDataNeedIt() {
    given()
        .baseUri(sim.baseUrl())
        .get("/__admin/ui/")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"));
    given()
        .baseUri(sim.baseUrl())
        .get("/__admin/ui/app.js")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/javascript"));
    given()
        .baseUri(sim.baseUrl())
        .accept("text/event-stream")
        .get("/__admin/events")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
    given().baseUri(sim.baseUrl()).get("/__admin/messaging/conversations").then().statusCode(401);
    given()
        .baseUri(sim.baseUrl())
        .header("Authorization", "Bearer s3cret")
        .get("/__admin/messaging/conversations")
        .then()
        .statusCode(200);
  }

  @Test
  void expiredTokensAreInvalidSessions() {
    String token =
        TokenCalls.post(
                sim.baseUrl(),
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
            .statusCode(200)
            .extract()
            .path("access_token");
    given()
        .baseUri(sim.baseUrl())
        .header("Authorization", "Bearer " + token)
        .get("/services/data/v60.0/query?q=SELECT+Id+FROM+User")
        .then()
        .statusCode(401)
        .body("[0].errorCode", equalTo("INVALID_SESSION_ID"))
        .body("[0].message", equalTo("Session expired or invalid"));
    given()
        .baseUri(sim.baseUrl())
        .header("Authorization", "Bearer " + token)
        .get("/services/oauth2/userinfo")
        .then()
        .statusCode(401);
  }
}
