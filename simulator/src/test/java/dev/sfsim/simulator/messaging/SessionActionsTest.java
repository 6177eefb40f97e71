package dev.sfsim.simulator.messaging;

import static dev.sfsim.simulator.messaging.MessagingWire.adminJson;
import static dev.sfsim.simulator.messaging.MessagingWire.advance;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /__admin/messaging/sessions/{id}/accept|transfer|end|error}: the only way a session's
 * Status moves besides end-user messages and expiry, since a real org refuses {@code Status} in a
 * REST update; held messages react, and the event stream ({@code GET /__admin/events}) publishes
 * {@code session.changed}.
 */
class SessionActionsTest {
  /** A reset, frozen org for each test (JUnit makes a new instance per test). */
  private final MessagingWire w = new MessagingWire();

  private static io.restassured.response.ValidatableResponse act(String sessionId, String action) {
    return given()
        .baseUri(TestSimulator.baseUrl())
        .post("/__admin/messaging/sessions/" + sessionId + "/" + action)
        .then();
  }

  private String sessionOf(String requestId) {
    advance("PT5S");
    return TestSimulator.api()
        .queryParam("requestId", requestId)
        .get("/__admin/outbox")
        .then()
        .extract()
        .path("messages[0].messagingSessionId");
  }

  private JsonPath session(String id) {
    return w.query(
            "SELECT Status, AcceptTime, EndTime, EndedByType, AgentType FROM MessagingSession WHERE Id = '"
                + id
                + "'")
        .setRootPath("records[0]");
  }

  /**
   * The next {@code session.changed} of this session on the stream: the console follows agents'
   * actions live.
   */
  private void awaitSessionChanged(SseReader events, String id, String status)
      throws InterruptedException {
    JsonNode changed =
        events.await(
            MessagingEvent.SESSION_CHANGED, e -> e.path("messagingSessionId").asText().equals(id));
    assertThat(changed.path("status").asText()).isEqualTo(status);
    assertThat(changed.path("messagingEndUserId").asText()).isEqualTo(w.id("alice"));
    assertThat(changed.path("orgId").asText()).startsWith("00D");
    assertThat(changed.path("at").asText()).isNotEmpty();
  }

  @Test
  void anAgentAcceptsTransfersAndEndsASession() throws Exception {
    String id = sessionOf(w.send("", "alice"));
    try (SseReader events = new SseReader(TestSimulator.baseUrl() + "/__admin/events")) {
      act(id, "accept")
          .statusCode(200)
          .body("messagingSessionId", equalTo(id))
          .body("status", equalTo("Active"))
          .body("previousStatus", equalTo("New"));
      awaitSessionChanged(events, id, "Active");
      assertThat(session(id).getString("AcceptTime")).isNotNull();
      act(id, "transfer").statusCode(200).body("status", equalTo("Waiting"));
      awaitSessionChanged(events, id, "Waiting");
      act(id, "accept")
          .statusCode(200)
          .body("status", equalTo("Active"))
          .body("previousStatus", equalTo("Waiting"));
      awaitSessionChanged(events, id, "Active");
      act(id, "end").statusCode(200).body("status", equalTo("Ended"));
      awaitSessionChanged(events, id, "Ended");
    }
    JsonPath s = session(id);
    assertThat(s.getString("Status")).isEqualTo("Ended");
    assertThat(s.getString("EndedByType")).isEqualTo("Agent");
    assertThat(s.getString("EndTime")).isNotNull();
  }

  @Test
  void impossibleMovesAreRefusedAndChangeNothing() throws Exception {
    String id = sessionOf(w.send("", "alice"));
    act(id, "transfer")
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_STATUS"))
        .body(
            "[0].message",
            startsWith("Cannot transfer MessagingSession " + id + ": its Status is New"));
    try (SseReader events = new SseReader(TestSimulator.baseUrl() + "/__admin/events")) {
      act(id, "error").statusCode(200).body("status", equalTo("Error"));
      awaitSessionChanged(events, id, "Error");
    }
    for (String action : new String[] {"accept", "end", "error", "transfer"}) {
      act(id, action).statusCode(400).body("[0].errorCode", equalTo("INVALID_STATUS"));
    }
    assertThat(session(id).getString("Status")).isEqualTo("Error");
    act("0MwB00000000001AAA", "end").statusCode(404).body("[0].errorCode", equalTo("NOT_FOUND"));
    act("not-an-id", "end").statusCode(404).body("[0].errorCode", equalTo("NOT_FOUND"));
  }

  @Test
  void theRestApiRefusesStatusAsARealOrgDoes() {
    String id = sessionOf(w.send("", "alice"));
    TestSimulator.api()
        .contentType(ContentType.JSON)
        .body("{\"Status\": \"Ended\"}")
        .patch("/services/data/v60.0/sobjects/MessagingSession/" + id)
        .then()
        .statusCode(400)
        .body("[0].errorCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"))
        .body(
            "[0].message",
            equalTo(
                "Unable to create/update fields: Status. Please check the security settings of this field and"
                    + " verify that it is read/write for your profile or permission set."))
        .body("[0].fields[0]", equalTo("Status"));
    assertThat(session(id).getString("Status")).isEqualTo("New");
  }

  @Test
  void endingTheActiveSessionReleasesNonActiveMessages() {
    String sessionId =
        adminJson("{\"messagingEndUserId\": \"" + w.id("alice") + "\", \"text\": \"Hello?\"}")
            .post("/__admin/messaging/inbound")
            .then()
            .statusCode(201)
            .extract()
            .path("messagingSessionId");
    String req = w.send("\"allowedSessionStatus\": \"NonActive\"", "alice");
    advance("PT5S");
    assertThat(w.request(req).getInt("PendingMessageCount")).isEqualTo(1);
    act(sessionId, "end").statusCode(200);
    advance("PT5S");
    assertThat(w.status(req)).isEqualTo("Completed");
    assertThat(w.request(req).getInt("SuccessMessageCount")).isEqualTo(1);
  }

  @Test
  void closedGatingWaitsForTheAgentToCloseAndWorksPerOrg() {
    String first = w.send("", "alice");
    String sessionId = sessionOf(first);
    String second = w.send("\"allowedSessionStatus\": \"Closed\"", "alice");
    advance("PT5S");
    assertThat(w.status(second)).isEqualTo("InProgress");
    act(sessionId, "accept").statusCode(200);
    advance("PT5S");
    assertThat(w.status(second)).isEqualTo("InProgress"); // Active is still open
    String orgId =
        given()
            .baseUri(TestSimulator.baseUrl())
            .get("/__admin/orgs")
            .then()
            .extract()
            .path("orgs[0].orgId");
    given()
        .baseUri(TestSimulator.baseUrl())
        .post("/__admin/orgs/" + orgId + "/messaging/sessions/" + sessionId + "/end")
        .then()
        .statusCode(200)
        .body("status", equalTo("Ended"));
    advance("PT5S");
    assertThat(w.status(second)).isEqualTo("Completed");
  }
}
