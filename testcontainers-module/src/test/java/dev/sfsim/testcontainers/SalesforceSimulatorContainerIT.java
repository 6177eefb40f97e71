package dev.sfsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The container against the image built by {@code mvn verify} (system property {@code
 * sfsim.image}).
 */
@EnabledIfDockerAvailable
@Testcontainers
class SalesforceSimulatorContainerIT {

  private static final String IMAGE = System.getProperty("sfsim.image", "sfsim/simulator:latest");

  @Container
  static final SalesforceSimulatorContainer sfsim =
      new SalesforceSimulatorContainer(IMAGE)
          .withFixtures("fixtures/channel.json")
          .withFixtures("fixtures/component.json")
          .withFixtures(
              """
                    {"messagingComponents": [{"developerName": "Inline_Notice", "masterLabel": "Inline Notice",
                      "componentType": "Notification", "isActive": true, "text": "Inline.", "parameters": []}]}""")
          .withLatencyProfile(LatencyProfile.INSTANT)
          .withCredentials("it-client", "it-secret", "it@sfsim.example", "it-password");

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  @Test
  void isHealthyOnceStarted() throws Exception {
    HttpResponse<String> health = get(sfsim.getAdminUrl() + "/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void tokenUrlAcceptsTheConfiguredCredentials() throws Exception {
    HttpResponse<String> token = passwordGrant(sfsim.getPassword());

    assertThat(token.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(token.body());
    assertThat(body.path("access_token").asText()).startsWith("00D").contains("!");
    assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(sfsim.getTokenUrl()).isEqualTo(sfsim.getInstanceUrl() + "/services/oauth2/token");
  }

  @Test
  void tokenUrlRefusesAWrongPassword() throws Exception {
    HttpResponse<String> token = passwordGrant("not-the-password");

    assertThat(token.statusCode()).isEqualTo(400);
    assertThat(json.readTree(token.body()).path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void loadsClasspathFixturesAtStartInCallOrder() throws Exception {
    ExecResult ls = sfsim.execInContainer("ls", SalesforceSimulatorContainer.FIXTURES_DIRECTORY);
    assertThat(ls.getStdout().lines())
        .containsExactly("001-channel.json", "002-component.json", "003-inline.json");

    String accessToken =
        json.readTree(passwordGrant(sfsim.getPassword()).body()).path("access_token").asText();
    String soql = "SELECT Id, DeveloperName FROM MessagingChannel";
    HttpResponse<String> query =
        get(
            sfsim.getInstanceUrl()
                + "/services/data/v60.0/query?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8),
            accessToken);

    assertThat(query.statusCode()).isEqualTo(200);
    JsonNode result = json.readTree(query.body());
    assertThat(result.path("totalSize").asInt()).isEqualTo(1);
    assertThat(result.path("records").path(0).path("DeveloperName").asText())
        .isEqualTo("WhatsApp_US");
  }

  @Test
  void givesATokenTheDataUrlAndAnAdminClient() {
    assertThat(sfsim.getDataUrl()).isEqualTo(sfsim.getInstanceUrl() + "/services/data/v60.0");
    assertThat(sfsim.getAccessToken()).startsWith("00D").contains("!");
    assertThat(sfsim.getAdminClient().session().query("SELECT Id FROM MessagingChannel"))
        .hasSize(1);
  }

  private static HttpResponse<String> passwordGrant(String password)
      throws IOException, InterruptedException {
    Map<String, String> form =
        Map.of(
            "grant_type", "password",
            "client_id", sfsim.getClientId(),
            "client_secret", sfsim.getClientSecret(),
            "username", sfsim.getUsername(),
            "password", password);
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sfsim.getTokenUrl()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url, String accessToken)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
