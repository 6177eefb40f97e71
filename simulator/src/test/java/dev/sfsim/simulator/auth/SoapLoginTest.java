package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.path.xml.XmlPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partner SOAP login and logout at any {@code /services/Soap/u/NN.N}, with the envelopes real
 * clients send.
 */
class SoapLoginTest {
  private String base;

  @BeforeEach
  void setUp() {
    base = TestSimulator.baseUrl();
  }

  private static String login(String password) {
    return "<se:Envelope xmlns:se=\"http://schemas.xmlsoap.org/soap/envelope/\"><se:Header/><se:Body>"
        + "<login xmlns=\"urn:partner.soap.sforce.com\"><username>"
        + SimulatorConfig.DEFAULT_USERNAME
        + "</username><password>"
        + password
        + "</password></login></se:Body></se:Envelope>";
  }

  @Test
  void loginAnswersThePartnerEnvelopeAndTheSessionWorksOverRest() {
    String xml =
        given()
            .baseUri(base)
            .contentType("text/xml; charset=UTF-8")
            .header("SOAPAction", "login")
            .body(login(SimulatorConfig.DEFAULT_PASSWORD))
            .post("/services/Soap/u/46.0")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/xml"))
            .extract()
            .asString();
    assertThat(xml)
        .startsWith(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:partner.soap.sforce.com\"");
    XmlPath result = XmlPath.from(xml).setRootPath("Envelope.Body.loginResponse.result");
    String org15 = TestSimulator.get().org().orgId15();
    assertThat(result.getString("serverUrl")).isEqualTo(base + "/services/Soap/u/46.0/" + org15);
    assertThat(result.getString("metadataServerUrl"))
        .isEqualTo(base + "/services/Soap/m/46.0/" + org15);
    assertThat(result.getString("passwordExpired")).isEqualTo("false");
    assertThat(result.getString("userInfo.organizationId"))
        .isEqualTo(TestSimulator.get().org().orgId());
    assertThat(result.getString("userInfo.sessionSecondsValid")).isEqualTo("7200");
    String session = result.getString("sessionId");
    assertThat(session).startsWith(org15 + "!");
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + session)
        .get("/services/data/v46.0")
        .then()
        .statusCode(200);

    // logout at the serverUrl, prefixes as another client writes them
    String logout =
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:urn=\"urn:partner.soap.sforce.com\">"
            + "<soapenv:Header><urn:SessionHeader><urn:sessionId>"
            + session
            + "</urn:sessionId></urn:SessionHeader></soapenv:Header>"
            + "<soapenv:Body><urn:logout/></soapenv:Body></soapenv:Envelope>";
    given()
        .baseUri(base)
        .contentType("text/xml")
        .body(logout)
        .post("/services/Soap/u/46.0/" + org15)
        .then()
        .statusCode(200)
        .body("Envelope.Body.logoutResponse", equalTo(""));
    given()
        .baseUri(base)
        .header("Authorization", "Bearer " + session)
        .get("/services/data/v46.0")
        .then()
        .statusCode(401);
    given()
        .baseUri(base)
        .contentType("text/xml")
        .body(logout)
        .post("/services/Soap/u/46.0")
        .then()
        .statusCode(500)
        .body("Envelope.Body.Fault.faultcode", equalTo("sf:INVALID_SESSION_ID"));
  }

  @Test
  void wrongPasswordIsTheInvalidLoginFault() {
    String xml =
        given()
            .baseUri(base)
            .contentType("text/xml")
            .body(login("p&lt;w&amp;"))
            .post("/services/Soap/u/33.0")
            .then()
            .statusCode(500)
            .contentType(startsWith("text/xml"))
            .extract()
            .asString();
    assertThat(xml)
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:sf=\"urn:fault.partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring><detail><sf:LoginFault xsi:type=\"sf:LoginFault\"><sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode><sf:exceptionMessage>Invalid username, password, security token; or user locked out.</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>");
  }

  @Test
  void malformedXmlEntitiesAndOtherOperations() {
    given()
        .baseUri(base)
        .contentType("text/xml")
        .body("<nope")
        .post("/services/Soap/u/60.0")
        .then()
        .statusCode(500)
        .body("Envelope.Body.Fault.faultcode", equalTo("soapenv:Client"));
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + login("&e;");
    given()
        .baseUri(base)
        .contentType("text/xml")
        .body(xxe)
        .post("/services/Soap/u/60.0")
        .then()
        .statusCode(500)
        .body("Envelope.Body.Fault.faultcode", equalTo("soapenv:Client"));
    String query =
        "<se:Envelope xmlns:se=\"http://schemas.xmlsoap.org/soap/envelope/\"><se:Body><query xmlns=\"urn:partner.soap.sforce.com\"><queryString>SELECT Id FROM User</queryString></query></se:Body></se:Envelope>";
    given()
        .baseUri(base)
        .contentType("text/xml")
        .body(query)
        .post("/services/Soap/u/60.0")
        .then()
        .statusCode(501)
        .body("Envelope.Body.Fault.faultcode", equalTo("sf:NOT_SUPPORTED_BY_SIMULATOR"));
  }
}
