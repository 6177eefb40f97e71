package dev.sfsim.simulator;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.jspecify.annotations.Nullable;

/**
 * The default org of the shared test simulator as one test sees it ({@link WithSimulator}): its
 * base URL, an access token fetched on first use (after the reset, so valid for the whole test),
 * and REST-assured request specifications with and without it.
 */
public final class TestOrg {
  /** The REST API base path tests call, {@code /services/data/v60.0}. */
  public static final String DATA = "/services/data/v60.0";

  private final String baseUrl;
  private @Nullable String token;

  TestOrg(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@code http://localhost:<port>}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** An access token of the default user (password grant), the same for the whole test. */
  public synchronized String token() {
    if (token == null) {
      token = TestSimulator.token();
    }
    return token;
  }

  /** A request to the simulator with {@code Authorization: Bearer <token()>}. */
  public RequestSpecification api() {
    return request().header("Authorization", "Bearer " + token());
  }

  /** A request to the simulator without credentials (OAuth endpoints, the admin API). */
  public RequestSpecification request() {
    return given().baseUri(baseUrl);
  }

  /** Posts a fixtures body to the admin API; the answer (201 asserted). */
  public JsonPath seed(String fixturesJson) {
    return TestSimulator.seed(fixturesJson);
  }

  /** Posts a clock operation ({@code {"freeze": true}}, ...); the new state. */
  public JsonPath clock(String body) {
    return TestSimulator.clock(body);
  }
}
