package dev.sfsim.simulator.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code GET/DELETE /__admin/requests}: every API call, admin calls excluded, Authorization masked.
 */
@WithSimulator
class RequestJournalTest {

  private static JsonPath journal(String query) {
    return given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/requests" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void recordsApiCallsButNotAdminCalls() {
    TestSimulator.api()
        .queryParam("q", "SELECT Id FROM MessagingChannel")
        .get("/services/data/v60.0/query")
        .then()
        .statusCode(200);

    JsonPath j = journal("");
    assertThat(j.getList("requests.path"))
        .containsExactly("/services/oauth2/token", "/services/data/v60.0/query");
    assertThat(j.getInt("total")).isEqualTo(2);
    assertThat(j.getString("requests[1].method")).isEqualTo("GET");
    assertThat(j.getString("requests[1].query.q")).isEqualTo("SELECT Id FROM MessagingChannel");
    assertThat(j.getInt("requests[1].status")).isEqualTo(200);
    assertThat(j.getString("requests[1].headers.Authorization")).isEqualTo("Bearer ****");
    assertThat(j.getString("requests[0].body")).contains("grant_type=password");
    assertThat(Instant.parse(j.getString("requests[0].receivedAt")))
        .isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void recordsRefusedCallsWithTheirStatus() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/services/data/v60.0/query?q=SELECT+Id+FROM+Account")
        .then()
        .statusCode(401);

    assertThat(journal("").getList("requests.status")).containsExactly(401);
  }

  @Test
  void filtersByMethodPathPrefixAndSince() {
    TestSimulator.api().get("/services/data/v60.0").then().statusCode(200);

    assertThat(journal("?method=POST").getList("requests.path"))
        .containsExactly("/services/oauth2/token");
    assertThat(journal("?pathPrefix=/services/data").getList("requests.path"))
        .containsExactly("/services/data/v60.0");
    assertThat(journal("?since=2999-01-01T00:00:00Z").getInt("total")).isZero();
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/requests?since=yesterday")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"))
        .body("[0].fields[0]", equalTo("since"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/requests?status=200")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"));
  }

  @Test
  void deleteAndResetClearTheJournal() {
    TestSimulator.token();
    given().baseUri(TestSimulator.baseUrl()).delete("/__admin/requests").then().statusCode(204);
    assertThat(journal("").getInt("total")).isZero();

    TestSimulator.token();
    TestSimulator.reset();
    assertThat(journal("").getInt("total")).isZero();
  }
}
