package dev.sfsim.simulator.messaging;

import static dev.sfsim.simulator.messaging.MessagingWire.adminJson;
import static dev.sfsim.simulator.messaging.MessagingWire.advance;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.TestSimulator;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web console's read endpoints and static files, through the wire. */
class ConsoleRoutesTest {
  /** A reset, frozen org for each test (JUnit makes a new instance per test). */
  private final MessagingWire w = new MessagingWire();

  /** Sends Order_Shipped with both parameters to Alice; returns the request id. */
  static String sendToAlice(MessagingWire w) {
    return w.invoke(
            MessagingWire.input(List.of(w.id("alice")), "")
                .replace(
                    "[{\"name\": \"orderNumber\"",
                    "[{\"name\": \"customerName\", \"textValue\": \"Alice\"}, {\"name\": \"orderNumber\""))
        .then()
        .statusCode(200)
        .extract()
        .path("[0].outputValues.requestId");
  }

  private static JsonPath get(String path) {
    return given()
        .baseUri(TestSimulator.baseUrl())
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void conversationsShowChannelsEndUsersAndSessionsAndASessionIsAThread() {
    sendToAlice(w);
    advance("PT3S");
    adminJson("{\"messagingEndUserId\": \"" + w.id("alice") + "\", \"text\": \"Thanks!\"}")
        .post("/__admin/messaging/inbound")
        .then()
        .statusCode(201);
    JsonPath c = get("/__admin/messaging/conversations");
    Map<String, Object> alice = c.getMap("channels.endUsers.flatten().find { it.name == 'Alice' }");
    assertThat(alice)
        .containsEntry("id", w.id("alice"))
        .containsEntry("messagingPlatformKey", "whatsapp:+15550101")
        .containsEntry("messagingConsentStatus", "ImplicitlyOptedIn");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sessions = (List<Map<String, Object>>) alice.get("sessions");
    assertThat(sessions).hasSize(1);
    assertThat(sessions.get(0))
        .containsEntry("status", "Active")
        .containsEntry("origin", "TriggeredOutbound");

    JsonPath s = get("/__admin/messaging/sessions/" + sessions.get(0).get("id"));
    assertThat(s.getString("messagingEndUserName")).isEqualTo("Alice");
    assertThat(s.getList("messages.direction")).containsExactly("Outbound", "Inbound");
    assertThat(s.getList("messages.text"))
        .containsExactly("Hi Alice, your order 1234 has shipped.", "Thanks!");
    assertThat(s.getString("messages[0].status")).isEqualTo("Delivered");
    assertThat(s.getString("messages[0].messageDefinitionName")).isEqualTo("Order_Shipped");
    assertThat(s.getString("messages[1].actorType")).isEqualTo("EndUser");
    assertThat(s.getString("messages[1].actorName")).isEqualTo("Alice");
  }

  @Test
  void requestsShowCountsRecipientsAndDurationAndFilterByStatus() {
    adminJson(
            "{\"match\": {\"messagingEndUserId\": \""
                + w.id("carol")
                + "\"}, \"effect\": \"fail\", \"reason\": \"No WhatsApp account\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    String done = w.send("", "alice", "carol");
    advance("PT5S");
    String pending = w.send("", "alice");
    JsonPath all = get("/__admin/messaging/requests");
    assertThat(all.getList("requests.id")).containsExactly(pending, done);
    JsonPath r = all.setRootPath("requests[1]");
    assertThat(r.getString("requestStatus")).isEqualTo("Completed");
    assertThat(r.getInt("successMessageCount")).isEqualTo(1);
    assertThat(r.getInt("failedMessageCount")).isEqualTo(1);
    assertThat(r.getLong("durationMs")).isPositive();
    assertThat(r.getList("recipients.messagingEndUserName")).containsExactly("Alice", "Carol");
    assertThat(r.getList("recipients.status")).containsExactly("Sent", "Failed");
    assertThat(r.getString("recipients[1].failureReason")).contains("No WhatsApp account");
    assertThat(get("/__admin/messaging/requests?status=Pending").getList("requests.id"))
        .containsExactly(pending);
    assertThat(get("/__admin/messaging/requests?status=Completed").getList("requests.id"))
        .containsExactly(done);
  }

  @Test
  void badConsoleQueriesAreRefusedWithTheirName() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/messaging/requests?status=Done")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"))
        .body("[0].fields[0]", equalTo("status"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/messaging/requests?state=Pending")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD"))
        .body("[0].message", containsString("state"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/messaging/sessions/nope")
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("MALFORMED_ID"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/messaging/sessions/" + w.id("alice"))
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("MALFORMED_ID"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/messaging/sessions/0Mw000000000001")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
  }

  @Test
  void theRootRedirectsToTheConsoleWhichIsServedFromTheJar() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .redirects()
        .follow(false)
        .get("/")
        .then()
        .statusCode(302)
        .header("Location", "/__admin/ui/");
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/ui/")
        .then()
        .statusCode(200)
        .body(containsString("<script type=\"module\" src=\"/__admin/ui/app.js\">"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/ui/style.css")
        .then()
        .statusCode(200)
        .contentType(containsString("text/css"));
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/ui/secret.txt")
        .then()
        .statusCode(404)
        .body("[0].errorCode", equalTo("NOT_FOUND"));
  }
}
