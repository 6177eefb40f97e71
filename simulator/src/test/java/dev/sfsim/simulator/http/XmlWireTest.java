package dev.sfsim.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.Fixtures;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * XML answers and XML request bodies where Salesforce offers them, through the wire, parsed with
 * XmlPath.
 */
class XmlWireTest {
  private static final String B = "/services/data/v60.0";
  private static final String XML = "application/xml;charset=UTF-8";
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

  private RequestSpecification xml() {
    return api().accept("application/xml");
  }

  private static XmlPath xmlOf(Response r) {
    assertThat(r.header("Content-Type")).isEqualToIgnoringCase(XML);
    String body = r.body().asString();
    assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    return new XmlPath(body);
  }

  @Test
  void recordsAreCreatedReadUpdatedUpsertedAndDeletedInXml() {
    Response created =
        xml()
            .contentType("application/xml")
            .body("<Contact><FirstName>Ada</FirstName><LastName>Lovelace</LastName></Contact>")
            .post(B + "/sobjects/Contact");
    assertThat(created.statusCode()).isEqualTo(201);
    XmlPath result = xmlOf(created);
    String id = result.getString("Result.id");
    assertThat(id).matches("003[A-Za-z0-9]{15}");
    assertThat(result.getBoolean("Result.success")).isTrue();
    assertThat(created.body().asString())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Result><id>"
                + id
                + "</id><success>true</success></Result>");

    XmlPath record =
        xmlOf(xml().get(B + "/sobjects/Contact/" + id).then().statusCode(200).extract().response());
    assertThat(record.getString("Contact.@type")).isEqualTo("Contact");
    assertThat(record.getString("Contact.@url")).isEqualTo(B + "/sobjects/Contact/" + id);
    assertThat(record.getString("Contact.Id")).isEqualTo(id);
    assertThat(record.getString("Contact.Name")).isEqualTo("Ada Lovelace");
    assertThat(record.getString("Contact.Title.@xsi:nil")).isEqualTo("true");
    assertThat(record.getBoolean("Contact.IsDeleted")).isFalse();

