package dev.sfsim.simulator.soql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The wire half of the SOQL fuzz oracle: {@code GET /services/data/v60.0/query?q=…} (or {@code
 * /queryAll}) answers 200 with a query result, or a Salesforce error body {@code
 * [{"message","errorCode",…}]} with 400 or 501 whose message leaks no SQL or Java; a 500 {@code
 * UNKNOWN_EXCEPTION} (an internal crash) is a finding, as is silence past 20 s. Queries whose URL
 * would pass the server's request-line limit are not sent (they are still compiled in-process).
 */
final class SoqlEndpointCheck {
  private static final int MAX_URL = 6_000;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;
  private final String token;

  SoqlEndpointCheck(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * @return true for a 200, false for a Salesforce error; throws AssertionError naming the query
   *     otherwise
   */
  boolean check(String soql, boolean queryAll) {
    String url =
        baseUrl
            + "/services/data/v60.0/"
            + (queryAll ? "queryAll" : "query")
            + "?q="
            + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    if (url.length() > MAX_URL) {
      return false;
    }
    HttpResponse<String> r;
    try {
      r =
          client.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(FuzzCheck.HANG_SECONDS))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new AssertionError("no answer within " + FuzzCheck.HANG_SECONDS + " s: " + soql);
    } catch (Exception e) {
      throw new AssertionError("request failed for: " + soql, e);
    }
    String body = r.body();
    if (r.statusCode() == 200) {
      JsonNode json = Json.parse(body);
      if (!json.has("totalSize") || !json.has("records")) {
        throw new AssertionError("200 without a query result for: " + soql + " -> " + body);
      }
      return true;
    }
    if (r.statusCode() == 500) {
      throw new AssertionError(
          "internal crash (500 UNKNOWN_EXCEPTION) for: " + soql + " -> " + body);
    }
    if (r.statusCode() != 400 && r.statusCode() != 501) {
      throw new AssertionError("status " + r.statusCode() + " for: " + soql + " -> " + body);
    }
    JsonNode error = Json.parse(body).path(0);
    String message = error.path("message").asText("");
    if (error.path("errorCode").asText("").equals("UNKNOWN_EXCEPTION")) {
      throw new AssertionError("UNKNOWN_EXCEPTION for: " + soql + " -> " + body);
    }
    if (error.path("errorCode").asText("").isBlank()
        || message.isBlank()
        || FuzzCheck.leaks(message, soql)) {
      throw new AssertionError("not a clean Salesforce error for: " + soql + " -> " + body);
    }
    return false;
  }
}
