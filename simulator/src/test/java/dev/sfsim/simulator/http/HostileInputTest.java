package dev.sfsim.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input built to break the server (deep nesting, numbers past every range, URIs past Jetty's
 * default limit) gets a Salesforce-shaped 4xx naming the problem, writes nothing, and leaves the
 * server answering.
 */
class HostileInputTest {
  private static final String B = "/services/data/v60.0";
  private String token;

  @BeforeEach
  void setUp() {
    TestSimulator.reset();
    token = TestSimulator.token();
  }

  private RequestSpecification api() {
    return RestAssured.given()
        .baseUri(TestSimulator.baseUrl())
        .header("Authorization", "Bearer " + token);
  }

  private RequestSpecification admin(String json) {
    return RestAssured.given()
        .baseUri(TestSimulator.baseUrl())
        .contentType(ContentType.JSON)
        .body(json);
  }

  /**
   * Through the JDK's client: REST-assured's request log pretty-prints an XML body recursively and
   * overflows itself.
   */
  private HttpResponse<String> postXml(String path, String xml) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(TestSimulator.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString(xml))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String nested(String root, int depth) {
    return "<" + root + ">" + "<a>".repeat(depth) + "x" + "</a>".repeat(depth) + "</" + root + ">";
  }

  private int accounts() {
    return api()
        .queryParam("q", "SELECT COUNT() FROM Account")
        .get(B + "/query")
        .then()
        .statusCode(200)
        .extract()
        .path("totalSize");
  }

  @Test
  void xmlNestedThousandsDeepIsAParserErrorForRecordsAndTheAction() throws Exception {
    for (int depth : new int[] {XmlBodies.MAX_DEPTH, 5_000, 50_000}) {
      HttpResponse<String> record = postXml(B + "/sobjects/Account", nested("Account", depth));
      assertThat(record.statusCode()).as(record.body()).isEqualTo(400);
      assertThat(JsonPath.from(record.body()).getString("[0].errorCode"))
          .isEqualTo("XML_PARSER_ERROR");
      assertThat(JsonPath.from(record.body()).getString("[0].message"))
          .contains("nested deeper than " + XmlBodies.MAX_DEPTH + " levels");
      HttpResponse<String> action =
          postXml(B + "/actions/standard/sendConversationMessages", nested("Inputs", depth));
      assertThat(action.statusCode()).as(action.body()).isEqualTo(400);
      assertThat(JsonPath.from(action.body()).getString("[0].errorCode"))
          .isEqualTo("XML_PARSER_ERROR");
    }
    assertThat(accounts()).isZero();
    // within the limit, nesting is an ordinary (unknown-field) error, not a parser one
    api()
        .contentType("application/xml")
        .body(nested("Account", 3))
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"));
  }

  @Test
  void jsonNestedThousandsDeepIsAParserError() {
    String deep = "{\"Name\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    api()
        .contentType(ContentType.JSON)
        .body(deep)
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
    assertThat(accounts()).isZero();
  }

  @Test
  void aCompositeReferenceIndexPastEveryListHasNoValue() {
    TestSimulator.seed(Fixtures.MESSAGING);
    api()
        .contentType(ContentType.JSON)
        .body(
            """
                {"allOrNone": true, "compositeRequest": [
                 {"method":"GET","url":"/services/data/v60.0/query?q=SELECT+Id+FROM+MessagingEndUser","referenceId":"q"},
                 {"method":"POST","url":"/services/data/v60.0/sobjects/Account","referenceId":"acc",
                  "body":{"Name":"@{q.records[99999999999].Id}"}},
                 {"method":"POST","url":"/services/data/v60.0/sobjects/Account","referenceId":"acc2",
                  "body":{"Name":"@{q.records[99999999999999999999999999].Id}"}}]}""")
        .post(B + "/composite")
        .then()
        .statusCode(200)
        .body("compositeResponse[1].httpStatusCode", equalTo(400))
        .body("compositeResponse[1].body[0].errorCode", equalTo("PROCESSING_HALTED"))
        .body("compositeResponse[1].body[0].message", containsString("q.records[99999999999].Id"));
    assertThat(accounts()).isZero();
  }

