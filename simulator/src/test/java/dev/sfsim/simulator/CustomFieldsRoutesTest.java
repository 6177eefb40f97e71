package dev.sfsim.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Custom fields declared with {@code SFSIM_CUSTOM_FIELDS} ({@code
 * src/test/resources/custom-fields.json}), through the wire: describe, create/update with
 * restricted (multi-select) picklists, SOQL INCLUDES/EXCLUDES and FIELDS(CUSTOM), upsert on a
 * custom external id, and orgs made by {@code POST /__admin/orgs}.
 */
class CustomFieldsRoutesTest {
  private static final String V = "/services/data/v60.0";
  private static Simulator sim;
  private static String token;

  @BeforeAll
  static void start() {
    sim =
        Simulator.start(
            SimulatorConfig.fromEnvironment(
                Map.of(
                    "SFSIM_PORT",
                    "0",
                    "SFSIM_LATENCY_PROFILE",
                    "instant",
                    "SFSIM_CUSTOM_FIELDS",
                    "src/test/resources/custom-fields.json")));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    given().baseUri(sim.baseUrl()).post("/__admin/reset").then().statusCode(204);
    token = null;
  }

  private static RequestSpecification api() {
    if (token != null) {
      return given().baseUri(sim.baseUrl()).header("Authorization", "Bearer " + token);
    }
    return api(
        SimulatorConfig.DEFAULT_CLIENT_ID,
        SimulatorConfig.DEFAULT_CLIENT_SECRET,
        SimulatorConfig.DEFAULT_USERNAME,
        SimulatorConfig.DEFAULT_PASSWORD);
  }

