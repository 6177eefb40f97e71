package dev.sfsim.samples.clients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.testcontainers.LatencyProfile;
import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Apache Camel's salesforce component ({@code camel-salesforce} 4.x), unchanged, against the
 * simulator: the component logs in at {@code loginUrl} when the context starts (username-password
 * or refresh-token flow), then routes call {@code instance_url}. Payloads are raw JSON, so no
 * generated DTOs are needed.
 */
@EnabledIfDockerAvailable
@Testcontainers
class CamelSalesforceIT {

  @Container
  static SalesforceSimulatorContainer sfsim =
      new SalesforceSimulatorContainer().withLatencyProfile(LatencyProfile.INSTANT);

  private ClientOrg org;
  private CamelContext camel;
  private SalesforceComponent salesforce;

  @BeforeEach
  void seed() {
    org = ClientOrg.seed(sfsim);
  }

  @AfterEach
  void stopCamel() {
    if (camel != null) {
      camel.stop();
    }
  }

  private ProducerTemplate start(AuthenticationType type, String refreshToken) {
    salesforce = new SalesforceComponent();
    salesforce.setLoginUrl(sfsim.getInstanceUrl());
    salesforce.setClientId(sfsim.getClientId());
    salesforce.setClientSecret(sfsim.getClientSecret());
    salesforce.setAuthenticationType(type);
    if (type == AuthenticationType.USERNAME_PASSWORD) {
      salesforce.setUserName(sfsim.getUsername());
      salesforce.setPassword(sfsim.getPassword());
    } else {
      salesforce.setRefreshToken(refreshToken);
    }
    SalesforceEndpointConfig config = new SalesforceEndpointConfig();
    config.setApiVersion("60.0");
    salesforce.setConfig(config);
    camel = new DefaultCamelContext();
    camel.addComponent("salesforce", salesforce);
    camel.start();
    return camel.createProducerTemplate();
  }

  @Test
  void logsInWithTheUsernamePasswordFlowAndLogsOut() throws Exception {
    start(AuthenticationType.USERNAME_PASSWORD, null);
    var session = salesforce.getSession();
    assertThat(session.getInstanceUrl()).isEqualTo(sfsim.getInstanceUrl());
    assertThat(session.getOrgId()).matches("00D\\w{15}");
    String token = session.getAccessToken();
    given()
        .auth()
        .oauth2(token)
        .get(session.getId())
        .then()
        .statusCode(200)
        .body("username", equalTo(sfsim.getUsername()));
    session.logout(); // GET /services/oauth2/revoke?token=...
    given()
        .auth()
        .oauth2(token)
        .get(sfsim.getInstanceUrl() + "/services/data/v60.0/")
        .then()
        .statusCode(401);
  }

  @Test
  void logsInWithARefreshTokenFromTheWebServerFlow() {
    start(AuthenticationType.REFRESH_TOKEN, refreshTokenFromAuthorizationCode());
    assertThat(salesforce.getSession().getAccessToken()).matches("00D\\w{12}!\\w+");
    assertThat(salesforce.getSession().getOrgId()).matches("00D\\w{15}");
  }

  @Test
  void queries() {
    ProducerTemplate t = start(AuthenticationType.USERNAME_PASSWORD, null);
    String json =
        t.requestBody(
            "salesforce:query?rawPayload=true&sObjectQuery=SELECT Id, Name FROM MessagingEndUser ORDER BY Name",
            null,
            String.class);
    JsonPath result = JsonPath.from(json);
    assertThat(result.getInt("totalSize")).isEqualTo(2);
    assertThat(result.getList("records.Name", String.class)).containsExactly("Alice", "Bob");
  }

  @Test
  void invokesSendConversationMessages() {
    ProducerTemplate t = start(AuthenticationType.USERNAME_PASSWORD, null);
    String json =
        t.requestBody(
            "salesforce:raw?rawMethod=POST&rawPath=/services/data/v60.0/actions/standard/sendConversationMessages",
            "{\"inputs\":[" + org.actionInput() + "]}",
            String.class);
    JsonPath result = JsonPath.from(json);
    assertThat(result.getBoolean("[0].isSuccess")).isTrue();
    assertThat(result.getString("[0].outputValues.requestId")).matches("1sr\\w{15}");
  }

