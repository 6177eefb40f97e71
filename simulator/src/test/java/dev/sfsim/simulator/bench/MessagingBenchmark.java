package dev.sfsim.simulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.messaging.LatencyProfile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatcher's throughput with the {@code instant} profile: 200 concurrent {@code
 * sendConversationMessages} invocations of 100 recipients each (20,000 messages) until every
 * request is Completed with its sessions, entries and counts; beside it, PostgreSQL's own rate for
 * the same rows inserted by plain JDBC batches (one transaction per 100 messages), and the resident
 * memory of the JVM running the simulator (benchmark client included), and what each run cost in
 * CPU (this JVM and the PostgreSQL server, {@link ServerCpu}: comparable on a busy machine, where
 * rates are not). Prints figures; never fails on time. With {@code -Dbench.asprof=<async-profiler
 * jar>} the run is profiled (see {@link AsyncProfiler}; label {@code messaging}).
 *
 * <pre>./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=MessagingBenchmark</pre>
 */
public final class MessagingBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final int REQUESTS = 200;
  private static final int RECIPIENTS = 100;

  private MessagingBenchmark() {}

  public static void main(String[] args) throws Exception {
    SimulatorConfig config =
        SimulatorConfig.defaults().withPort(0).withLatency(LatencyProfile.INSTANT);
    try (Simulator sim = Simulator.start(config)) {
      String base = sim.baseUrl();
      List<String> users = seed(base);
      String token = token(base);
      String body = body(users);
      AtomicLong maxRss = new AtomicLong();
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  maxRss.accumulateAndGet(rssKb(), Math::max);
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
      javax.sql.DataSource database = dataSource(sim);
      AsyncProfiler profiler = new AsyncProfiler("messaging");
      profiler.start();
      ServerCpu cpu0 = ServerCpu.snapshot(database);
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        calls.add(
            pool.submit(
                () ->
                    HTTP.send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        base
                                            + "/services/data/v60.0/actions/standard/sendConversationMessages"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()));
      }
      for (Future<Integer> f : calls) {
        if (f.get() != 200) {
          throw new IllegalStateException("invocation answered " + f.get());
        }
      }
      long accepted = System.nanoTime();
      pool.shutdown();
      String completed =
          "SELECT COUNT() FROM ConvMessageSendRequest WHERE RequestStatus = 'Completed' AND SuccessMessageCount = "
              + RECIPIENTS;
      while (count(base, token, completed) < REQUESTS) {
        Thread.sleep(20);
      }
      long done = System.nanoTime();
      ServerCpu simCpu = ServerCpu.snapshot(database).since(cpu0);
      profiler.stop();
      sampler.interrupt();
      long sessions = count(base, token, "SELECT COUNT() FROM MessagingSession");
      long entries = count(base, token, "SELECT COUNT() FROM ConversationEntry");
      double seconds = (done - t0) / 1e9;
      int messages = REQUESTS * RECIPIENTS;
      System.out.printf(
          "MessagingBenchmark: %d requests x %d recipients = %d messages Completed in %.2f s (invocations accepted in %.2f s)"
              + " -> %.0f messages/s; sessions %d, entries %d%n",
          REQUESTS,
          RECIPIENTS,
          messages,
          seconds,
          (accepted - t0) / 1e9,
          messages / seconds,
          sessions,
          entries);
      System.out.printf(
          "MessagingBenchmark: simulator JVM resident memory, max during the run: %d MB%n",
          maxRss.get() / 1024);
      String load = PerTestCostBenchmark.load();
      ServerCpu pgCpu0 = ServerCpu.snapshot(database);
      double pg = postgresRate(database, messages);
      ServerCpu pgCpu = ServerCpu.snapshot(database).since(pgCpu0);
      double rate = messages / seconds;
      System.out.printf(
          java.util.Locale.ROOT,
          "%-48s %8.0f msg/s  (baseline 2,720 / target >= 6,000)  load %s%n",
          "messages processed, instant profile",
          rate,
          load);
      System.out.printf(
          java.util.Locale.ROOT,
          "%-48s %8.0f msg/s  (session, entry, outbox, message update in JDBC batches of 100)  load %s%n",
          "PostgreSQL alone, same inserts",
          pg,
          PerTestCostBenchmark.load());
      System.out.printf(
          java.util.Locale.ROOT,
          "%-48s %8.2f        (target >= 0.6)%n",
          "simulator / PostgreSQL",
          rate / pg);
      // What each side cost the machine, whatever else ran on it: a rate on a busy machine is
      // noise.
      double k = 1000.0 / messages;
      System.out.printf(
          java.util.Locale.ROOT,
          "%-48s %8.0f ms    (JVM %.0f incl. the benchmark's client, PostgreSQL %.0f)%n",
          "CPU per 1000 messages, simulator",
          (simCpu.jvmMs() + simCpu.postgresMs()) * k,
          simCpu.jvmMs() * k,
          simCpu.postgresMs() * k);
      System.out.printf(
          java.util.Locale.ROOT,
          "%-48s %8.0f ms    (JDBC client %.0f, PostgreSQL %.0f)%n",
          "CPU per 1000 messages, PostgreSQL alone",
          (pgCpu.jvmMs() + pgCpu.postgresMs()) * k,
          pgCpu.jvmMs() * k,
          pgCpu.postgresMs() * k);
      System.out.printf(
          java.util.Locale.ROOT,
          "%-48s %8.2f%n",
          "CPU, PostgreSQL alone / simulator",
          (double) (pgCpu.jvmMs() + pgCpu.postgresMs())
              / Math.max(1, simCpu.jvmMs() + simCpu.postgresMs()));
    }
  }

  /** A channel, 100 end users and the Order_Shipped component. */
  static List<String> seed(String base) throws Exception {
    StringBuilder records =
        new StringBuilder(
            """
                {"attributes": {"type": "MessagingChannel", "referenceId": "ch"}, "MasterLabel": "WhatsApp", "DeveloperName": "WhatsApp",
                 "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550100", "IsActive": true}""");
    for (int i = 0; i < RECIPIENTS; i++) {
      records
          .append(",{\"attributes\": {\"type\": \"MessagingEndUser\", \"referenceId\": \"u")
          .append(i)
          .append("\"}, \"Name\": \"User ")
          .append(i)
          .append("\", \"MessagingChannelId\": \"@{ch.id}\", \"MessageType\": \"WhatsApp\", ")
          .append("\"MessagingPlatformKey\": \"whatsapp:+1555")
          .append(String.format("%07d", i))
          .append("\"}");
    }
    String fixtures =
        """
                {"messagingComponents": [{"developerName": "Order_Shipped", "componentType": "Notification", "isActive": true,
                  "text": "Your order {!orderNumber} has shipped.", "parameters": [{"name": "orderNumber", "dataType": "Text", "required": true}]}],
                 "records": [%s]}"""
            .formatted(records);
    JsonNode r =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/__admin/fixtures"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(fixtures))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    List<String> ids = new ArrayList<>();
    for (JsonNode n : r.get("results")) {
      if (n.get("referenceId").asText().startsWith("u")) {
        ids.add(n.get("id").asText());
      }
    }
    return ids;
  }

  static String body(List<String> users) {
    return """
                {"inputs": [{"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages",
                  "messagingEndUserIds": "%s", "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}]}]}"""
        .formatted(String.join(",", users));
  }

  static String token(String base) throws Exception {
    String form =
        "grant_type=password&client_id="
            + enc(SimulatorConfig.DEFAULT_CLIENT_ID)
            + "&client_secret="
            + enc(SimulatorConfig.DEFAULT_CLIENT_SECRET)
            + "&username="
            + enc(SimulatorConfig.DEFAULT_USERNAME)
            + "&password="
            + enc(SimulatorConfig.DEFAULT_PASSWORD);
    return JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/services/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .get("access_token")
        .asText();
  }

  static long count(String base, String token, String soql) throws Exception {
    return JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create(base + "/services/data/v60.0/query?q=" + enc(soql)))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .get("totalSize")
        .asLong();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return 0;
  }

  /** The simulator's own connection pool (its role and password): the embedded server's. */
  private static javax.sql.DataSource dataSource(Simulator sim) throws Exception {
    var f = Simulator.class.getDeclaredField("database");
    f.setAccessible(true);
    return ((dev.sfsim.simulator.persistence.Database) f.get(sim)).dataSource();
  }

  /**
   * Inserts the same rows the dispatcher writes, in JDBC batches of 100 messages, one transaction
   * each.
   */
  private static double postgresRate(javax.sql.DataSource pool, int messages) throws Exception {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      Timestamp now = new Timestamp(System.currentTimeMillis());
      long t0 = System.nanoTime();
      try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO messaging_session (id, name, status, origin, agent_type, channel_type, "
                      + "messaging_end_user_id, messaging_channel_id, start_time, owner_id, agent_message_count, end_user_message_count, created_date, "
                      + "created_by_id, last_modified_date, last_modified_by_id, system_modstamp) VALUES (?, ?, 'New', 'TriggeredOutbound', 'System', "
                      + "'WhatsApp', 'u', 'c', ?, 'o', 1, 0, ?, 'o', ?, 'o', ?)");
          PreparedStatement e =
              c.prepareStatement(
                  "INSERT INTO conversation_entry (id, conversation_id, seq, entry_time, entry_type, "
                      + "actor_type, message, message_identifier, message_status, created_date, created_by_id, last_modified_date, "
                      + "last_modified_by_id, system_modstamp) VALUES (?, ?, 1, ?, 'Text', 'System', 'text', ?, 'Sent', ?, 'o', ?, 'o', ?)");
          PreparedStatement o =
              c.prepareStatement(
                  "INSERT INTO outbox (message_identifier, request_id, messaging_end_user_id, "
                      + "messaging_platform_key, messaging_channel_id, message_type, messaging_session_id, message_definition_name, text, status, "
                      + "sent_at) VALUES (?, 'r', 'u', 'k', 'c', 'WhatsApp', ?, 'd', 'text', 'Sent', ?)");
          PreparedStatement m =
              c.prepareStatement(
                  "UPDATE conv_message SET status = 'Sent' WHERE message_identifier = ?")) {
        for (int i = 0; i < messages; i++) {
          String sid = "bench-s-" + i;
          UUID mid = UUID.randomUUID();
          s.setString(1, sid);
          s.setString(2, "B-" + i);
          for (int k = 3; k <= 6; k++) {
            s.setTimestamp(k, now);
          }
          s.addBatch();
          e.setString(1, "bench-e-" + i);
          e.setString(2, sid);
          e.setTimestamp(3, now);
          e.setString(4, mid.toString());
          for (int k = 5; k <= 7; k++) {
            e.setTimestamp(k, now);
          }
          e.addBatch();
          o.setObject(1, mid);
          o.setString(2, sid);
          o.setTimestamp(3, now);
          o.addBatch();
          m.setObject(1, mid);
          m.addBatch();
          if ((i + 1) % RECIPIENTS == 0) {
            s.executeBatch();
            e.executeBatch();
            o.executeBatch();
            m.executeBatch();
            c.commit();
          }
        }
      }
      double rate = messages / ((System.nanoTime() - t0) / 1e9);
      c.rollback();
      c.setAutoCommit(true);
      return rate;
    }
  }
}
