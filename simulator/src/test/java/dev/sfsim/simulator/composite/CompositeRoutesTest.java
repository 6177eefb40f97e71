package dev.sfsim.simulator.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.sfsim.simulator.TestOrg;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /composite, /composite/batch, sObject Collections and /composite/tree ("Composite Resources",
 * REST API Developer Guide).
 */
@WithSimulator
class CompositeRoutesTest {
  private static final String B = "/services/data/v60.0";
  private final TestOrg org;

  CompositeRoutesTest(TestOrg org) {
    this.org = org;
  }

  private Response post(String path, String body) {
    return org.api().contentType(ContentType.JSON).body(body).post(B + path);
  }

  private int count(String object) {
    return org.api()
        .queryParam("q", "SELECT COUNT() FROM " + object)
        .get(B + "/query")
        .then()
        .extract()
        .path("totalSize");
  }

  @Test
  void compositeResolvesReferencesBetweenSubrequests() {
    Response r =
        post(
            "/composite",
            """
                {"allOrNone":false,"compositeRequest":[
                 {"method":"POST","url":"/services/data/v60.0/sobjects/Account","referenceId":"refAccount","body":{"Name":"Parent"}},
                 {"method":"POST","url":"/services/data/v60.0/sobjects/Contact","referenceId":"refContact",
                  "body":{"LastName":"Child","AccountId":"@{refAccount.id}"}},
                 {"method":"GET","url":"/services/data/v60.0/sobjects/Contact/@{refContact.id}?fields=AccountId","referenceId":"refGet"},
                 {"method":"GET","url":"/services/data/v60.0/query?q=SELECT+Id+FROM+Account","referenceId":"refQuery"}]}""");
    r.then().statusCode(200);
    List<Map<String, Object>> out = r.path("compositeResponse");
    assertThat(out).hasSize(4);
    String accountId = r.path("compositeResponse[0].body.id");
    assertThat(out.get(0))
        .containsEntry("httpStatusCode", 201)
        .containsEntry("referenceId", "refAccount")
        .containsEntry("httpHeaders", Map.of("Location", B + "/sobjects/Account/" + accountId));
    assertThat(out.get(0).keySet())
        .containsExactly("body", "httpHeaders", "httpStatusCode", "referenceId");
    r.then()
        .body("compositeResponse[2].body.AccountId", equalTo(accountId))
        .body("compositeResponse[2].httpHeaders", equalTo(Map.of()))
        .body("compositeResponse[3].body.totalSize", equalTo(1));
  }

  @Test
  void aSubrequestUrlWithAMalformedEscapeIsNotFound() { // found by RestFuzzTest: was a 500
    post(
            "/composite",
            """
                {"compositeRequest":[
                 {"method":"GET","url":"/services/data/v60.0/sobjects/Account/%zz","referenceId":"badPath"},
                 {"method":"GET","url":"/services/data/v60.0/query?q=SELECT+Id+FROM+Account%","referenceId":"badQuery"}]}""")
        .then()
        .statusCode(200)
        .body("compositeResponse[0].httpStatusCode", equalTo(404))
        .body("compositeResponse[0].body[0].errorCode", equalTo("NOT_FOUND"))
        .body("compositeResponse[1].httpStatusCode", equalTo(404))
        .body(
            "compositeResponse[1].body[0].message",
            equalTo("The requested resource does not exist"));
  }

  @Test
  void allOrNoneRollsBackAndHaltsTheOthers() {
    Response r =
        post(
            "/composite",
            """
                {"allOrNone":true,"compositeRequest":[
                 {"method":"POST","url":"/services/data/v60.0/sobjects/Account","referenceId":"ok","body":{"Name":"Rolled back"}},
                 {"method":"POST","url":"/services/data/v60.0/sobjects/Contact","referenceId":"bad","body":{"FirstName":"no last name"}},
                 {"method":"POST","url":"/services/data/v60.0/sobjects/Account","referenceId":"later","body":{"Name":"never"}}]}""");
    r.then()
        .statusCode(200)
        .body("compositeResponse[0].httpStatusCode", equalTo(400))
        .body("compositeResponse[0].body[0].errorCode", equalTo("PROCESSING_HALTED"))
        .body(
            "compositeResponse[0].body[0].message",
            equalTo(
                "The transaction was rolled back since another operation in the same transaction failed."))
        .body("compositeResponse[1].body[0].errorCode", equalTo("REQUIRED_FIELD_MISSING"))
        .body("compositeResponse[2].body[0].errorCode", equalTo("PROCESSING_HALTED"));
    assertThat(count("Account")).isZero();
  }

