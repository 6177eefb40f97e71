package dev.sfsim.simulator.messaging;

import static dev.sfsim.simulator.messaging.ConsoleRoutesTest.sendToAlice;
import static dev.sfsim.simulator.messaging.MessagingWire.adminJson;
import static dev.sfsim.simulator.messaging.MessagingWire.advance;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.TestSimulator;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /__admin/events}: one SSE event per thing that happened, with its documented JSON
 * shape.
 */
class EventStreamTest {
  /** A reset, frozen org for each test (JUnit makes a new instance per test). */
  private final MessagingWire w = new MessagingWire();

  @Test
  void aSendStreamsMessageSentRequestProgressAndStatusChanges() throws Exception {
    try (SseReader events = new SseReader(TestSimulator.baseUrl() + "/__admin/events")) {
      String req = sendToAlice(w);
      advance("PT1S");
      JsonNode sent =
          events.await(MessagingEvent.MESSAGE_SENT, e -> e.path("requestId").asText().equals(req));
      assertThat(sent.path("messagingEndUserId").asText()).isEqualTo(w.id("alice"));
      assertThat(sent.path("text").asText()).isEqualTo("Hi Alice, your order 1234 has shipped.");
      assertThat(sent.path("status").asText()).isEqualTo("Sent");
      assertThat(sent.path("orgId").asText()).startsWith("00D");
      assertThat(sent.path("messagingSessionId").asText()).startsWith("0Mw");
      JsonNode done =
          events.await(
              MessagingEvent.REQUEST_PROGRESSED,
              e -> e.path("requestStatus").asText().equals("Completed"));
      assertThat(done.path("requestId").asText()).isEqualTo(req);
      assertThat(done.path("successMessageCount").asInt()).isEqualTo(1);
      assertThat(done.path("totalMessageCount").asInt()).isEqualTo(1);

      advance("PT2S");
      JsonNode delivered = events.await(MessagingEvent.MESSAGE_STATUS, e -> true);
      assertThat(delivered.path("messageIdentifier").asText())
          .isEqualTo(sent.path("messageIdentifier").asText());
      assertThat(delivered.path("status").asText()).isEqualTo("Delivered");
      given()
          .baseUri(TestSimulator.baseUrl())
          .post("/__admin/messaging/" + sent.path("messageIdentifier").asText() + "/read")
          .then()
          .statusCode(204);
      assertThat(events.await(MessagingEvent.MESSAGE_STATUS, e -> true).path("status").asText())
          .isEqualTo("Read");
    }
  }

  @Test
  void anInboundMessageAndTheFortyEightHourExpiryAreStreamed() throws Exception {
    try (SseReader events = new SseReader(TestSimulator.baseUrl() + "/__admin/events")) {
      String session =
          adminJson(
                  "{\"messagingEndUserId\": \""
                      + w.id("alice")
                      + "\", \"text\": \"Where is my order?\"}")
              .post("/__admin/messaging/inbound")
              .then()
              .statusCode(201)
              .extract()
              .path("messagingSessionId");
      JsonNode in = events.await(MessagingEvent.INBOUND_RECEIVED, e -> true);
      assertThat(in.path("messagingSessionId").asText()).isEqualTo(session);
      assertThat(in.path("text").asText()).isEqualTo("Where is my order?");
      assertThat(events.await(MessagingEvent.SESSION_CHANGED, e -> true).path("status").asText())
          .isEqualTo("Active");
      advance("PT48H");
      JsonNode ended =
          events.await(
              MessagingEvent.SESSION_CHANGED, e -> e.path("status").asText().equals("Ended"));
      assertThat(ended.path("messagingSessionId").asText()).isEqualTo(session);
      assertThat(ended.path("messagingEndUserId").asText()).isEqualTo(w.id("alice"));
    }
  }

  @Test
  void eachOrgHasItsOwnStream() throws Exception {
    String orgId =
        given()
            .baseUri(TestSimulator.baseUrl())
            .post("/__admin/orgs")
            .then()
            .statusCode(201)
            .extract()
            .path("orgId");
    try (SseReader other =
            new SseReader(TestSimulator.baseUrl() + "/__admin/orgs/" + orgId + "/events");
        SseReader main = new SseReader(TestSimulator.baseUrl() + "/__admin/events")) {
      String otherUser =
          given()
              .baseUri(TestSimulator.baseUrl())
              .contentType("application/json")
              .body(dev.sfsim.simulator.Fixtures.MESSAGING)
              .post("/__admin/orgs/" + orgId + "/fixtures")
              .then()
              .statusCode(201)
              .extract()
              .path("results.find { it.referenceId == 'alice' }.id");
      adminJson("{\"messagingEndUserId\": \"" + otherUser + "\", \"text\": \"hi\"}")
          .post("/__admin/orgs/" + orgId + "/messaging/inbound")
          .then()
          .statusCode(201);
      adminJson("{\"messagingEndUserId\": \"" + w.id("alice") + "\", \"text\": \"main org\"}")
          .post("/__admin/messaging/inbound")
          .then()
          .statusCode(201);
      JsonNode first = main.await(MessagingEvent.INBOUND_RECEIVED, e -> true);
      assertThat(first.path("text").asText())
          .as("the default org's stream skips the other org's event")
          .isEqualTo("main org");
      JsonNode theirs = other.await(MessagingEvent.INBOUND_RECEIVED, e -> true);
      assertThat(theirs.path("text").asText()).isEqualTo("hi");
      assertThat(theirs.path("orgId").asText()).isEqualTo(orgId);
    } finally {
      given()
          .baseUri(TestSimulator.baseUrl())
          .delete("/__admin/orgs/" + orgId)
          .then()
          .statusCode(204);
    }
  }

  @Test
  void theStreamNeedsAnEventStreamAccept() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .accept("application/json")
        .get("/__admin/events")
        .then()
        .statusCode(406)
        .body("[0].errorCode", equalTo("NOT_ACCEPTABLE"));
  }
}
