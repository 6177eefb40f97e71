package dev.sfsim.samples.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The example application's Salesforce access, as an application would write it: OAuth 2.0
 * username-password flow against the token URL, then REST calls to the {@code instance_url} the
 * token response names. Nothing in it knows about the simulator: point it at {@code
 * https://login.salesforce.com/services/oauth2/token} and it talks to a real org.
 */
public final class SalesforceConnection {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/services/data/v60.0";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String instanceUrl;
  private final String accessToken;

  private SalesforceConnection(String instanceUrl, String accessToken) {
    this.instanceUrl = instanceUrl;
    this.accessToken = accessToken;
  }

  /** Logs in with the username-password flow. */
  public static SalesforceConnection login(
      String tokenUrl, String clientId, String clientSecret, String username, String password)
      throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id="
            + enc(clientId)
            + "&client_secret="
            + enc(clientSecret)
            + "&username="
            + enc(username)
            + "&password="
            + enc(password);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode token = check(r);
    return new SalesforceConnection(
        token.path("instance_url").asText(), token.path("access_token").asText());
  }

  /** {@code POST /services/data/v60.0/actions/standard/<action>}; returns the first result. */
  public JsonNode invokeAction(String action, JsonNode inputs)
      throws IOException, InterruptedException {
    String body = JSON.createObjectNode().set("inputs", inputs).toString();
    return check(
            http.send(
                request(API + "/actions/standard/" + action)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString()))
        .path(0);
  }

  /** {@code GET /services/data/v60.0/query?q=}; returns the records of the first page. */
  public JsonNode query(String soql) throws IOException, InterruptedException {
    return check(
            http.send(
                request(API + "/query?q=" + enc(soql)).GET().build(),
                HttpResponse.BodyHandlers.ofString()))
        .path("records");
  }

  static ObjectMapper json() {
    return JSON;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(instanceUrl + path))
        .header("Authorization", "Bearer " + accessToken);
  }

  private static JsonNode check(HttpResponse<String> r) throws IOException {
    if (r.statusCode() / 100 != 2) {
      throw new IOException("Salesforce answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