  @Test
  void theClockRefusesToPassSalesforcesLatestDate() {
    String before = TestSimulator.clock("{\"freeze\": true}").getString("now");
    for (String body :
        new String[] {
          "{\"advance\": \"PT2000000000000000H\"}",
          "{\"advance\": \"P1000000D\"}",
          "{\"set\": \"4001-01-01T00:00:00Z\"}",
          "{\"set\": \"+1000000000-01-01T00:00:00Z\"}",
          "{\"advance\": \"PT99999999999999999999H\"}"
        }) {
      admin(body)
          .post("/__admin/clock")
          .then()
          .statusCode(400)
          .body("[0].errorCode", equalTo("INVALID_INPUT"));
    }
    RestAssured.given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/clock")
        .then()
        .statusCode(200)
        .body("now", equalTo(before));
    TestSimulator.clock("{\"set\": \"4000-12-31T00:00:00Z\"}");
    TestSimulator.api()
        .get(B + "/limits")
        .then()
        .statusCode(200); // the far-future clock keeps the server answering
  }

  @Test
  void delayFaultsBeyondAHundredYearsAreRefused() {
    admin("{\"effect\": \"delay\", \"delay\": \"P124830000D\"}")
        .post("/__admin/faults") // 342,000 years
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_INPUT"))
        .body("[0].message", containsString("delay must be at most"));
    RestAssured.given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/faults")
        .then()
        .body("faults.size()", equalTo(0));
    admin("{\"effect\": \"delay\", \"delay\": \"P36500D\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    RestAssured.given()
        .baseUri(TestSimulator.baseUrl())
        .delete("/__admin/faults")
        .then()
        .statusCode(204);
  }

  @Test
  void connectRecordLimitAndTimestampsOutOfRange() {
    String path = B + "/connect/conversation/0MwB00000000001AAA/entries";
    for (String limit :
        new String[] {"4294967297", "0", "1001", "-4294967295", "99999999999999999999999"}) {
      api()
          .queryParam("recordLimit", limit)
          .get(path)
          .then()
          .statusCode(400)
          .body("[0].errorCode", equalTo("INVALID_API_INPUT"))
          .body("[0].message", containsString("recordLimit"));
    }
    api()
        .queryParam("startTimestamp", Long.MAX_VALUE)
        .queryParam("endTimestamp", Long.MIN_VALUE)
        .get(path)
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
  }

  @Test
  void urisUpToSalesforcesLimitAreServedAndLongerOnesAnswerInSalesforcesShape() {
    String soql = "SELECT Id FROM Account WHERE Name != '";
    String fits = soql + "x".repeat(15_000) + "'";
    api()
        .urlEncodingEnabled(false)
        .get(B + "/query?q=" + fits.replace(" ", "+"))
        .then()
        .statusCode(200)
        .body("totalSize", equalTo(0));

    Response tooLong =
        api()
            .urlEncodingEnabled(false)
            .get(B + "/query?q=" + soql.replace(" ", "+") + "x".repeat(17_000) + "'");
    assertThat(tooLong.statusCode()).isEqualTo(414);
    assertThat(tooLong.contentType()).startsWith("application/json");
    assertThat(tooLong.jsonPath().getString("[0].errorCode")).isEqualTo("URI_TOO_LONG");
    assertThat(tooLong.jsonPath().getString("[0].message")).isEqualTo("URI Too Long");

    Response headers = api().header("X-Padding", "p".repeat(17_000)).get(B + "/limits");
    assertThat(headers.statusCode()).isEqualTo(431);
    assertThat(headers.jsonPath().getString("[0].errorCode"))
        .isEqualTo("REQUEST_HEADER_FIELDS_TOO_LARGE");
    api().get(B + "/limits").then().statusCode(200);
  }
}
