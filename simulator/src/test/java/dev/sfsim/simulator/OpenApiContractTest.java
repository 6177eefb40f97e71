package dev.sfsim.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The published admin API contract ({@code GET /__admin/openapi.json}, from {@code
 * admin/openapi.json}) against the routes the server registered, both ways: every admin route is
 * documented, and every documented operation is routed (answers neither 405 nor an unrouted 404).
 * Failures name exactly the operations to add to the document or to the server.
 */
class OpenApiContractTest {
  private static final String PER_ORG = "/__admin/orgs/{}/";

  /**
   * Documented once for the server; every other admin endpoint also exists under
   * /__admin/orgs/{orgId}/. The web console's files are one page for all orgs (its org switch
   * addresses the per-org API).
   */
  private static final Set<String> SERVER_WIDE =
      Set.of(
          "/__admin/health",
          "/__admin/openapi.json",
          "/__admin/orgs",
          "/__admin/orgs/{}",
          "/__admin/ui",
          "/__admin/ui/{}");

  private static final String PROBE = "sfsimContractProbe";

  @AfterAll
  static void resetTheOrg() {
    TestSimulator.reset(); // the probes below emptied the journal and the fault rules
  }

  @Test
  void servesAnOpenApiDocumentWithTheRunningVersion() {
    given()
        .baseUri(TestSimulator.baseUrl())
        .get("/__admin/openapi.json")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("openapi", equalTo("3.1.0"))
        .body("info.version", equalTo(Simulator.version()));
  }

  @Test
  void everyRegisteredAdminRouteIsDocumented() throws Exception {
    Set<String> documented = documentedOperations();
    List<String> missing = new ArrayList<>();
    for (String route : TestSimulator.get().routes()) {
      String op = normalized(route);
      if (!path(op).startsWith("/__admin")) {
        continue;
      }
      String asDocumented =
          path(op).startsWith(PER_ORG)
              ? method(op) + " /__admin/" + path(op).substring(PER_ORG.length())
              : op;
      if (!documented.contains(asDocumented)) {
        missing.add(route);
      }
    }
    assertThat(missing)
        .as(
            "admin routes the server registers but openapi.json (simulator/src/main/resources/"
                + "dev/sfsim/simulator/admin/openapi.json) does not document under \"paths\"")
        .isEmpty();
  }

  @Test
  void everyDocumentedOperationIsRoutedAlsoPerOrg() throws Exception {
    Set<String> registered = new TreeSet<>();
    for (String route : TestSimulator.get().routes()) {
      registered.add(normalized(route));
    }
    List<String> missing = new ArrayList<>();
    for (String op : documentedOperations()) {
      if (!registered.contains(op)) {
        missing.add(op);
      }
      if (!SERVER_WIDE.contains(path(op))) {
        String perOrg = method(op) + " " + PER_ORG + path(op).substring("/__admin/".length());
        if (!registered.contains(perOrg)) {
          missing.add(perOrg + " (documented as existing for every org)");
        }
      }
    }
    assertThat(missing)
        .as("operations openapi.json documents but the server does not register")
        .isEmpty();
  }

  @Test
  void everyDocumentedOperationAnswersOverTheWire() throws Exception {
    JsonNode paths = document().get("paths");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<String> unanswered = new ArrayList<>();
    for (var path = paths.fields(); path.hasNext(); ) {
      var entry = path.next();
      String concrete = entry.getKey().replaceAll("\\{[^}]+}", PROBE);
      for (var operation = entry.getValue().fields(); operation.hasNext(); ) {
        var op = operation.next();
        String method = op.getKey().toUpperCase(Locale.ROOT);
        int status = call(http, method, concrete);
        boolean documented404 =
            op.getValue().path("responses").has("404") && concrete.contains(PROBE);
        if (status == 405 || (status == 404 && !documented404)) {
          unanswered.add(method + " " + entry.getKey() + " answered " + status);
        }
      }
    }
    assertThat(unanswered).as("documented operations the server does not answer").isEmpty();
  }

  /**
   * A probe: write methods send a JSON body no endpoint accepts, so nothing is created; the
   * response body is not read (an event stream would never end).
   */
  private static int call(HttpClient http, String method, String path) throws Exception {
    boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(TestSimulator.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .method(
                method,
                write
                    ? HttpRequest.BodyPublishers.ofString("{\"" + PROBE + "\": true}")
                    : HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response.statusCode();
  }

  private static Set<String> documentedOperations() throws Exception {
    Set<String> ops = new TreeSet<>();
    for (var path = document().get("paths").fields(); path.hasNext(); ) {
      var entry = path.next();
      for (var methods = entry.getValue().fieldNames(); methods.hasNext(); ) {
        ops.add(normalized(methods.next().toUpperCase(Locale.ROOT) + " " + entry.getKey()));
      }
    }
    return ops;
  }

  private static JsonNode document() throws Exception {
    String body =
        given()
            .baseUri(TestSimulator.baseUrl())
            .get("/__admin/openapi.json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return new ObjectMapper().readTree(body);
  }

  /**
   * {@code "GET /__admin/faults/{id}"} → {@code "GET /__admin/faults/{}"}: parameter names may
   * differ.
   */
  private static String normalized(String operation) {
    return operation.replaceAll("\\{[^}]+}", "{}");
  }

  private static String method(String operation) {
    return operation.substring(0, operation.indexOf(' '));
  }

  private static String path(String operation) {
    return operation.substring(operation.indexOf(' ') + 1);
  }
}
