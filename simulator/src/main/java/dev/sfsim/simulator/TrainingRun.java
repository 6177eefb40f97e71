package dev.sfsim.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.admin.AdminPaths;
import dev.sfsim.simulator.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The calls a test makes, made by {@link ImagePreparation} against the simulator it started, so
 * that the class cache the JVM writes at exit (an AOT cache on Java 25+, a CDS archive before)
 * holds the request path: a token, fixtures seeded through the admin API, a SOQL query, a sent
 * message awaited until its request is {@code Completed}, the outbox, a new org and a reset (last:
 * it puts the default org back as a start finds it). Loopback only.
 */
final class TrainingRun {
  private static final String DATA = "/services/data/v60.0";

  /** One channel, one opted-in end user and the notification component the send names. */
  private static final String FIXTURES =
      """
      {"messagingComponents": [{"developerName": "Training_Notice", "masterLabel": "Training Notice",
        "componentType": "Notification", "isActive": true, "text": "Order {!orderNumber} has shipped.",
        "parameters": [{"name": "orderNumber", "dataType": "Text", "required": true}]}],
       "records": [
        {"attributes": {"type": "MessagingChannel", "referenceId": "ch"}, "MasterLabel": "Training",
         "DeveloperName": "Training", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550100",
         "IsActive": true, "PlatformType": "Enhanced", "ConsentType": "ImplicitOptIn"},
        {"attributes": {"type": "MessagingEndUser", "referenceId": "u"}, "Name": "Trainee",
         "MessagingChannelId": "@{ch.id}", "MessageType": "WhatsApp",
         "MessagingPlatformKey": "whatsapp:+15550101", "MessagingConsentStatus": "ImplicitlyOptedIn"}]}
      """;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  private TrainingRun(String base) {
    this.base = base;
  }

  /** Runs the calls against {@code base}; throws when one cannot be made at all. */
  static void run(String base, SimulatorConfig env) {
    new TrainingRun(base).calls(env);
  }

  /**
   * Runs the calls from a child JVM (this runtime's {@code java}, this jar, the same environment),
   * so that the HTTP client's classes stay out of the class cache the parent writes; throws when
   * the child fails. Its output goes to this process's.
   */
  static void inChildProcess(String base) {
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    String jar;
    try {
      jar =
          java.nio.file.Path.of(
                  TrainingRun.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("train: cannot locate the simulator jar", e);
    }
    try {
      Process child =
          new ProcessBuilder(javaCommand, "-cp", jar, TrainingRun.class.getName(), base)
              .inheritIO()
              .start();
      int exit = child.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("train: the calls' JVM exited with status " + exit);
      }
    } catch (IOException e) {
      throw new IllegalStateException("train: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("train interrupted", e);
    }
  }

  /** The child JVM of {@link #inChildProcess}: the calls against {@code args[0]}. */
  public static void main(String[] args) {
    run(args[0], SimulatorConfig.fromEnvironment(System.getenv()));
  }

  private void calls(SimulatorConfig env) {
    call(get(AdminPaths.HEALTH));
    String token =
        Json.parse(
                call(
                    request("/services/oauth2/token")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&client_id="
                                    + env.clientId()
                                    + "&client_secret="
                                    + env.clientSecret()
                                    + "&username="
                                    + env.username()
                                    + "&password="
                                    + env.password()))))
            .path("access_token")
            .asText();
    JsonNode seeded = Json.parse(call(post(AdminPaths.FIXTURES, FIXTURES)));
    String endUser = idOf(seeded, "u");
    query(token, "SELECT Id, Name FROM MessagingEndUser LIMIT 5");
    String sent =
        call(
            post(
                    DATA + "/actions/standard/sendConversationMessages",
                    "{\"inputs\":[{\"messageDefinitionName\":\"Training_Notice\","
                        + "\"requestType\":\"SendNotificationMessages\",\"messagingEndUserIds\":\""
                        + endUser
                        + "\",\"messagingDefinitionInputParameters\":"
                        + "[{\"name\":\"orderNumber\",\"textValue\":\"1\"}]}]}")
                .header("Authorization", "Bearer " + token));
    String requestId = Json.parse(sent).path(0).path("outputValues").path("requestId").asText("");
    awaitCompleted(token, requestId);
    call(get(AdminPaths.OUTBOX + "?requestId=" + requestId));
    call(get(AdminPaths.REQUESTS));
    call(post(AdminPaths.ORGS, ""));
    call(post(AdminPaths.RESET, ""));
  }

  /** Polls the request's status as a test's await does (every 10 ms, at most 10 s). */
  private void awaitCompleted(String token, String requestId) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!requestId.isEmpty() && System.nanoTime() < deadline) {
      String status =
          query(
              token,
              "SELECT RequestStatus FROM ConvMessageSendRequest WHERE Id = '" + requestId + "'");
      if (status.contains("\"Completed\"")) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String query(String token, String soql) {
    return call(
        get(DATA + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8))
            .header("Authorization", "Bearer " + token));
  }

  private static String idOf(JsonNode seeded, String referenceId) {
    for (JsonNode r : seeded.path("results")) {
      if (referenceId.equals(r.path("referenceId").asText())) {
        return r.path("id").asText("");
      }
    }
    return "";
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder post(String path, String json) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(
            json.isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
  }

  private String call(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new IllegalStateException("prepare: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("prepare interrupted", e);
    }
  }
}