  @Test
  void withoutAllOrNoneOnlyTheFailingSubrequestIsUndone() {
    post(
            "/composite",
            """
                {"compositeRequest":[
                 {"method":"POST","url":"/services/data/v60.0/sobjects/Account","referenceId":"ok","body":{"Name":"Kept"}},
                 {"method":"PATCH","url":"/services/data/v60.0/sobjects/Account/001B000001LntWlIAJ","referenceId":"missing","body":{"Name":"x"}},
                 {"method":"GET","url":"/services/data/v60.0/sobjects/Account/@{missing.id}","referenceId":"dependent"}]}""")
        .then()
        .statusCode(200)
        .body("compositeResponse[1].httpStatusCode", equalTo(404))
        .body("compositeResponse[2].body[0].errorCode", equalTo("PROCESSING_HALTED"));
    assertThat(count("Account")).isEqualTo(1);
    post(
            "/composite",
            "{\"compositeRequest\":["
                + "{\"method\":\"GET\",\"url\":\"/services/data/v60.0/limits\",\"referenceId\":\"r\"},"
                    .repeat(26)
                    .replaceAll(",$", "")
                + "]}")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("LIMIT_EXCEEDED"));
    StringBuilder queries = new StringBuilder("{\"compositeRequest\":[");
    for (int i = 0; i < 6; i++) {
      queries
          .append(i == 0 ? "" : ",")
          .append(
              "{\"method\":\"GET\",\"url\":\"/services/data/v60.0/query?q=SELECT+Id+FROM+Account\",\"referenceId\":\"q")
          .append(i)
          .append("\"}");
    }
    post("/composite", queries.append("]}").toString())
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("LIMIT_EXCEEDED"));
  }

  @Test
  void batchRunsIndependentSubrequests() {
    post(
            "/composite/batch",
            """
                {"haltOnError":false,"batchRequests":[
                 {"method":"POST","url":"v60.0/sobjects/Account","richInput":{"Name":"Batch"}},
                 {"method":"GET","url":"v60.0/sobjects/Account/001B000001LntWlIAJ"},
                 {"method":"GET","url":"v60.0/query?q=SELECT+Name+FROM+Account"}]}""")
        .then()
        .statusCode(200)
        .body("hasErrors", equalTo(true))
        .body("results[0].statusCode", equalTo(201))
        .body("results[0].result.success", equalTo(true))
        .body("results[1].statusCode", equalTo(404))
        .body("results[1].result[0].errorCode", equalTo("NOT_FOUND"))
        .body("results[2].result.records[0].Name", equalTo("Batch"));
    post(
            "/composite/batch",
            """
                {"haltOnError":true,"batchRequests":[
                 {"method":"GET","url":"v60.0/sobjects/Account/001B000001LntWlIAJ"},
                 {"method":"GET","url":"v60.0/sobjects"}]}""")
        .then()
        .body("results[1].statusCode", equalTo(412))
        .body("results[1].result[0].errorCode", equalTo("BATCH_PROCESSING_HALTED"));
  }

  @Test
  void collectionsCreateUpdateRetrieveUpsertDelete() {
    Response created =
        post(
            "/composite/sobjects",
            """
                {"allOrNone":false,"records":[{"attributes":{"type":"Account"},"Name":"A"},
                 {"attributes":{"type":"Contact"},"LastName":"B","Email":"b@example.com"},
                 {"attributes":{"type":"Contact"},"FirstName":"no last"}]}""");
    created
        .then()
        .statusCode(200)
        .body("[0].success", equalTo(true))
        .body("[0].errors", equalTo(List.of()))
        .body("[2].success", equalTo(false))
        .body("[2].errors[0].statusCode", equalTo("REQUIRED_FIELD_MISSING"))
        .body("[2].errors[0].fields", equalTo(List.of("LastName")));
    String account = created.path("[0].id");
    String contact = created.path("[1].id");
    org.api()
        .contentType(ContentType.JSON)
        .body(
            "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"id\":\""
                + account
                + "\",\"Name\":\"A2\"}]}")
        .patch(B + "/composite/sobjects")
        .then()
        .statusCode(200)
        .body("[0].id", equalTo(account))
        .body("[0].success", equalTo(true));
    post(
            "/composite/sobjects/Account",
            "{\"ids\":[\"" + account + "\",\"001B000001LntWlIAJ\"],\"fields\":[\"Id\",\"Name\"]}")
        .then()
        .statusCode(200)
        .body("[0].Name", equalTo("A2"))
        .body("[1]", nullValue());
    org.api()
        .get(B + "/composite/sobjects/Account?ids=" + account + "&fields=Name")
        .then()
        .body("[0].Name", equalTo("A2"));
    org.api()
        .contentType(ContentType.JSON)
        .body(
            "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Contact\"},\"Email\":\"b@example.com\",\"Title\":\"T\"},"
                + "{\"attributes\":{\"type\":\"Contact\"},\"Email\":\"new@example.com\",\"LastName\":\"N\"}]}")
        .patch(B + "/composite/sobjects/Contact/Email")
        .then()
        .statusCode(200)
        .body("[0].id", equalTo(contact))
        .body("[0].created", equalTo(false))
        .body("[1].created", equalTo(true));
    org.api()
        .delete(B + "/composite/sobjects?ids=" + account + "," + contact + "&allOrNone=false")
        .then()
        .statusCode(200)
        .body("[0].id", equalTo(account))
        .body("[0].success", equalTo(true))
        .body("[1].success", equalTo(true));
  }

  @Test
  void collectionsAllOrNoneRollsBackEverything() {
    post(
            "/composite/sobjects",
            """
                {"allOrNone":true,"records":[{"attributes":{"type":"Account"},"Name":"A"},{"attributes":{"type":"Account"}}]}""")
        .then()
        .statusCode(200)
        .body("[0].success", equalTo(false))
        .body("[0].errors[0].statusCode", equalTo("ALL_OR_NONE_OPERATION_ROLLED_BACK"))
        .body("[1].errors[0].statusCode", equalTo("REQUIRED_FIELD_MISSING"));
    assertThat(count("Account")).isZero();
    StringBuilder many = new StringBuilder("{\"records\":[");
    for (int i = 0; i < 201; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"n\"}");
    }
    post("/composite/sobjects", many.append("]}").toString())
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("EXCEEDED_ID_LIMIT"));
  }

  @Test
  void treeInsertsParentsAndChildrenAtomically() {
    post(
            "/composite/tree/Account",
            """
                {"records":[{"attributes":{"type":"Account","referenceId":"ref1"},"Name":"Tree",
                  "Contacts":{"records":[{"attributes":{"type":"Contact","referenceId":"ref2"},"LastName":"Leaf"}]}}]}""")
        .then()
        .statusCode(201)
        .body("hasErrors", equalTo(false))
        .body("results[0].referenceId", equalTo("ref1"))
        .body("results[1].referenceId", equalTo("ref2"));
    assertThat(count("Contact")).isEqualTo(1);
    post(
            "/composite/tree/Account",
            """
                {"records":[{"attributes":{"type":"Account","referenceId":"ok"},"Name":"Rolled back"},
                  {"attributes":{"type":"Account","referenceId":"bad"},"Name":"x","Rating":"Hot"}]}""")
        .then()
        .statusCode(400)
        .body("hasErrors", equalTo(true))
        .body("results[0].referenceId", equalTo("bad"))
        .body("results[0].errors[0].statusCode", equalTo("INVALID_FIELD"));
    assertThat(count("Account")).isEqualTo(1);
    post("/composite/graph", "{}").then().statusCode(501);
  }
}