    Response patched =
        api()
            .contentType("application/xml")
            .body(
                "<Contact><Title>Countess</Title><FirstName xsi:nil=\"true\" "
                    + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/></Contact>")
            .patch(B + "/sobjects/Contact/" + id);
    assertThat(patched.statusCode()).isEqualTo(204);
    assertThat(patched.header("Content-Type")).isNull();
    api()
        .get(B + "/sobjects/Contact/" + id)
        .then()
        .body("Title", equalTo("Countess"))
        .body("Name", equalTo("Lovelace"));

    XmlPath upserted =
        xmlOf(
            xml()
                .contentType("application/xml")
                .body("<Contact><Title>Professor</Title></Contact>")
                .patch(B + "/sobjects/Contact/Id/" + id)
                .then()
                .statusCode(200)
                .extract()
                .response());
    assertThat(upserted.getString("Result.id")).isEqualTo(id);
    assertThat(upserted.getBoolean("Result.created")).isFalse();

    Response deleted = xml().delete(B + "/sobjects/Contact/" + id);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body().asString()).isEmpty();
  }

  @Test
  void theSuffixChoosesTheFormatOverTheAcceptHeader() {
    String id =
        api()
            .contentType(ContentType.JSON)
            .body("{\"Name\":\"Acme\",\"Description\":\"bell\\u0007 <&>\"}")
            .post(B + "/sobjects/Account")
            .then()
            .extract()
            .path("id");
    XmlPath record =
        xmlOf(
            api()
                .get(B + "/sobjects/Account/" + id + ".xml")
                .then()
                .statusCode(200)
                .extract()
                .response());
    assertThat(record.getString("Account.Name")).isEqualTo("Acme");
    assertThat(record.getString("Account.Description")).isEqualTo("bell\uFFFD <&>");
    xml()
        .get(B + "/sobjects/Account/" + id + ".json")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("Name", equalTo("Acme"));
    assertThat(
            xmlOf(
                    api()
                        .get(B + "/sobjects/Account/describe.xml")
                        .then()
                        .statusCode(200)
                        .extract()
                        .response())
                .getString("Account.name"))
        .isEqualTo("Account");
  }

  @Test
  void acceptNegotiationTakesTheFirstMediaType() {
    api()
        .accept("*/*")
        .get(B + "/sobjects/Account/describe")
        .then()
        .statusCode(200)
        .contentType("application/json");
    api()
        .accept("application/json, application/xml")
        .get(B + "/sobjects/Account/describe")
        .then()
        .contentType("application/json");
    xmlOf(
        api()
            .accept("text/xml")
            .get(B + "/sobjects/Account/describe")
            .then()
            .statusCode(200)
            .extract()
            .response());
    xmlOf(
        api()
            .accept("application/xml;q=0.9, application/json;q=0.1")
            .get(B + "/sobjects")
            .then()
            .statusCode(200)
            .extract()
            .response());
  }

  @Test
  void versionsAndTheResourceMap() {
    XmlPath versions =
        xmlOf(
            RestAssured.given()
                .baseUri(TestSimulator.baseUrl())
                .accept("application/xml")
                .get("/services/data")
                .then()
                .statusCode(200)
                .extract()
                .response());
    assertThat(versions.getList("Versions.Version.version")).contains("31.0", "60.0");
    assertThat(versions.getString("Versions.Version.find { it.version == '60.0' }.url"))
        .isEqualTo(B);
    XmlPath urls = xmlOf(xml().get(B).then().statusCode(200).extract().response());
    assertThat(urls.getString("urls.sobjects")).isEqualTo(B + "/sobjects");
    xml().get(B + "/limits").then().statusCode(501).contentType("application/xml");
  }

  @Test
  void describeGlobalBasicAndFullDescribe() {
    XmlPath global = xmlOf(xml().get(B + "/sobjects").then().statusCode(200).extract().response());
    assertThat(global.getString("DescribeGlobal.encoding")).isEqualTo("UTF-8");
    assertThat(global.getInt("DescribeGlobal.maxBatchSize")).isEqualTo(200);
    assertThat(global.getList("DescribeGlobal.sobjects.name"))
        .contains("Account", "MessagingEndUser", "ConvMessageSendRequest");

    XmlPath basic =
        xmlOf(xml().get(B + "/sobjects/Account").then().statusCode(200).extract().response());
    assertThat(basic.getString("Account.objectDescribe.name")).isEqualTo("Account");
    assertThat(basic.getString("Account.objectDescribe.keyPrefix")).isEqualTo("001");

    XmlPath full =
        xmlOf(
            xml()
                .get(B + "/sobjects/Account/describe")
                .then()
                .statusCode(200)
                .extract()
                .response());
    assertThat(full.getString("Account.name")).isEqualTo("Account");
    assertThat(full.getList("Account.fields.name")).contains("Id", "Name", "CreatedDate");
    assertThat(full.getString("Account.fields.find { it.name == 'Id' }.type")).isEqualTo("id");
    assertThat(full.getString("Account.urls.describe")).isEqualTo(B + "/sobjects/Account/describe");
  }

  @Test
  void queryResultsAndTheirNextPagesAnswerQueryResult() {
    String records =
        IntStream.range(0, 200)
            .mapToObj(i -> "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A" + i + "\"}")
            .collect(Collectors.joining(","));
    api()
        .contentType(ContentType.JSON)
        .body("{\"allOrNone\":true,\"records\":[" + records + "]}")
        .post(B + "/composite/sobjects")
        .then()
        .statusCode(200);
    api()
        .contentType(ContentType.JSON)
        .body("{\"Name\":\"Last\"}")
        .post(B + "/sobjects/Account")
        .then()
        .statusCode(201);

    Response first =
        xml()
            .header("Sforce-Query-Options", "batchSize=200")
            .queryParam("q", "SELECT Id, Name FROM Account ORDER BY Name")
            .get(B + "/query");
    XmlPath page = xmlOf(first.then().statusCode(200).extract().response());
    assertThat(page.getBoolean("QueryResult.done")).isFalse();
    assertThat(page.getInt("QueryResult.totalSize")).isEqualTo(201);
    assertThat(page.getList("QueryResult.records")).hasSize(200);
    assertThat(page.getString("QueryResult.records[0].@type")).isEqualTo("Account");
    assertThat(page.getString("QueryResult.records[0].@url"))
        .startsWith(B + "/sobjects/Account/001");
    assertThat(first.body().asString())
        .contains(
            "<QueryResult xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><done>false</done><nextRecordsUrl>");
    String next = page.getString("QueryResult.nextRecordsUrl");

    XmlPath last = xmlOf(xml().get(next).then().statusCode(200).extract().response());
    assertThat(last.getBoolean("QueryResult.done")).isTrue();
    assertThat(last.getString("QueryResult.records.Name")).isEqualTo("Last");

    XmlPath all =
        xmlOf(
            xml()
                .queryParam("q", "SELECT COUNT() FROM Account")
                .get(B + "/queryAll")
                .then()
                .statusCode(200)
                .extract()
                .response());
    assertThat(all.getInt("QueryResult.totalSize")).isEqualTo(201);
  }

  @Test
  void anSObjectTreeIsCreatedFromItsDocumentedXmlForm() {
    Response created =
        xml()
            .contentType("application/xml")
            .body(
                """
                <SObjectTreeRequest>
                    <records type="Account" referenceId="ref1">
                        <Name>SampleAccount</Name><NumberOfEmployees>100</NumberOfEmployees>
                        <Contacts>
                            <records type="Contact" referenceId="ref2"><LastName>Smith</LastName><Title>President</Title></records>
                        </Contacts>
                    </records>
                    <records type="Account" referenceId="ref3"><Name>SampleAccount2</Name></records>
                </SObjectTreeRequest>""")
            .post(B + "/composite/tree/Account");
    XmlPath tree = xmlOf(created.then().statusCode(201).extract().response());
    assertThat(tree.getBoolean("SObjectTreeResponse.hasErrors")).isFalse();
    assertThat(tree.getList("SObjectTreeResponse.results.referenceId"))
        .containsExactlyInAnyOrder("ref1", "ref2", "ref3");
    String contact =
        tree.getString("SObjectTreeResponse.results.find { it.referenceId == 'ref2' }.id");
    api()
        .get(B + "/sobjects/Contact/" + contact)
        .then()
        .statusCode(200)
        .body("Title", equalTo("President"));

    XmlPath failed =
        xmlOf(
            xml()
                .contentType("application/xml")
                .body(
                    "<SObjectTreeRequest><records type=\"Account\" referenceId=\"bad\">"
                        + "<Bogus>1</Bogus></records></SObjectTreeRequest>")
                .post(B + "/composite/tree/Account")
                .then()
                .statusCode(400)
                .extract()
                .response());
    assertThat(failed.getBoolean("SObjectTreeResponse.hasErrors")).isTrue();
    assertThat(failed.getString("SObjectTreeResponse.results.referenceId")).isEqualTo("bad");
  }

  @Test
  void errorsAnswerSalesforcesXmlErrorBody() {
    Response notFound = xml().get(B + "/sobjects/Widget__c");
    assertThat(notFound.statusCode()).isEqualTo(404);
    xmlOf(notFound);
    assertThat(notFound.body().asString())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Errors><Error>"
                + "<errorCode>NOT_FOUND</errorCode><message>The requested resource does not exist</message></Error></Errors>");

    XmlPath badId =
        xmlOf(
            xml()
                .get(B + "/sobjects/Account/001B000001LntWlIAX")
                .then()
                .statusCode(400)
                .extract()
                .response());
    assertThat(badId.getString("Errors.Error.errorCode")).isEqualTo("MALFORMED_ID");
    assertThat(badId.getString("Errors.Error.fields")).isEqualTo("Id");

    XmlPath unauthenticated =
        xmlOf(
            RestAssured.given()
                .baseUri(TestSimulator.baseUrl())
                .accept("application/xml")
                .get(B + "/sobjects")
                .then()
                .statusCode(401)
                .extract()
                .response());
    assertThat(unauthenticated.getString("Errors.Error.errorCode")).isEqualTo("INVALID_SESSION_ID");

    XmlPath composite =
        xmlOf(
            xml()
                .contentType(ContentType.JSON)
                .body("{\"compositeRequest\":[]}")
                .post(B + "/composite")
                .then()
                .statusCode(501)
                .extract()
                .response());
    assertThat(composite.getString("Errors.Error.errorCode"))
        .isEqualTo("NOT_SUPPORTED_BY_SIMULATOR");
    assertThat(composite.getString("Errors.Error.message")).contains("composite");
    xml()
        .get(B + "/sobjects/Account/updated?start=2024-01-01T00:00:00Z&end=2024-01-02T00:00:00Z")
        .then()
        .statusCode(501);
    xml().queryParam("explain", "SELECT Id FROM Account").get(B + "/query").then().statusCode(501);
    xml()
        .queryParam("q", "SELECT Id FROM Account")
        .queryParam("columns", "true")
        .get(B + "/query")
        .then()
        .statusCode(501);
  }

  @Test
  void malformedXmlBodiesAreXmlParserErrorsAndWriteNothing() {
    for (String body :
        new String[] {
          "<Account><Name>Acme</Name>",
          "",
          "not xml",
          "<Account><Name>a</Name></Account><x/>",
          "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Account><Name>&e;</Name></Account>"
        }) {
      api()
          .contentType("application/xml")
          .body(body)
          .post(B + "/sobjects/Account")
          .then()
          .statusCode(400)
          .body("[0].errorCode", equalTo("XML_PARSER_ERROR"));
    }
    XmlPath unknownField =
        xmlOf(
            xml()
                .contentType("application/xml")
                .body("<Account><Name>A</Name><Bogus>1</Bogus></Account>")
                .post(B + "/sobjects/Account")
                .then()
                .statusCode(400)
                .extract()
                .response());
    assertThat(unknownField.getString("Errors.Error.errorCode")).isEqualTo("INVALID_FIELD");
    api()
        .queryParam("q", "SELECT COUNT() FROM Account")
        .get(B + "/query")
        .then()
        .body("totalSize", equalTo(0));
  }

  @Test
  void theActionDescribesAndInvokesInXml() {
    TestSimulator.seed(Fixtures.MESSAGING);
    String path = B + "/actions/standard/sendConversationMessages";
    XmlPath describe = xmlOf(xml().get(path).then().statusCode(200).extract().response());
    assertThat(describe.getString("Action.name")).isEqualTo("sendConversationMessages");
    assertThat(describe.getList("Action.inputs.name"))
        .contains("messageDefinitionName", "messagingEndUserIds");

    String alice =
        api()
            .queryParam("q", "SELECT Id FROM MessagingEndUser WHERE Name = 'Alice'")
            .get(B + "/query")
            .then()
            .extract()
            .path("records[0].Id");
    Response invoked =
        xml()
            .contentType("application/xml")
            .body(
                """
                <Inputs><inputs><messageDefinitionName>Order_Shipped</messageDefinitionName>
                <requestType>SendNotificationMessages</requestType><isEnforceMessagingChannelConsent>true</isEnforceMessagingChannelConsent>
                <allowedSessionStatus>Any</allowedSessionStatus><messagingEndUserIds>%s</messagingEndUserIds>
                <messagingDefinitionInputParameters><name>orderNumber</name><textValue>1234</textValue></messagingDefinitionInputParameters>
                </inputs></Inputs>"""
                    .formatted(alice))
            .post(path);
    XmlPath results = xmlOf(invoked.then().statusCode(200).extract().response());
    assertThat(results.getString("Results.Result.actionName"))
        .isEqualTo("sendConversationMessages");
    assertThat(results.getBoolean("Results.Result.isSuccess")).isTrue();
    assertThat(results.getString("Results.Result.outputValues.requestId")).startsWith("1sr");
    assertThat(results.getString("Results.Result.errors.@xsi:nil")).isEqualTo("true");
  }
}
