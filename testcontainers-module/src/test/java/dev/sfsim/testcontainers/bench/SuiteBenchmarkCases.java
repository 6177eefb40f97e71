package dev.sfsim.testcontainers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.testcontainers.LatencyProfile;
import dev.sfsim.testcontainers.junit.SalesforceSimulator;
import dev.sfsim.testcontainers.junit.SalesforceSimulatorTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The test class {@link SuiteBenchmark} runs: 200 tests against one in-process simulator with 200
 * startup fixture records, each reset before it by the extension, each sending one message,
 * awaiting its request's {@code Completed} and running one query, as a user's suite would. Not a
 * test of the build (its name ends in neither Test nor IT).
 */
@SalesforceSimulatorTest(
    mode = SalesforceSimulatorTest.Mode.IN_PROCESS,
    fixtures = "bench/fixtures-200.json",
    latencyProfile = LatencyProfile.INSTANT)
class SuiteBenchmarkCases {
  static final int TESTS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @RepeatedTest(TESTS)
  void sendAwaitQuery(SalesforceSimulator sfsim) throws Exception {
    String token = sfsim.getAccessToken();
    String data = sfsim.getInstanceUrl() + "/services/data/v60.0";
    String user =
        query(
                data,
                token,
                "SELECT Id FROM MessagingEndUser WHERE MessagingPlatformKey = 'whatsapp:+15550000001'")
            .get(0)
            .get("Id")
            .asText();
    String body =
        """
        {"inputs": [{"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages",
          "messagingEndUserIds": "%s", "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}]}]}"""
            .formatted(user);
    String requestId =
        JSON.readTree(
                send(
                    HttpRequest.newBuilder(
                            URI.create(data + "/actions/standard/sendConversationMessages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                    token))
            .get(0)
            .get("outputValues")
            .get("requestId")
            .asText();
    // Polled as awaitRequestCompleted polls, a quarter of the time waited so far apart (1 to 64
    // ms): a fixed 100 ms would measure the poll, not the simulator.
    String status =
        "SELECT RequestStatus FROM ConvMessageSendRequest WHERE Id = '" + requestId + "'";
    long sent = System.nanoTime();
    while (!query(data, token, status).get(0).get("RequestStatus").asText().equals("Completed")) {
      Thread.sleep(Math.max(1, Math.min(64, (System.nanoTime() - sent) / 4_000_000)));
    }
    assertThat(query(data, token, "SELECT Id, Name FROM Account WHERE Name = 'Account 7'"))
        .hasSize(1);
  }

  private static JsonNode query(String data, String token, String soql) throws Exception {
    return JSON.readTree(
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            data + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)))
                    .GET(),
                token))
        .get("records");
  }

  private static String send(HttpRequest.Builder request, String token) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            request.header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError(r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
