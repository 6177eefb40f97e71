package dev.sfsim.simulator.sobject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.sfsim.simulator.TestOrg;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * describeGlobal, basic information, describe, If-Modified-Since, version gating ("Describe
 * Global", "sObject Basic Information", "sObject Describe", REST API Developer Guide).
 */
@WithSimulator
class DescribeRoutesTest {
  private static final String B = "/services/data/v60.0";
  private final TestOrg org;

  DescribeRoutesTest(TestOrg org) {
    this.org = org;
  }

  @Test
  void describeGlobalListsTheObjectsOfTheVersion() {
    Response r = org.api().get(B + "/sobjects/");
    r.then()
        .statusCode(200)
        .body("encoding", equalTo("UTF-8"))
        .body("maxBatchSize", equalTo(200))
        .body(
            "sobjects.name",
            hasItems(
                "Account",
                "Contact",
                "Lead",
                "Case",
                "MessagingEndUser",
                "ConversationEntry",
                "ConvMessageSendRequest",
                "User",
                "Organization"));
    Map<String, Object> account = r.path("sobjects.find { it.name == 'Account' }");
    assertThat(account)
        .containsEntry("keyPrefix", "001")
        .containsEntry("createable", true)
        .containsEntry("label", "Account")
        .containsEntry("labelPlural", "Accounts")
        .containsEntry("queryable", true)
        .containsEntry(
            "urls",
            Map.of(
                "sobject",
                B + "/sobjects/Account",
                "describe",
                B + "/sobjects/Account/describe",
                "rowTemplate",
                B + "/sobjects/Account/{ID}"));
    Map<String, Object> request = r.path("sobjects.find { it.name == 'ConvMessageSendRequest' }");
    assertThat(request)
        .containsEntry("createable", false)
        .containsEntry("updateable", false)
        .containsEntry("deletable", false)
        .containsEntry("replicateable", true)
        .containsEntry("keyPrefix", "1sr");
    org.api()
        .get("/services/data/v59.0/sobjects")
        .then()
        .body("sobjects.name", not(hasItem("ConvMessageSendRequest")));
  }

  @Test
  void describeGivesFullFieldMetadataAndChildRelationships() {
    Response r = org.api().get(B + "/sobjects/Account/describe");
    r.then()
        .statusCode(200)
        .body("name", equalTo("Account"))
        .body("keyPrefix", equalTo("001"))
        .body("urls.rowTemplate", equalTo(B + "/sobjects/Account/{ID}"))
        .body("recordTypeInfos[0].recordTypeId", equalTo("012000000000000AAA"))
        .body(
            "childRelationships.find { it.childSObject == 'Contact' }.relationshipName",
            equalTo("Contacts"))
        .body(
            "childRelationships.find { it.childSObject == 'Contact' }.field", equalTo("AccountId"))
        .body(
            "childRelationships.find { it.childSObject == 'MessagingEndUser' }.relationshipName",
            equalTo("MessagingEndUsers"));
    Map<String, Object> id = r.path("fields.find { it.name == 'Id' }");
    assertThat(id)
        .containsEntry("type", "id")
        .containsEntry("soapType", "tns:ID")
        .containsEntry("length", 18)
        .containsEntry("byteLength", 18)
        .containsEntry("idLookup", true)
        .containsEntry("defaultedOnCreate", true)
        .containsEntry("createable", false)
        .containsEntry("updateable", false)
        .containsEntry("nillable", false);
    Map<String, Object> name = r.path("fields.find { it.name == 'Name' }");
    assertThat(name)
        .containsEntry("type", "string")
        .containsEntry("length", 255)
        .containsEntry("byteLength", 765)
        .containsEntry("nameField", true)
        .containsEntry("nillable", false)
        .containsEntry("label", "Account Name");
    assertThat(name.keySet())
        .containsAll(
            List.of(
                "aggregatable",
                "autoNumber",
                "calculated",
                "caseSensitive",
                "controllerName",
                "defaultValue",
                "dependentPicklist",
                "externalId",
                "filterable",
                "groupable",
                "htmlFormatted",
                "inlineHelpText",
                "namePointing",
                "permissionable",
                "picklistValues",
                "polymorphicForeignKey",
                "precision",
                "referenceTo",
                "relationshipName",
                "restrictedPicklist",
                "scale",
                "soapType",
                "sortable",
                "unique",
                "writeRequiresMasterRead"));
    Map<String, Object> type = r.path("fields.find { it.name == 'Type' }");
    assertThat(type).containsEntry("type", "picklist").containsEntry("restrictedPicklist", true);
    Map<String, Object> prospect = new java.util.LinkedHashMap<>();
    prospect.put("active", true);
    prospect.put("defaultValue", false);
    prospect.put("label", "Prospect");
    prospect.put("validFor", null);
    prospect.put("value", "Prospect");
    assertThat(((List<?>) type.get("picklistValues")).get(0)).isEqualTo(prospect);
    Map<String, Object> parent = r.path("fields.find { it.name == 'ParentId' }");
    assertThat(parent)
        .containsEntry("type", "reference")
        .containsEntry("referenceTo", List.of("Account"))
        .containsEntry("relationshipName", "Parent");
  }

  @Test
  void supportedScopesWriteLabelBeforeNameOnEveryStart() {
    // Salesforce's order; a hash-ordered map gave either order, chosen anew at each JVM start
    assertThat(org.api().get(B + "/sobjects/Account/describe").asString())
        .contains("\"supportedScopes\":[{\"label\":\"All accounts\",\"name\":\"everything\"}]");
  }

  @Test
  void picklistLabelsMatchToLabel() {
    Response r = org.api().get(B + "/sobjects/ConvMessageSendRequest/describe");
    List<Map<String, Object>> values =
        r.path("fields.find { it.name == 'RequestStatus' }.picklistValues");
    assertThat(values)
        .extracting(v -> v.get("value") + "=" + v.get("label"))
        .containsExactly("Pending=Pending", "InProgress=In Progress", "Completed=Completed");
  }

  @Test
  void conversationEntryDescribesSeqDefaultedAndOnlyTheStatusCodeUpdateable() {
    Response r = org.api().get(B + "/sobjects/ConversationEntry/describe");
    assertThat((Map<String, Object>) r.path("fields.find { it.name == 'Seq' }"))
        .containsEntry("defaultedOnCreate", true)
        .containsEntry("createable", true)
        .containsEntry("updateable", false);
    assertThat((Map<String, Object>) r.path("fields.find { it.name == 'Message' }"))
        .containsEntry("updateable", false)
        .containsEntry("createable", true)
        .containsEntry("type", "textarea");
    assertThat((Map<String, Object>) r.path("fields.find { it.name == 'MessageStatusCode' }"))
        .containsEntry("updateable", true);
    assertThat((Map<String, Object>) r.path("fields.find { it.name == 'ActorId' }"))
        .containsEntry("polymorphicForeignKey", true);
    org.api()
        .get(B + "/sobjects/MessagingSession/describe")
        .then()
        .body(
            "childRelationships.find { it.childSObject == 'ConversationEntry' }.relationshipName",
            equalTo("ConversationEntries"));
  }

  @Test
  void basicInformationHasObjectDescribeAndRecentItems() {
    String id =
        org.api()
            .contentType(ContentType.JSON)
            .body("{\"Name\":\"Recent\"}")
            .post(B + "/sobjects/Account")
            .path("id");
    org.api()
        .get(B + "/sobjects/Account/")
        .then()
        .statusCode(200)
        .body("objectDescribe.name", equalTo("Account"))
        .body("recentItems[0].Id", equalTo(id))
        .body("recentItems[0].Name", equalTo("Recent"))
        .body("recentItems[0].attributes.url", equalTo(B + "/sobjects/Account/" + id));
  }

  @Test
  void ifModifiedSinceAnswers304WithoutBody() {
    Response r =
        org.api()
            .header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")
            .get(B + "/sobjects/Account/describe");
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.body().asString()).isEmpty();
    org.api()
        .header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")
        .get(B + "/sobjects")
        .then()
        .statusCode(304);
    org.api()
        .header("If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT")
        .get(B + "/sobjects/Account/describe")
        .then()
        .statusCode(200);
  }

  @Test
  void describeSubresourcesNotEmulatedAnswer501() {
    org.api()
        .get(B + "/sobjects/Account/describe/layouts")
        .then()
        .statusCode(501)
        .body("[0].errorCode", equalTo("NOT_SUPPORTED_BY_SIMULATOR"));
    org.api()
        .contentType(ContentType.JSON)
        .body("{}")
        .patch(B + "/sobjects/Account/describe")
        .then()
        .statusCode(405)
        .body("[0].message", equalTo("HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD"));
  }
}
