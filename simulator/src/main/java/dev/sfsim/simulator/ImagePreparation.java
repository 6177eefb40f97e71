package dev.sfsim.simulator;

import dev.sfsim.simulator.admin.AdminPaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * {@code java -jar sfsim-simulator.jar prepare}, run when the image is built: starts the simulator
 * once with {@code SFSIM_EMBEDDED_DIR} set, so the PostgreSQL binaries are unpacked, the data
 * directory created and migrated; makes the calls a test makes (token, query, action, reset, a new
 * org) so that a class-data-sharing archive written at exit ({@code -XX:ArchiveClassesAtExit})
 * holds the classes a real start loads; then stops cleanly. A container started from the image
 * skips all of that work.
 */
final class ImagePreparation {
  private ImagePreparation() {}

  static void run(SimulatorConfig env) {
    if (env.embeddedDirectory() == null) {
      throw new IllegalStateException("prepare needs SFSIM_EMBEDDED_DIR");
    }
    String fingerprint;
    try (Simulator sim = Simulator.start(env.withPort(0).withFixtureDirs(java.util.List.of()))) {
      fingerprint = sim.pristineFingerprint();
      HttpClient http = HttpClient.newHttpClient();
      String base = sim.baseUrl();
      call(http, HttpRequest.newBuilder(URI.create(base + AdminPaths.HEALTH)).GET());
      String tokenResponse =
          call(
              http,
              HttpRequest.newBuilder(URI.create(base + "/services/oauth2/token"))
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
                              + env.password())));
      String token =
          dev.sfsim.simulator.http.Json.parse(tokenResponse).path("access_token").asText();
      call(
          http,
          HttpRequest.newBuilder(
                  URI.create(
                      base
                          + "/services/data/v60.0/query?q=SELECT+Id,Status+FROM+ConvMessageSendRequest+LIMIT+1"))
              .header("Authorization", "Bearer " + token)
              .GET());
      call(
          http,
          HttpRequest.newBuilder(
                  URI.create(
                      base + "/services/data/v60.0/actions/standard/sendConversationMessages"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[{}]}")));
      call(http, HttpRequest.newBuilder(URI.create(base + AdminPaths.REQUESTS)).GET());
      call(
          http,
          HttpRequest.newBuilder(URI.create(base + AdminPaths.ORGS))
              .POST(HttpRequest.BodyPublishers.noBody()));
      call(
          http,
          HttpRequest.newBuilder(URI.create(base + AdminPaths.RESET))
              .POST(HttpRequest.BodyPublishers.noBody()));
    }
    // The last call was a reset, and the server has stopped: the data is what the next start's
    // reset would make.
    dev.sfsim.simulator.persistence.Database.markPristine(env.embeddedDirectory(), fingerprint);
    System.out.println("sfsim prepared " + env.embeddedDirectory());
  }

  private static String call(HttpClient http, HttpRequest.Builder request) {
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
