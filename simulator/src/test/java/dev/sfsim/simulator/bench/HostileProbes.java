package dev.sfsim.simulator.bench;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends hostile input (deep nesting, numbers past every range, NUL bytes, URIs and headers past the
 * limits, adversarial fault globs) to an in-process simulator and prints how many probes were sent,
 * the statuses they got and every 5xx (the goal is none). A figure printer, not a test: {@code
 * HostileInputTest} and the fuzz tests assert the answers.
 *
 * <pre>./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=HostileProbes</pre>
 */
public final class HostileProbes {
  private static final String B = "/services/data/v60.0";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private record Probe(
      String name,
      String method,
      String path,
      String contentType,
      String body,
      Map<String, String> headers) {}

  private HostileProbes() {}

  public static void main(String[] args) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withPort(0))) {
      String base = sim.baseUrl();
      String token = token(base);
      Map<Integer, Integer> statuses = new TreeMap<>();
      List<String> serverErrors = new ArrayList<>();
      List<Probe> probes = probes();
      for (Probe p : probes) {
        HttpRequest.Builder rb =
            HttpRequest.newBuilder(URI.create(base + p.path()))
                .header("Authorization", "Bearer " + token)
                .method(
                    p.method(),
                    p.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(p.body()));
        if (p.contentType() != null) {
          rb.header("Content-Type", p.contentType());
        }
        p.headers().forEach(rb::header);
        int status;
        try {
          status = HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
          status = -1; // connection refused or reset: counted apart
        }
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500 || status < 0) {
          serverErrors.add(p.name() + " -> " + status);
        }
      }
      System.out.printf(
          "HostileProbes: %d probes, statuses %s, 5xx or broken connections: %d %s%n",
          probes.size(), statuses, serverErrors.size(), serverErrors);
    }
  }

  private static List<Probe> probes() {
    List<Probe> l = new ArrayList<>();
    for (int depth : new int[] {101, 1_000, 5_000, 50_000}) {
      String xml = "<a>".repeat(depth) + "x" + "</a>".repeat(depth);
      l.add(
          new Probe(
              "xml record depth " + depth,
              "POST",
              B + "/sobjects/Account",
              "application/xml",
              "<Account>" + xml + "</Account>",
              Map.of()));
      l.add(
          new Probe(
              "xml action depth " + depth,
              "POST",
              B + "/actions/standard/sendConversationMessages",
              "application/xml",
              "<Inputs>" + xml + "</Inputs>",
              Map.of()));
      String json = "{\"Name\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      l.add(
          new Probe(
              "json record depth " + depth,
              "POST",
              B + "/sobjects/Account",
              "application/json",
              json,
              Map.of()));
      l.add(
          new Probe(
              "json action depth " + depth,
              "POST",
              B + "/actions/standard/sendConversationMessages",
              "application/json",
              "{\"inputs\":[" + json + "]}",
              Map.of()));
      l.add(
          new Probe(
              "json composite depth " + depth,
              "POST",
              B + "/composite",
              "application/json",
              "{\"compositeRequest\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
              Map.of()));
    }
    for (String n :
        List.of(
            "99999999999",
            "2147483648",
            "4294967297",
            "99999999999999999999999",
            "-1",
            "-99999999999999999999")) {
      l.add(
          new Probe(
              "composite ref index " + n,
              "POST",
              B + "/composite",
              "application/json",
              """
                    {"allOrNone":true,"compositeRequest":[{"method":"GET","url":"/services/data/v60.0/query?q=SELECT+Id+FROM+Account","referenceId":"q"},
                     {"method":"POST","url":"/services/data/v60.0/sobjects/Account","referenceId":"a","body":{"Name":"@{q.records[%s].Id}"}}]}"""
                  .formatted(n),
              Map.of()));
      l.add(
          new Probe(
              "recordLimit " + n,
              "GET",
              B + "/connect/conversation/0MwB00000000001AAA/entries?recordLimit=" + n,
              null,
              null,
              Map.of()));
      l.add(
          new Probe(
              "startTimestamp " + n,
              "GET",
              B
                  + "/connect/conversation/0MwB00000000001AAA/entries?startTimestamp="
                  + n
                  + "&endTimestamp="
                  + n,
              null,
              null,
              Map.of()));
      l.add(
          new Probe(
              "SOQL LIMIT " + n,
              "GET",
              B + "/query?q=" + enc("SELECT Id FROM Account LIMIT " + n),
              null,
              null,
              Map.of()));
      l.add(
          new Probe(
              "SOQL OFFSET " + n,
              "GET",
              B + "/query?q=" + enc("SELECT Id FROM Account OFFSET " + n),
              null,
              null,
              Map.of()));
      l.add(
          new Probe(
              "SOQL LAST_N_DAYS " + n,
              "GET",
              B + "/query?q=" + enc("SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:" + n),
              null,
              null,
              Map.of()));
      l.add(
          new Probe(
              "SOQL number " + n,
              "GET",
              B + "/query?q=" + enc("SELECT Id FROM Account WHERE NumberOfEmployees = " + n),
              null,
              null,
              Map.of()));
      l.add(
          new Probe(
              "batchSize " + n,
              "GET",
              B + "/query?q=" + enc("SELECT Id FROM Account"),
              null,
              null,
              Map.of("Sforce-Query-Options", "batchSize=" + n)));
      l.add(
          new Probe(
              "record number " + n,
              "POST",
              B + "/sobjects/Account",
              "application/json",
              "{\"Name\":\"n\",\"NumberOfEmployees\":" + n + "}",
              Map.of()));
      l.add(
          new Probe(
              "record revenue " + n,
              "POST",
              B + "/sobjects/Account",
              "application/json",
              "{\"Name\":\"n\",\"AnnualRevenue\":" + n + "e300}",
              Map.of()));
      l.add(
          new Probe(
              "updated window " + n,
              "GET",
              B
                  + "/sobjects/Account/updated?start="
                  + n
                  + "-01-01T00:00:00Z&end="
                  + n
                  + "-01-02T00:00:00Z",
              null,
              null,
              Map.of()));
    }
    for (String d :
        List.of("PT2000000000000000H", "P1000000D", "PT99999999999999999999H", "P2147483648D")) {
      l.add(
          new Probe(
              "clock advance " + d,
              "POST",
              "/__admin/clock",
              "application/json",
              "{\"advance\":\"" + d + "\"}",
              Map.of()));
      l.add(
          new Probe(
              "delay fault " + d,
              "POST",
              "/__admin/faults",
              "application/json",
              "{\"effect\":\"delay\",\"delay\":\"" + d + "\"}",
              Map.of()));
    }
    for (String t :
        List.of(
            "+1000000000-01-01T00:00:00Z", "4001-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z")) {
      l.add(
          new Probe(
              "clock set " + t,
              "POST",
              "/__admin/clock",
              "application/json",
              "{\"set\":\"" + t + "\"}",
              Map.of()));
    }
    l.add(
        new Probe(
            "fault times huge",
            "POST",
            "/__admin/faults",
            "application/json",
            "{\"effect\":\"fail\",\"times\":99999999999999999999}",
            Map.of()));
    l.add(
        new Probe(
            "record date far",
            "POST",
            B + "/sobjects/Account",
            "application/json",
            "{\"Name\":\"d\",\"LastActivityDate\":\"294277-01-01\"}",
            Map.of()));
    for (String nul : List.of("\\u0000", "a\\u0000b")) {
      l.add(
          new Probe(
              "NUL in record " + nul,
              "POST",
              B + "/sobjects/Account",
              "application/json",
              "{\"Name\":\"" + nul + "\"}",
              Map.of()));
      l.add(
          new Probe(
              "NUL in fixture " + nul,
              "POST",
              "/__admin/fixtures",
              "application/json",
              "{\"records\":[{\"attributes\":{\"type\":\"Account\",\"referenceId\":\"a\"},\"Name\":\""
                  + nul
                  + "\"}]}",
              Map.of()));
      l.add(
          new Probe(
              "NUL in fault glob " + nul,
              "POST",
              "/__admin/faults",
              "application/json",
              "{\"match\":{\"messagingPlatformKey\":\"" + nul + "*\"},\"effect\":\"fail\"}",
              Map.of()));
      l.add(
          new Probe(
              "NUL in inbound " + nul,
              "POST",
              "/__admin/messaging/inbound",
              "application/json",
              "{\"messagingEndUserId\":\"0PASM0000000001AAA\",\"text\":\"" + nul + "\"}",
              Map.of()));
    }
    l.add(
        new Probe(
            "NUL in SOQL",
            "GET",
            B + "/query?q=" + enc("SELECT Id FROM Account WHERE Name = 'a\u0000b'"),
            null,
            null,
            Map.of()));
    l.add(
        new Probe(
            "NUL in SOQL LIKE",
            "GET",
            B + "/query?q=" + enc("SELECT Id FROM Account WHERE Name LIKE '%\u0000%'"),
            null,
            null,
            Map.of()));
    l.add(
        new Probe(
            "NUL in id", "GET", B + "/sobjects/Account/" + enc("001\u0000"), null, null, Map.of()));
    l.add(
        new Probe(
            "NUL in XML entity",
            "POST",
            B + "/sobjects/Account",
            "application/xml",
            "<Account><Name>&#0;</Name></Account>",
            Map.of()));
    l.add(
        new Probe(
            "NUL in XML",
            "POST",
            B + "/sobjects/Account",
            "application/xml",
            "<Account><Name>a\u0000b</Name></Account>",
            Map.of()));
    l.add(
        new Probe(
            "adversarial glob",
            "POST",
            "/__admin/faults",
            "application/json",
            "{\"match\":{\"messagingPlatformKey\":\"*0*0*0*0*0*0*0*0*0*0*X\"},\"effect\":\"fail\"}",
            Map.of()));
    for (int n : new int[] {8_000, 16_000, 17_000, 70_000}) {
      l.add(
          new Probe(
              "URI " + n,
              "GET",
              B + "/query?q=" + enc("SELECT Id FROM Account WHERE Name != '" + "x".repeat(n) + "'"),
              null,
              null,
              Map.of()));
      l.add(
          new Probe(
              "header " + n, "GET", B + "/limits", null, null, Map.of("X-Padding", "p".repeat(n))));
    }
    return l;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String token(String base) throws Exception {
    String form =
        "grant_type=password&client_id="
            + SimulatorConfig.DEFAULT_CLIENT_ID
            + "&client_secret="
            + SimulatorConfig.DEFAULT_CLIENT_SECRET
            + "&username="
            + enc(SimulatorConfig.DEFAULT_USERNAME)
            + "&password="
            + SimulatorConfig.DEFAULT_PASSWORD;
    String body =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return body.replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
  }
}
