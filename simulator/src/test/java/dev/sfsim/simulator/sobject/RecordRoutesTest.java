package dev.sfsim.simulator.sobject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.sfsim.simulator.TestOrg;
import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Record CRUD, upsert, updated/deleted through the wire, with Salesforce's exact statuses and
 * shapes ("Working with Records", REST API Developer Guide).
 */
@WithSimulator
class RecordRoutesTest {
  static final String B = "/services/data/v60.0";
  private final TestOrg org;

  RecordRoutesTest(TestOrg org) {
    this.org = org;
  }

  private String create(String object, String json) {
    return org.api()
        .contentType(ContentType.JSON)
        .body(json)
        .post(B + "/sobjects/" + object)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void createAnswers201WithLocationAndTheSaveResult() {
    Response r =
        org.api()
            .contentType(ContentType.JSON)
            .body("{\"Name\":\"Acme\",\"NumberOfEmployees\":\"12\"}")
            .post(B + "/sobjects/Account/");
    r.then()
        .statusCode(201)
        .header("Content-Type", equalToIgnoringCase("application/json;charset=UTF-8"))
        .header("Sforce-Limit-Info", matchesPattern("api-usage=\\d+/15000"));
    String id = r.path("id");
    assertThat(id).matches("001[A-Za-z0-9]{15}");
    assertThat(r.header("Location")).isEqualTo(B + "/sobjects/Account/" + id);
    assertThat(r.body().asString())
        .isEqualTo("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}");
  }

  @Test
  void retrieveGivesAttributesAndEveryFieldOrOnlyThoseAsked() {
    String id =
        create(
            "Contact",
            "{\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\",\"Email\":\"ada@example.com\"}");
    org.api()
        .get(B + "/sobjects/Contact/" + id)
        .then()
        .statusCode(200)
        .body("attributes.type", equalTo("Contact"))
        .body("attributes.url", equalTo(B + "/sobjects/Contact/" + id))
        .body("Id", equalTo(id))
        .body("Name", equalTo("Ada Lovelace"))
        .body("Title", nullValue())
        .body("IsDeleted", equalTo(false))
        .body(
            "CreatedDate",
            matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"));
    String body =
        org.api()
            .get(B + "/sobjects/Contact/" + id.substring(0, 15) + "?fields=LastName,Id")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body)
        .isEqualTo(
            "{\"attributes\":{\"type\":\"Contact\",\"url\":\""
                + B
                + "/sobjects/Contact/"
                + id
                + "\"},"
                + "\"LastName\":\"Lovelace\",\"Id\":\""
                + id
                + "\"}");
  }

  @Test
  void updateByPatchAndByPostOverrideAnswer204WithoutContentType() {
    String id = create("Lead", "{\"LastName\":\"Smith\",\"Company\":\"Initech\"}");
    Response patch =
        org.api()
            .contentType(ContentType.JSON)
            .body("{\"Company\":\"Initrode\"}")
            .patch(B + "/sobjects/Lead/" + id);
    assertThat(patch.statusCode()).isEqualTo(204);
    assertThat(patch.header("Content-Type")).isNull();
    assertThat(patch.body().asString()).isEmpty();
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"FirstName\":\"Jo\"}")
        .post(B + "/sobjects/Lead/" + id + "?_HttpMethod=PATCH")
        .then()
        .statusCode(204);
    org.api()
        .get(B + "/sobjects/Lead/" + id)
        .then()
        .body("Company", equalTo("Initrode"))
        .body("Name", equalTo("Jo Smith"))
        .body("Status", equalTo("Open - Not Contacted"));
  }

