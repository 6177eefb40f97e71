package dev.sfsim.simulator.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.org.ApiVersion;
import org.junit.jupiter.api.Test;

/** Versions, resources, unknown paths and methods: Salesforce's shapes and error bodies. */
class ServiceRoutesTest {

  @Test
  void versionsNeedNoTokenAndRunOldestFirst() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/services/data")
        .then()
        .statusCode(200)
        .body("$", hasSize(ApiVersion.NEWEST - ApiVersion.OLDEST + 1))
        .body("[0].version", equalTo("31.0"))
        .body("[0].label", equalTo("Summer '14"))
        .body("[0].url", equalTo("/services/data/v31.0"))
        .body("find { it.version == '60.0' }.label", equalTo("Spring '24"))
        .body("find { it.version == '59.0' }.label", equalTo("Winter '24"));
  }

  @Test
  void resourcesOfAVersion() {
    TestSimulator.api()
        .get("/services/data/v60.0")
        .then()
        .statusCode(200)
        .body("query", equalTo("/services/data/v60.0/query"))
        .body("identity", startsWith(TestSimulator.baseUrl() + "/id/00D"));
  }

  @Test
  void repeatedSlashesAreCollapsedAsTheSfCliNeeds() {
    TestSimulator.api()
        .urlEncodingEnabled(false)
        .get("//services/data/v60.0/")
        .then()
        .statusCode(200)
        .body("queryAll", equalTo("/services/data/v60.0/queryAll"));
  }

  @Test
  void unknownVersionAndPathAreNotFound() {
    TestSimulator.api()
        .get("/services/data/vIAmABadVersion/")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"))
        .body("[0].message", equalTo("The requested resource does not exist"));
    TestSimulator.api()
        .get("/services/data/v60.0/nothing/here")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/nothing")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
  }

  @Test
  void wrongMethodIsMethodNotAllowed() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .delete("/__admin/health")
        .then()
        .statusCode(405)
        .body("[0].errorCode", equalTo("METHOD_NOT_ALLOWED"));
  }
}
