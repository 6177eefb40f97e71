package dev.sfsim.simulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a test suite pays per test, over HTTP against an in-process simulator with 200 startup
 * fixture records (instant profile): {@code POST /__admin/reset}, {@code POST /__admin/orgs} (the
 * org deleted after each, untimed), and one test's overhead — reset, a token, one {@code
 * sendConversationMessages} to one recipient, and polling the request (every millisecond) until it
 * is Completed. Prints each figure's median and p90 beside the baseline measured before this work
 * (issue 14) and the target, with the load average at the time. Prints figures; never fails on
 * time. {@code -Dbench.asprof=/path/async-profiler-4.1-linux-x64.jar} profiles the new-org rounds
 * and the per-test rounds ({@link AsyncProfiler}, labels {@code orgs} and {@code pertest}); {@code
 * -Dbench.orgGap=0} creates orgs back to back (default: 100 ms between a delete and the next
 * create).
 *
 * <pre>./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=PerTestCostBenchmark</pre>
 */
public final class PerTestCostBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Startup fixture records: a channel, 99 end users, 50 accounts, 50 contacts. */
  static final int FIXTURE_RECORDS = 200;

  private static final int ROUNDS = Integer.getInteger("bench.rounds", 40);

  /** Milliseconds between deleting an org and creating the next ({@code 0}: back to back). */
  private static final int ORG_GAP_MS = Integer.getInteger("bench.orgGap", 100);

  private PerTestCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("sfsim-bench-fixtures");
    Files.writeString(dir.resolve("fixtures.json"), fixtures());
    SimulatorConfig config =
        SimulatorConfig.defaults()
            .withPort(0)
            .withLatency(dev.sfsim.simulator.messaging.LatencyProfile.INSTANT)
            .withFixtureDirs(List.of(dir));
    try (Simulator sim = Simulator.start(config)) {
      String base = sim.baseUrl();
      for (int i = 0; i < 10; i++) {
        post(base + "/__admin/reset", "");
        perTest(base);
      }
      // A/B, alternated: a full reset (the way before: truncate, seed, one insert per fixture
      // record; its template dropped first, so it captures one again) beside the template's. A
      // suite's resets are put-backs of a template captured once, so the "reset" row is a put-back
      // after the first one; the first after a capture (new copy tables, cold in every pool
      // connection) is printed apart: a suite pays it once.
      Runnable forgetTemplate = templateForgetter(sim);
      double[] reset = new double[ROUNDS];
      double[] first = new double[ROUNDS];
      double[] full = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        forgetTemplate.run();
        long t0 = System.nanoTime();
        post(base + "/__admin/reset", "");
        full[i] = ms(t0);
        t0 = System.nanoTime();
        post(base + "/__admin/reset", "");
        first[i] = ms(t0);
        t0 = System.nanoTime();
        post(base + "/__admin/reset", "");
        reset[i] = ms(t0);
      }
      print("reset, 200 fixture records", reset, "134 ms", "< 20 ms");
      print("  first put-back after a capture", first, "-", "-");
      print("  full reset, same run (the way before)", full, "134 ms", "-");
      double[] orgs = new double[Math.max(10, ROUNDS / 2)];
      AsyncProfiler orgProfiler = new AsyncProfiler("orgs");
      orgProfiler.start();
      for (int i = -3; i < orgs.length; i++) {
        long t0 = System.nanoTime();
        JsonNode org = JSON.readTree(post(base + "/__admin/orgs", ""));
        if (i >= 0) {
          orgs[i] = ms(t0);
        }
        send("DELETE", base + "/__admin/orgs/" + org.get("orgId").asText(), null, null);
        Thread.sleep(ORG_GAP_MS); // let the spare be prepared, as between two tests
      }
      orgProfiler.stop();
      print("new org (POST /__admin/orgs)", orgs, "176 ms", "< 40 ms");
      double[] test = new double[ROUNDS];
      AsyncProfiler profiler = new AsyncProfiler("pertest");
      profiler.start();
      for (int i = 0; i < ROUNDS; i++) {
        round = i;
        long t0 = System.nanoTime();
        perTest(base);
        test[i] = ms(t0);
      }
      profiler.stop();
      print("per-test overhead (reset+token+send 1+await)", test, "-", "< 30 ms");
      String[] names = {"reset", "token", "query end user", "send 1", "await Completed"};
      for (int k = 0; k < names.length; k++) {
        print("  of which " + names[k], STEPS[k], "-", "-");
      }
    }
  }

  /** Per step of {@link #perTest}: reset, token, end-user query, send, await; milliseconds. */
  private static final double[][] STEPS = new double[5][ROUNDS];

  private static int round = -1;

  private static long step(int k, long t0) {
    long t = System.nanoTime();
    if (round >= 0) {
      STEPS[k][round] = (t - t0) / 1e6;
    }
    return t;
  }

  /** Drops the default org's reset template (reflection: bench only), so its next reset is full. */
  private static Runnable templateForgetter(Simulator sim) throws Exception {
    Object orgs = field(sim, "orgs");
    Object runtime = field(orgs, "defaultOrg");
    var accessor = runtime.getClass().getDeclaredMethod("reset");
    accessor.setAccessible(true);
    Object reset = accessor.invoke(runtime);
    var template = reset.getClass().getDeclaredField("template");
    template.setAccessible(true);
    return () -> {
      try {
        template.set(reset, null);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Object field(Object o, String name) throws Exception {
    var f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  /** Reset, token, one send, await Completed. */
  static void perTest(String base) throws Exception {
    long t = System.nanoTime();
    post(base + "/__admin/reset", "");
    t = step(0, t);
    String token = MessagingBenchmark.token(base);
    t = step(1, t);
    String user =
        JSON.readTree(
                get(
                    base,
                    token,
                    "SELECT Id FROM MessagingEndUser WHERE MessagingPlatformKey = 'whatsapp:+15550000001'"))
            .get("records")
            .get(0)
            .get("Id")
            .asText();
    t = step(2, t);
    String requestId =
        JSON.readTree(
                send(
                    "POST",
                    base + "/services/data/v60.0/actions/standard/sendConversationMessages",
                    token,
                    MessagingBenchmark.body(List.of(user))))
            .get(0)
            .get("outputValues")
            .get("requestId")
            .asText();
    t = step(3, t);
    String soql = "SELECT RequestStatus FROM ConvMessageSendRequest WHERE Id = '" + requestId + "'";
    while (!JSON.readTree(get(base, token, soql))
        .get("records")
        .get(0)
        .get("RequestStatus")
        .asText()
        .equals("Completed")) {
      Thread.sleep(1);
    }
    step(4, t);
  }

  static void print(String figure, double[] ms, String baseline, String target) {
    double[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf(
        Locale.ROOT,
        "%-48s median %7.1f ms  p90 %7.1f ms  (baseline %s / target %s)  load %s%n",
        figure,
        s[s.length / 2],
        s[(int) Math.ceil(s.length * 0.9) - 1],
        baseline,
        target,
        load());
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "?";
    }
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  static String post(String url, String body) throws Exception {
    return send("POST", url, null, body);
  }

  private static String get(String base, String token, String soql) throws Exception {
    return send(
        "GET",
        base + "/services/data/v60.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8),
        token,
        null);
  }

  private static String send(String method, String url, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** The Order_Shipped component and {@link #FIXTURE_RECORDS} records with references. */
  static String fixtures() {
    StringBuilder r =
        new StringBuilder(
            """
            {"attributes": {"type": "MessagingChannel", "referenceId": "ch"}, "MasterLabel": "WhatsApp",
             "DeveloperName": "WhatsApp", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550100",
             "IsActive": true}""");
    for (int i = 1; i < 100; i++) {
      r.append(
          """
          ,{"attributes": {"type": "MessagingEndUser", "referenceId": "u%d"}, "Name": "User %d",
            "MessagingChannelId": "@{ch.id}", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+1555%07d"}"""
              .formatted(i, i, i));
    }
    for (int i = 0; i < 50; i++) {
      r.append(
          """
          ,{"attributes": {"type": "Account", "referenceId": "a%d"}, "Name": "Account %d"}
          ,{"attributes": {"type": "Contact", "referenceId": "c%d"}, "LastName": "Contact %d", "AccountId": "@{a%d.id}"}"""
              .formatted(i, i, i, i, i));
    }
    return """
        {"messagingComponents": [{"developerName": "Order_Shipped", "componentType": "Notification", "isActive": true,
          "text": "Your order {!orderNumber} has shipped.", "parameters": [{"name": "orderNumber", "dataType": "Text", "required": true}]}],
         "records": [%s]}"""
        .formatted(r);
  }
}