  @Test
  void deleteIsSoftThenEntityIsDeleted() {
    String id = create("Account", "{\"Name\":\"Gone\"}");
    Response del = org.api().delete(B + "/sobjects/Account/" + id);
    assertThat(del.statusCode()).isEqualTo(204);
    assertThat(del.header("Content-Type")).isNull();
    org.api()
        .delete(B + "/sobjects/Account/" + id)
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("ENTITY_IS_DELETED"))
        .body("[0].message", equalTo("entity is deleted"))
        .body("[0].fields", equalTo(List.of()));
    org.api()
        .get(B + "/sobjects/Account/" + id)
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
    org.api()
        .queryParam("q", "SELECT Id, IsDeleted FROM Account WHERE Id = '" + id + "'")
        .get(B + "/queryAll")
        .then()
        .body("totalSize", equalTo(1))
        .body("records[0].IsDeleted", equalTo(true));
  }

  @Test
  void validationErrorsCarrySalesforceCodes() {
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"FirstName\":\"No last\"}")
        .post(B + "/sobjects/Contact")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("REQUIRED_FIELD_MISSING"))
        .body("[0].message", equalTo("Required fields are missing: [LastName]"))
        .body("[0].fields", equalTo(List.of("LastName")));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Subject\":\"x\",\"Status\":\"Terrible\"}")
        .post(B + "/sobjects/Case")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"))
        .body("[0].message", equalTo("Status: bad value for restricted picklist field: Terrible"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Name\":\"A\",\"Bogus\":1}")
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"))
        .body("[0].message", equalTo("No such column 'Bogus' on sobject of type Account"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Name\":\"A\",\"CreatedDate\":\"2020-01-01T00:00:00Z\"}")
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"LastName\":\"x\",\"AccountId\":\"0035g00000AbCdEAAA\"}")
        .post(B + "/sobjects/Contact")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("MALFORMED_ID"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Name\":\"" + "x".repeat(256) + "\"}")
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("STRING_TOO_LONG"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Name\":")
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
    org.api()
        .contentType(ContentType.JSON)
        .body("[]")
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
  }

  @Test
  void badIdsAndUnknownObjects() {
    org.api()
        .get(B + "/sobjects/Account/001B000001LntWlIAX")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("MALFORMED_ID"))
        .body("[0].message", equalTo("Account ID: id value of incorrect type: 001B000001LntWlIAX"))
        .body("[0].fields", equalTo(List.of("Id")));
    org.api()
        .get(B + "/sobjects/Account/001B000001LntWlIAJ")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"))
        .body("[0].message", equalTo("The requested resource does not exist"));
    org.api()
        .get(B + "/sobjects/Widget__c")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
    org.api()
        .get("/services/data/v59.0/sobjects/ConvMessageSendRequest/describe")
        .then()
        .statusCode(404);
  }

  @Test
  void readOnlyObjectsRefuseWritesWith405ListingAllowedMethods() {
    org.api()
        .contentType(ContentType.JSON)
        .body("{}")
        .post(B + "/sobjects/ConvMessageSendRequest")
        .then()
        .statusCode(405)
        .body("[0].errorCode", equalTo("METHOD_NOT_ALLOWED"))
        .body("[0].message", equalTo("HTTP Method 'POST' not allowed. Allowed are GET,HEAD"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{}")
        .patch(B + "/sobjects/Account")
        .then()
        .statusCode(405)
        .body("[0].message", equalTo("HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD,POST"));
  }

  @Test
  void upsertByExternalIdCreatesUpdatesAndReportsSeveralMatches() {
    Response first =
        org.api()
            .contentType(ContentType.JSON)
            .body("{\"LastName\":\"Doe\"}")
            .patch(B + "/sobjects/Contact/Email/jd@example.com");
    first.then().statusCode(201).body("created", equalTo(true)).body("success", equalTo(true));
    String id = first.path("id");
    assertThat(first.header("Location")).isEqualTo(B + "/sobjects/Contact/" + id);
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Title\":\"CEO\"}")
        .patch(B + "/sobjects/Contact/Email/jd@example.com")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("created", equalTo(false));
    assertThat(
            org.api()
                .contentType(ContentType.JSON)
                .body("{\"Title\":\"CTO\"}")
                .patch("/services/data/v45.0/sobjects/Contact/Email/jd@example.com")
                .statusCode())
        .isEqualTo(204);
    org.api()
        .get(B + "/sobjects/Contact/Email/jd@example.com")
        .then()
        .statusCode(200)
        .body("Title", equalTo("CTO"));
    String other = create("Contact", "{\"LastName\":\"Twin\",\"Email\":\"jd@example.com\"}");
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Title\":\"x\"}")
        .patch(B + "/sobjects/Contact/Email/jd@example.com")
        .then()
        .statusCode(300)
        .body(
            "$", equalTo(List.of(B + "/sobjects/Contact/" + id, B + "/sobjects/Contact/" + other)));
    org.api()
        .contentType(ContentType.JSON)
        .body("{}")
        .patch(B + "/sobjects/Contact/Title/x")
        .then()
        .statusCode(404)
        .body(
            "[0].message",
            equalTo("Provided external ID field does not exist or is not accessible: Title"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Title\":\"y\"}")
        .patch(B + "/sobjects/Contact/Id/" + other)
        .then()
        .statusCode(200);
  }

  @Test
  void conversationEntrySeqDefaultsToTheNextInItsConversation() {
    String channel =
        create(
            "MessagingChannel",
            "{\"MasterLabel\":\"SMS\",\"DeveloperName\":\"SMS\",\"MessageType\":\"Text\",\"MessagingPlatformKey\":\"+1555\"}");
    String user =
        create(
            "MessagingEndUser",
            "{\"Name\":\"Al\",\"MessagingChannelId\":\""
                + channel
                + "\",\"MessagingPlatformKey\":\"+1666\",\"MessageType\":\"Text\"}");
    String session =
        create(
            "MessagingSession",
            "{\"MessagingEndUserId\":\"" + user + "\",\"MessagingChannelId\":\"" + channel + "\"}");
    String entry =
        "{\"ConversationId\":\""
            + session
            + "\",\"EntryTime\":\"2026-01-01T10:00:00.000+0000\",\"ActorType\":\"Agent\",\"EntryType\":\"Text\",\"Message\":\"hi\"}";
    String e1 = create("ConversationEntry", entry);
    String e2 = create("ConversationEntry", entry);
    org.api()
        .get(B + "/sobjects/ConversationEntry/" + e2 + "?fields=Seq")
        .then()
        .body("Seq", equalTo(2));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"MessageStatusCode\":\"E1\"}")
        .patch(B + "/sobjects/ConversationEntry/" + e1)
        .then()
        .statusCode(204);
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Message\":\"edited\"}")
        .patch(B + "/sobjects/ConversationEntry/" + e1)
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"))
        .body(
            "[0].message",
            equalTo(
                "Unable to create/update fields: Message. Please check the security settings of this field"
                    + " and verify that it is read/write for your profile or permission set."));
    org.api()
        .get(B + "/sobjects/ConversationEntry/" + e1 + "?fields=Message,MessageStatusCode")
        .then()
        .body("Message", equalTo("hi"))
        .body("MessageStatusCode", equalTo("E1"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{\"Message\":\"x\"}")
        .post(B + "/sobjects/ConversationEntry")
        .then()
        .statusCode(400)
        .body(
            "[0].message",
            equalTo(
                "Required fields are missing: [ConversationId, EntryTime, EntryType, ActorType]"));
  }

  @Test
  void updatedListsChangesUpToTheLastWholeMinute() {
    Instant past = Instant.now().minus(3, ChronoUnit.MINUTES);
    String seeded =
        TestSimulator.seed(
                """
                {"records":[{"attributes":{"type":"Account","referenceId":"old"},"Name":"Old",
                  "CreatedDate":"%1$s","LastModifiedDate":"%1$s","SystemModstamp":"%1$s"}]}"""
                    .formatted(past))
            .getString("results[0].id");
    create("Account", "{\"Name\":\"This minute\"}");
    String window =
        "?start="
            + Instant.now().minus(10, ChronoUnit.MINUTES).toString().replace("Z", "%2B00:00")
            + "&end="
            + Instant.now().plus(5, ChronoUnit.MINUTES).toString().replace("Z", "%2B00:00");
    Map<String, Object> updated =
        org.api()
            .urlEncodingEnabled(false)
            .get(B + "/sobjects/Account/updated/" + window)
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat(updated).containsOnlyKeys("ids", "latestDateCovered");
    assertThat(updated.get("ids")).isEqualTo(List.of(seeded));
    assertThat((String) updated.get("latestDateCovered"))
        .matches(".*T\\d\\d:\\d\\d:00\\.000\\+0000");
    org.api()
        .urlEncodingEnabled(false)
        .get(B + "/sobjects/Account/deleted/" + window)
        .then()
        .statusCode(200)
        .body("deletedRecords", equalTo(List.of()))
        .body("earliestDateAvailable", matchesPattern(".*:00\\.000\\+0000"))
        .body("latestDateCovered", equalTo(updated.get("latestDateCovered")));
    org.api()
        .urlEncodingEnabled(false)
        .get(
            B
                + "/sobjects/Account/updated/?start=2000-01-01T00:00:00%2B00:00&end=2000-01-02T00:00:00%2B00:00")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_REPLICATION_DATE"));
    org.api()
        .get(B + "/sobjects/Account/updated/")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("MISSING_ARGUMENT"));
    org.api()
        .urlEncodingEnabled(false)
        .get(B + "/sobjects/ConversationEntry/updated/" + window)
        .then()
        .statusCode(400);
  }
}