  @Test
  void describes() {
    ProducerTemplate t = start(AuthenticationType.USERNAME_PASSWORD, null);
    JsonPath global =
        JsonPath.from(
            t.requestBody("salesforce:getGlobalObjects?rawPayload=true", null, String.class));
    assertThat(global.getList("sobjects.name", String.class))
        .contains("ConversationEntry", "MessagingEndUser");
    JsonPath entry =
        JsonPath.from(
            t.requestBody(
                "salesforce:getDescription?rawPayload=true&sObjectName=ConversationEntry",
                null,
                String.class));
    assertThat(entry.getList("fields.name", String.class)).contains("ConversationId", "Message");
  }

  @Test
  void createsUpdatesAndDeletesAConversationEntry() {
    ProducerTemplate t = start(AuthenticationType.USERNAME_PASSWORD, null);
    String created =
        t.requestBody(
            "salesforce:createSObject?rawPayload=true&sObjectName=ConversationEntry",
            org.conversationEntry(),
            String.class);
    String id = JsonPath.from(created).getString("id");
    assertThat(id).matches("0Zy\\w{15}");
    t.requestBodyAndHeader(
        "salesforce:updateSObject?rawPayload=true&sObjectName=ConversationEntry",
        "{\"MessageStatusCode\":\"edited by camel\"}",
        "sObjectId",
        id); // the entry's one updateable field
    String read =
        t.requestBodyAndHeader(
            "salesforce:getSObject?rawPayload=true&sObjectName=ConversationEntry",
            null,
            "sObjectId",
            id,
            String.class);
    assertThat(JsonPath.from(read).getString("MessageStatusCode")).isEqualTo("edited by camel");
    t.requestBodyAndHeader(
        "salesforce:deleteSObject?sObjectName=ConversationEntry", null, "sObjectId", id);
  }

  @Test
  void pagesWithQueryMore() {
    ClientOrg.seedEndUsers(sfsim, 2100);
    ProducerTemplate t = start(AuthenticationType.USERNAME_PASSWORD, null);
    JsonPath first =
        JsonPath.from(
            t.requestBody(
                "salesforce:query?rawPayload=true&sObjectQuery=SELECT Id FROM MessagingEndUser",
                null,
                String.class));
    assertThat(first.getBoolean("done")).isFalse();
    JsonPath more =
        JsonPath.from(
            t.requestBody(
                "salesforce:queryMore?rawPayload=true&sObjectQuery="
                    + first.getString("nextRecordsUrl"),
                null,
                String.class));
    assertThat(first.getList("records").size() + more.getList("records").size())
        .isGreaterThan(2000);
  }

  /**
   * The web server flow as a browser and a back end would run it: authorize with the user's login
   * (302 with a code), then the token call.
   */
  private static String refreshTokenFromAuthorizationCode() {
    String callback = "http://localhost:1717/OauthRedirect";
    String location =
        given()
            .redirects()
            .follow(false)
            .queryParam("response_type", "code")
            .queryParam("client_id", sfsim.getClientId())
            .queryParam("redirect_uri", callback)
            .queryParam("username", sfsim.getUsername())
            .queryParam("password", sfsim.getPassword()) // the scripted login step
            .get(sfsim.getInstanceUrl() + "/services/oauth2/authorize")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    String code =
        java.net.URLDecoder.decode(
            URI.create(location).getRawQuery().replaceFirst("^code=", ""),
            java.nio.charset.StandardCharsets.UTF_8);
    return given()
        .formParams(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "client_id",
                sfsim.getClientId(),
                "client_secret",
                sfsim.getClientSecret(),
                "redirect_uri",
                callback))
        .post(sfsim.getTokenUrl())
        .then()
        .statusCode(200)
        .extract()
        .path("refresh_token");
  }
}
