package dev.sfsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code withCustomFields}: the image's prepared data directory skips Flyway at start, and the
 * custom field's column is there all the same (describe, create, SOQL INCLUDES).
 */
@EnabledIfDockerAvailable
@Testcontainers
class CustomFieldsIT {

  private static final String IMAGE = System.getProperty("sfsim.image", "sfsim/simulator:latest");

  @Container
  static final SalesforceSimulatorContainer sfsim =
      new SalesforceSimulatorContainer(IMAGE)
          .withCustomFields("custom-fields.json")
          .withLatencyProfile(LatencyProfile.INSTANT);

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  @Test
  void aCustomMultiSelectPicklistIsDescribedStoredAndQueried() throws Exception {
    String token = sfsim.getAccessToken();
    JsonNode describe =
        json.readTree(
            send(
                HttpRequest.newBuilder(
                    URI.create(sfsim.getDataUrl() + "/sobjects/Contact/describe")),
                token,
                200));
    JsonNode field = null;
    for (JsonNode f : describe.path("fields")) {
      if (f.path("name").asText().equals("Preferred_Channels__c")) {
        field = f;
      }
    }
    assertThat(field).isNotNull();
    assertThat(field.path("type").asText()).isEqualTo("multipicklist");
    assertThat(field.path("custom").asBoolean()).isTrue();

    send(
        HttpRequest.newBuilder(URI.create(sfsim.getDataUrl() + "/sobjects/Contact"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"LastName\": \"Ada\", \"Preferred_Channels__c\": \"Email;WhatsApp\"}")),
        token,
        201);
    String soql =
        "SELECT Preferred_Channels__c FROM Contact WHERE Preferred_Channels__c INCLUDES ('whatsapp')";
    JsonNode result =
        json.readTree(
            send(
                HttpRequest.newBuilder(
                    URI.create(
                        sfsim.getDataUrl()
                            + "/query?q="
                            + URLEncoder.encode(soql, StandardCharsets.UTF_8))),
                token,
                200));
    assertThat(result.path("totalSize").asInt()).isEqualTo(1);
    assertThat(result.path("records").get(0).path("Preferred_Channels__c").asText())
        .isEqualTo("WhatsApp;Email");
  }

  private static String send(HttpRequest.Builder request, String token, int expectedStatus)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            request.header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
    return r.body();
  }
}