  private static RequestSpecification api(
      String clientId, String secret, String username, String password) {
    String fresh =
        given()
            .baseUri(sim.baseUrl())
            .contentType(ContentType.URLENC)
            .formParams(
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    clientId,
                    "client_secret",
                    secret,
                    "username",
                    username,
                    "password",
                    password))
            .post("/services/oauth2/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    if (username.equals(SimulatorConfig.DEFAULT_USERNAME)) {
      token = fresh;
    }
    return given().baseUri(sim.baseUrl()).header("Authorization", "Bearer " + fresh);
  }

  private static String create(String type, String body) {
    return api()
        .contentType(ContentType.JSON)
        .body(body)
        .post(V + "/sobjects/" + type)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static JsonPath query(String soql) {
    return api()
        .queryParam("q", soql)
        .get(V + "/query")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void describeShowsCustomFieldsAsSalesforceDoes() {
    JsonPath d =
        api().get(V + "/sobjects/Contact/describe").then().statusCode(200).extract().jsonPath();
    String f = "fields.find { it.name == 'Preferred_Channels__c' }";
    assertThat(d.getBoolean(f + ".custom")).isTrue();
    assertThat(d.getString(f + ".type")).isEqualTo("multipicklist");
    assertThat(d.getString(f + ".soapType")).isEqualTo("xsd:string");
    assertThat(d.getString(f + ".label")).isEqualTo("Preferred Channels");
    assertThat(d.getInt(f + ".length")).isEqualTo(4099);
    assertThat(d.getBoolean(f + ".restrictedPicklist")).isTrue();
    assertThat(d.getBoolean(f + ".sortable")).isFalse();
    assertThat(d.getBoolean(f + ".filterable")).isTrue();
    assertThat(d.getList(f + ".picklistValues.value")).containsExactly("WhatsApp", "SMS", "Email");
    assertThat(d.getBoolean("fields.find { it.name == 'LastName' }.custom")).isFalse();
    assertThat(d.getString("fields.find { it.name == 'Loyalty_Tier__c' }.label"))
        .isEqualTo("Loyalty Tier");
    assertThat(d.getInt("fields.find { it.name == 'Score__c' }.precision")).isEqualTo(5);
    assertThat(d.getInt("fields.find { it.name == 'Score__c' }.scale")).isEqualTo(1);
    assertThat(d.getString("fields.find { it.name == 'Discount__c' }.type")).isEqualTo("percent");
    assertThat(d.getBoolean("fields.find { it.name == 'Opted_In__c' }.defaultValue")).isTrue();
    assertThat(d.getBoolean("fields.find { it.name == 'Opted_In__c' }.nillable")).isFalse();
    assertThat(d.getBoolean("fields.find { it.name == 'Notes__c' }.filterable")).isFalse();
    JsonPath lead =
        api().get(V + "/sobjects/Lead/describe").then().statusCode(200).extract().jsonPath();
    assertThat(lead.getBoolean("fields.find { it.name == 'Order_Number__c' }.externalId")).isTrue();
    assertThat(lead.getBoolean("fields.find { it.name == 'Order_Number__c' }.unique")).isTrue();
    assertThat(lead.getInt("fields.find { it.name == 'Order_Number__c' }.length")).isEqualTo(40);
  }

  @Test
  void multiSelectValuesAreStoredInTheFieldsOrderWithoutDuplicates() {
    String id =
        create(
            "Contact",
            "{\"LastName\": \"Ada\", \"Preferred_Channels__c\": \"Email;WhatsApp;Email\", \"Score__c\": 4.5}");
    JsonPath c =
        api().get(V + "/sobjects/Contact/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(c.getString("Preferred_Channels__c")).isEqualTo("WhatsApp;Email");
    assertThat(c.getBoolean("Opted_In__c")).isTrue();
    assertThat(c.getDouble("Score__c")).isEqualTo(4.5);
    assertThat(c.getString("Loyalty_Tier__c")).isNull();

    api()
        .contentType(ContentType.JSON)
        .body("{\"Preferred_Channels__c\": \"SMS\", \"Loyalty_Tier__c\": \"Gold\"}")
        .patch(V + "/sobjects/Contact/" + id)
        .then()
        .statusCode(204);
    c = api().get(V + "/sobjects/Contact/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(c.getString("Preferred_Channels__c")).isEqualTo("SMS");
    assertThat(c.getString("Loyalty_Tier__c")).isEqualTo("Gold");
  }

  @Test
  void valuesOutsideTheListAreRefused() {
    api()
        .contentType(ContentType.JSON)
        .body("{\"LastName\": \"Ada\", \"Preferred_Channels__c\": \"SMS;Fax\"}")
        .post(V + "/sobjects/Contact")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"))
        .body(
            "[0].message",
            equalTo("Preferred Channels: bad value for restricted picklist field: Fax"))
        .body("[0].fields", equalTo(List.of("Preferred_Channels__c")));
    api()
        .contentType(ContentType.JSON)
        .body("{\"LastName\": \"Ada\", \"Loyalty_Tier__c\": \"Platinum\"}")
        .post(V + "/sobjects/Contact")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
    assertThat(query("SELECT COUNT() FROM Contact").getInt("totalSize")).isZero();
  }

  @Test
  void includesAndExcludesFilterOnTheSelectedValues() {
    String both =
        create("Contact", "{\"LastName\": \"Both\", \"Preferred_Channels__c\": \"SMS;WhatsApp\"}");
    String email =
        create("Contact", "{\"LastName\": \"Email\", \"Preferred_Channels__c\": \"Email\"}");
    String none = create("Contact", "{\"LastName\": \"None\"}");

    assertThat(ids("SELECT Id FROM Contact WHERE Preferred_Channels__c INCLUDES ('whatsapp;SMS')"))
        .containsExactly(both);
    assertThat(
            ids(
                "SELECT Id FROM Contact WHERE Preferred_Channels__c INCLUDES ('WhatsApp;Email', 'Email')"))
        .containsExactly(email);
    assertThat(ids("SELECT Id FROM Contact WHERE Preferred_Channels__c INCLUDES ('SMS', 'Email')"))
        .containsExactlyInAnyOrder(both, email);
    assertThat(ids("SELECT Id FROM Contact WHERE Preferred_Channels__c EXCLUDES ('SMS')"))
        .containsExactlyInAnyOrder(email, none);
    assertThat(ids("SELECT Id FROM Contact WHERE Preferred_Channels__c = 'WhatsApp;SMS'"))
        .containsExactly(both);
    assertThat(ids("SELECT Id FROM Contact WHERE Preferred_Channels__c = 'SMS'")).isEmpty();
    assertThat(ids("SELECT Id FROM Contact WHERE Preferred_Channels__c != 'Email'"))
        .containsExactlyInAnyOrder(both, none);
    assertThat(ids("SELECT Id FROM Contact WHERE Preferred_Channels__c = null"))
        .containsExactly(none);

    JsonPath custom = query("SELECT FIELDS(CUSTOM) FROM Contact WHERE Id = '" + both + "' LIMIT 1");
    assertThat(custom.getMap("records[0]").keySet())
        .containsExactly(
            "attributes",
            "Preferred_Channels__c",
            "Loyalty_Tier__c",
            "Opted_In__c",
            "Score__c",
            "Discount__c",
            "Notes__c");
    assertThat(custom.getString("records[0].Preferred_Channels__c")).isEqualTo("WhatsApp;SMS");

    JsonPath columns =
        api()
            .queryParam("columns", "true")
            .queryParam("q", "SELECT Preferred_Channels__c, Discount__c FROM Contact")
            .get(V + "/query")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(columns.getList("columnMetadata.custom")).containsExactly(true, true);
    assertThat(columns.getList("columnMetadata.apexType")).containsExactly("String", "Double");
    assertThat(columns.getList("columnMetadata.numberType")).containsExactly(false, true);

    api()
        .queryParam("q", "SELECT Id FROM Contact WHERE Loyalty_Tier__c INCLUDES ('Gold')")
        .get(V + "/query")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_QUERY_FILTER_OPERATOR"));
  }

  private static List<String> ids(String soql) {
    return query(soql).getList("records.Id");
  }

  @Test
  void upsertOnACustomExternalIdAndUniqueness() {
    String lead =
        api()
            .contentType(ContentType.JSON)
            .body("{\"LastName\": \"Lee\", \"Company\": \"Acme\"}")
            .patch(V + "/sobjects/Lead/Order_Number__c/ORD-1")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    api()
        .contentType(ContentType.JSON)
        .body("{\"Company\": \"Acme Ltd\"}")
        .patch(V + "/sobjects/Lead/Order_Number__c/ORD-1")
        .then()
        .statusCode(200);
    assertThat(
            query("SELECT Company FROM Lead WHERE Order_Number__c = 'ord-1'")
                .getList("records.Company"))
        .containsExactly("Acme Ltd");
    api()
        .contentType(ContentType.JSON)
        .body("{\"LastName\": \"Other\", \"Company\": \"B\", \"Order_Number__c\": \"ORD-1\"}")
        .post(V + "/sobjects/Lead")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("DUPLICATE_VALUE"))
        .body(
            "[0].message",
            equalTo(
                "duplicate value found: Order_Number__c duplicates value on record with id: "
                    + lead))
        .body("[0].fields", equalTo(List.of("Order_Number__c")));
    String other =
        create(
            "Lead",
            "{\"LastName\": \"Other\", \"Company\": \"B\", \"Order_Number__c\": \"ORD-2\"}");
    api()
        .contentType(ContentType.JSON)
        .body("{\"Order_Number__c\": \"ord-1\"}")
        .patch(V + "/sobjects/Lead/" + other)
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("DUPLICATE_VALUE"));
    api()
        .contentType(ContentType.JSON)
        .body("{\"Order_Number__c\": \"ORD-2\"}")
        .patch(V + "/sobjects/Lead/" + other)
        .then()
        .statusCode(204);
  }

  @Test
  void orgsCreatedLaterHaveTheColumnsToo() {
    JsonPath org =
        given()
            .baseUri(sim.baseUrl())
            .contentType(ContentType.JSON)
            .body(
                """
                {"fixtures": {"records": [{"attributes": {"type": "Contact", "referenceId": "c"}, "LastName": "Seeded",
                  "Preferred_Channels__c": "Email;SMS"}]}}""")
            .post("/__admin/orgs")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    try {
      // The second org takes the spare schema migrated in the background: the columns are added
      // there too.
      JsonPath second =
          given()
              .baseUri(sim.baseUrl())
              .contentType(ContentType.JSON)
              .body("{}")
              .post("/__admin/orgs")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath();
      given()
          .baseUri(sim.baseUrl())
          .delete("/__admin/orgs/" + second.getString("orgId"))
          .then()
          .statusCode(204);
      JsonPath records =
          api(
                  org.getString("clientId"),
                  org.getString("clientSecret"),
                  org.getString("username"),
                  org.getString("password"))
              .queryParam(
                  "q",
                  "SELECT Preferred_Channels__c FROM Contact WHERE Preferred_Channels__c INCLUDES ('sms')")
              .get(V + "/query")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(records.getList("records.Preferred_Channels__c")).containsExactly("SMS;Email");
    } finally {
      given().baseUri(sim.baseUrl()).delete("/__admin/orgs/" + org.getString("orgId"));
    }
  }
}
