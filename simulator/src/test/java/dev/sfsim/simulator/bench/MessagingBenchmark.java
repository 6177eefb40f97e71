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
 * the same rows written by plain JDBC batches (per 100 messages: the request and its messages in
 * one transaction, sessions, entries, outbox rows and the updates in a second), and the resident
 * memory of the JVM running the simulator (benchmark client included), and what each run cost in
 * CPU (this JVM and the PostgreSQL server, {@link ServerCpu}: comparable on a busy machine, where
 * rates are not). Each side runs 5,000 messages first, unmeasured but for the simulator's cold
 * rate, which is printed: the measured rounds are steady rates, as the SOQL benchmark's are after
 * its warm-up. Prints figures; never fails on time. With {@code -Dbench.asprof=<async-profiler
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
  private static final int WARMUP_REQUESTS = 50;

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
      // The first invocations run interpreted and feed the JIT (a third of the JVM's CPU in the
      // first seconds): a round of 5,000 messages first, printed, so that the measured round is
      // the server's steady rate, as the SOQL figure is after its warm-up.
      double cold = send(base, token, body, WARMUP_REQUESTS, 0).rate();
      AsyncProfiler profiler = new AsyncProfiler("messaging");
      profiler.start();
      ServerCpu cpu0 = ServerCpu.snapshot(database);
      Round round = send(base, token, body, REQUESTS, WARMUP_REQUESTS);
      ServerCpu simCpu = ServerCpu.snapshot(database).since(cpu0);
      profiler.stop();
      sampler.interrupt();
      long sessions = count(base, token, "SELECT COUNT() FROM MessagingSession");
      long entries = count(base, token, "SELECT COUNT() FROM ConversationEntry");
      int messages = REQUESTS * RECIPIENTS;
      System.out.printf(
          java.util.Locale.ROOT,
          "MessagingBenchmark: first %d requests x %d recipients in a new JVM (warm-up, not measured) -> %.0f messages/s%n",
          WARMUP_REQUESTS,
          RECIPIENTS,
          cold);
      System.out.printf(
          java.util.Locale.ROOT,
          "MessagingBenchmark: %d requests x %d recipients = %d messages Completed in %.2f s (invocations accepted in %.2f s)"
              + " -> %.0f messages/s; sessions %d, entries %d (both rounds)%n",
          REQUESTS,
          RECIPIENTS,
          messages,
          round.seconds(),
          round.acceptedSeconds(),
          round.rate(),
          sessions,
          entries);
      System.out.printf(
          "MessagingBenchmark: simulator JVM resident memory, max during the run: %d MB%n",
          maxRss.get() / 1024);
      String load = PerTestCostBenchmark.load();
      postgresRate(database, WARMUP_REQUESTS * RECIPIENTS); // its warm-up, as the simulator's
      // The simulator's run and the warm-up left dead rows behind: vacuumed now, not by autovacuum
      // inside the baseline's window (its CPU counts as PostgreSQL's there).
      try (java.sql.Connection c = database.getConnection();
          java.sql.Statement st = c.createStatement()) {
        st.execute("VACUUM ANALYZE");
      }
      ServerCpu pgCpu0 = ServerCpu.snapshot(database);
      double pg = postgresRate(database, messages);
      ServerCpu pgCpu = ServerCpu.snapshot(database).since(pgCpu0);
      double rate = round.rate();
      System.out.printf(
          java.util.Locale.ROOT,
          "%-48s %8.0f msg/s  (baseline 2,720 / target >= 6,000)  load %s%n",
          "messages processed, instant profile",
          rate,
          load);
      System.out.printf(
          java.util.Locale.ROOT,
          "%-48s %8.0f msg/s  (request + messages; sessions, entries, outbox, updates: JDBC batches of 100)  load %s%n",
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

  /** One measured round: how long its messages took to complete, and its invocations to answer. */
  private record Round(int messages, double seconds, double acceptedSeconds) {
    double rate() {
      return messages / seconds;
    }
  }

  /**
   * Invokes the action {@code requests} times at once (32 client threads), then polls every 20 ms
   * until {@code before + requests} requests are Completed with every message a success.
   */
  private static Round send(String base, String token, String body, int requests, int before)
      throws Exception {
    long t0 = System.nanoTime();
    invokeAll(base, token, body, requests, 32);
    long accepted = System.nanoTime();
    String completed =
        "SELECT COUNT() FROM ConvMessageSendRequest WHERE RequestStatus = 'Completed' AND SuccessMessageCount = "
            + RECIPIENTS;
    while (count(base, token, completed) < before + requests) {
      Thread.sleep(20);
    }
    long done = System.nanoTime();
    return new Round(requests * RECIPIENTS, (done - t0) / 1e9, (accepted - t0) / 1e9);
  }

  /**
   * Invokes {@code sendConversationMessages} with {@code body} {@code requests} times at once, from
   * {@code threads} client threads; returns when every call has answered.
   *
   * @throws IllegalStateException when a call answers other than 200
   */
  static void invokeAll(String base, String token, String body, int requests, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
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
    } finally {
      pool.shutdown();
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
   * Writes the rows a send writes, as a hand-written JDBC client would, per 100 messages: the
   * request and its 100 message rows in one transaction (the invocation's), then the 100 sessions,
   * entries and outbox rows, the messages' update to Sent and the request's counts and completion
   * in a second (the dispatcher's); JDBC batches, one round trip per statement kind. Its rows are
   * deleted afterwards. Its requests are due at {@code infinity}: the simulator's dispatcher, still
   * polling, would otherwise start them between the two transactions and work them too (its CPU
   * then counted as the baseline's, and a deadlock with the completion update).
   */
  private static double postgresRate(javax.sql.DataSource pool, int messages) throws Exception {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      Timestamp now = new Timestamp(System.currentTimeMillis());
      long t0 = System.nanoTime();
      try (PreparedStatement r =
              c.prepareStatement(
                  "INSERT INTO conv_message_send_request (id, name, request_type, request_status, message_definition, "
                      + "allow_existing_session_status, total_message_count, pending_message_count, in_progress_message_count, "
                      + "created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp, sfsim_due_at) "
                      + "VALUES (?, ?, 'SendNotificationMessages', 'Pending', 'd', 'Any', ?, ?, 0, ?, 'o', ?, 'o', ?, "
                      + "'infinity')");
          PreparedStatement q =
              c.prepareStatement(
                  "INSERT INTO conv_message (message_identifier, request_id, position, messaging_end_user_id, status) "
                      + "VALUES (?, ?, ?, 'u', 'Pending')");
          PreparedStatement s =
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
                      + "sent_at) VALUES (?, ?, 'u', 'k', 'c', 'WhatsApp', ?, 'd', 'text', 'Sent', ?)");
          PreparedStatement m =
              c.prepareStatement(
                  "UPDATE conv_message SET status = 'Sent', messaging_session_id = ? WHERE message_identifier = ?");
          PreparedStatement done =
              c.prepareStatement(
                  "UPDATE conv_message_send_request SET request_status = 'Completed', success_message_count = ?, "
                      + "failed_message_count = 0, pending_message_count = 0, completed_date = ?, last_modified_date = ?, "
                      + "system_modstamp = ? WHERE id = ?")) {
        UUID[] ids = new UUID[RECIPIENTS];
        for (int b = 0; b < messages / RECIPIENTS; b++) {
          String rid = "bench-r-" + b;
          r.setString(1, rid);
          r.setString(2, "BR-" + b);
          r.setInt(3, RECIPIENTS);
          r.setInt(4, RECIPIENTS);
          for (int k = 5; k <= 7; k++) {
            r.setTimestamp(k, now);
          }
          r.executeUpdate();
          for (int j = 0; j < RECIPIENTS; j++) {
            ids[j] = UUID.randomUUID();
            q.setObject(1, ids[j]);
            q.setString(2, rid);
            q.setInt(3, j);
            q.addBatch();
          }
          q.executeBatch();
          c.commit();
          for (int j = 0; j < RECIPIENTS; j++) {
            int i = b * RECIPIENTS + j;
            String sid = "bench-s-" + i;
            s.setString(1, sid);
            s.setString(2, "B-" + i);
            for (int k = 3; k <= 6; k++) {
              s.setTimestamp(k, now);
            }
            s.addBatch();
            e.setString(1, "bench-e-" + i);
            e.setString(2, sid);
            e.setTimestamp(3, now);
            e.setString(4, ids[j].toString());
            for (int k = 5; k <= 7; k++) {
              e.setTimestamp(k, now);
            }
            e.addBatch();
            o.setObject(1, ids[j]);
            o.setString(2, rid);
            o.setString(3, sid);
            o.setTimestamp(4, now);
            o.addBatch();
            m.setString(1, sid);
            m.setObject(2, ids[j]);
            m.addBatch();
          }
          s.executeBatch();
          e.executeBatch();
          o.executeBatch();
          m.executeBatch();
          done.setInt(1, RECIPIENTS);
          for (int k = 2; k <= 4; k++) {
            done.setTimestamp(k, now);
          }
          done.setString(5, rid);
          done.executeUpdate();
          c.commit();
        }
      }
      double rate = messages / ((System.nanoTime() - t0) / 1e9);
      try (var st = c.createStatement()) {
        st.execute("DELETE FROM outbox WHERE request_id LIKE 'bench-r-%'");
        st.execute("DELETE FROM conversation_entry WHERE id LIKE 'bench-e-%'");
        st.execute("DELETE FROM messaging_session WHERE id LIKE 'bench-s-%'");
        st.execute("DELETE FROM conv_message WHERE request_id LIKE 'bench-r-%'");
        st.execute("DELETE FROM conv_message_send_request WHERE id LIKE 'bench-r-%'");
      }
      c.commit();
      c.setAutoCommit(true);
      return rate;
    }
  }
}
