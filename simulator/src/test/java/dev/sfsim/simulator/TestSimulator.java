package dev.sfsim.simulator;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One in-process simulator (embedded PostgreSQL, port 0, realistic latency) shared by every test of
 * the JVM, plus the few HTTP helpers tests use. Tests reset it before they run.
 */
public final class TestSimulator {
  private static Simulator instance;

  private TestSimulator() {}

  /**
   * The shared simulator, started on first use with the fixtures in {@code
   * src/test/resources/fixtures}.
   */
  public static synchronized Simulator get() {
    if (instance == null) {
      SimulatorConfig config =
          SimulatorConfig.defaults()
              .withPort(0)
              .withFixtureDirs(List.of(Path.of("src/test/resources/fixtures")));
      instance = Simulator.start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
    }
    return instance;
  }

  public static String baseUrl() {
    return get().baseUrl();
  }

  /** Resets the org to its startup fixtures. */
  public static void reset() {
    given().baseUri(baseUrl()).post("/__admin/reset").then().statusCode(204);
  }

  /**
   * Posts a clock operation ({@code {"freeze": true}}, {@code {"advance": "PT1S"}}, ...); returns
   * the new state.
   */
  public static JsonPath clock(String body) {
    return given()
        .baseUri(baseUrl())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/__admin/clock")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A fresh access token from the password grant with the default credentials. */
  public static String token() {
    return given()
        .baseUri(baseUrl())
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

  /** A request with the base URI and a fresh Bearer token. */
  public static RequestSpecification api() {
    return given().baseUri(baseUrl()).header("Authorization", "Bearer " + token());
  }

  /** Posts a fixtures body; returns the response as JSON (asserting 201). */
  public static JsonPath seed(String fixturesJson) {
    return given()
        .baseUri(baseUrl())
        .contentType(ContentType.JSON)
        .body(fixturesJson)
        .post("/__admin/fixtures")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  static {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }
}
