package dev.sfsim.simulator.bench;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.messaging.LatencyProfile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the web console and its event stream cost (issue 13). The console is always served, so
 * "without" means nobody connected and "with" means clients on {@code GET /__admin/events} (what an
 * open console page holds):
 *
 * <ol>
 *   <li>start-to-healthy of an in-process simulator (console included), median of 5;
 *   <li>SOQL throughput over HTTP (as {@link SoqlBenchmark}'s third figure, with wrk or {@link
 *       HttpLoad}) with 0 and 1 (a page open) stream clients, alternated three times;
 *   <li>sends: 50 {@code sendConversationMessages} invocations of 100 recipients ({@code instant}
 *       profile) until all are Completed, messages/s with 0 and 50 stream clients, alternated three
 *       times, and the events each client received.
 * </ol>
 *
 * <pre>./mvnw -B -q -pl simulator -am -Pbench verify -Dbench=ConsoleBenchmark</pre>
 *
 * Prints figures, never fails on time; the machine's load average is printed, since other work
 * lowers every figure.
 */
public final class ConsoleBenchmark {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final int REQUESTS = 50;

  private ConsoleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int threads = Integer.getInteger("bench.threads", 8);
    System.out.printf("ConsoleBenchmark: load average before: %s%n", loadAverage());
    long[] ms = new long[5];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      try (Simulator s = Simulator.start(SimulatorConfig.defaults().withPort(0))) {
        HTTP.send(
            HttpRequest.newBuilder(URI.create(s.baseUrl() + "/__admin/health")).build(),
            HttpResponse.BodyHandlers.discarding());
        ms[i] = (System.nanoTime() - t) / 1_000_000;
      }
    }
    Arrays.sort(ms);
    System.out.printf(
        "ConsoleBenchmark: start to healthy: median %d ms (min %d, max %d) over %d runs%n",
        ms[2], ms[0], ms[4], ms.length);

    try (Simulator sim =
        Simulator.start(
            SimulatorConfig.defaults().withPort(0).withLatency(LatencyProfile.INSTANT))) {
      String base = sim.baseUrl();
      List<String> users = MessagingBenchmark.seed(base);
      String token = MessagingBenchmark.token(base);
      String soql =
          base
              + "/services/data/v60.0/query?q="
              + URLEncoder.encode(
                  "SELECT Id, Name FROM MessagingEndUser WHERE Name = 'User 42'",
                  StandardCharsets.UTF_8);
      // alternated, so that warm-up and the machine's other work weigh on both conditions alike
      for (int clients : new int[] {0, 1, 0, 1, 0, 1}) {
        try (Listeners l = new Listeners(base, clients)) {
          System.out.println(
              HttpThroughput.run(soql, token, threads, seconds, null)
                  .describe(
                      "ConsoleBenchmark: SOQL over HTTP with "
                          + clients
                          + " event stream client(s)"));
        }
      }
      String body = MessagingBenchmark.body(users);
      for (int clients : new int[] {0, 50, 0, 50, 0, 50}) {
        try (Listeners l = new Listeners(base, clients)) {
          double rate = sends(base, token, body, users.size());
          long drained = l.drain();
          System.out.printf(
              "ConsoleBenchmark: sends with %d event stream clients: %.0f messages/s%s%n",
              clients,
              rate,
              clients == 0
                  ? ""
                  : String.format(
                      " (each client received %d events, the last %d ms after the last request"
                          + " completed)",
                      l.events.get() / clients, drained));
        }
      }
    }
    System.out.printf("ConsoleBenchmark: load average after: %s%n", loadAverage());
  }

  /**
   * Sends {@link #REQUESTS} invocations at once and waits until none is left unfinished; returns
   * messages/s.
   */
  private static double sends(String base, String token, String body, int recipients)
      throws Exception {
    long t0 = System.nanoTime();
    MessagingBenchmark.invokeAll(base, token, body, REQUESTS, 16);
    while (MessagingBenchmark.count(
            base,
            token,
            "SELECT COUNT() FROM ConvMessageSendRequest WHERE RequestStatus != 'Completed'")
        > 0) {
      Thread.sleep(20);
    }
    return REQUESTS * recipients / ((System.nanoTime() - t0) / 1e9);
  }

  /** {@code n} clients of the event stream, each counting the events it reads. */
  private static final class Listeners implements AutoCloseable {
    final AtomicLong events = new AtomicLong();
    private final List<Stream<String>> streams = new ArrayList<>();

    Listeners(String base, int n) throws Exception {
      for (int i = 0; i < n; i++) {
        HttpResponse<Stream<String>> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/__admin/events"))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
        streams.add(r.body());
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        Thread reader =
            new Thread(
                () -> {
                  try {
                    r.body()
                        .forEach(
                            line -> {
                              if (line.startsWith("event:")) {
                                events.incrementAndGet();
                              } else if (line.startsWith(": connected")) {
                                connected.countDown();
                              }
                            });
                  } catch (RuntimeException closed) {
                    // closed by close()
                  }
                });
        reader.setDaemon(true);
        reader.start();
        connected.await();
      }
    }

    /**
     * Waits until no event arrived for a second (at most a minute); returns how long the events
     * kept coming.
     */
    long drain() throws InterruptedException {
      long start = System.nanoTime();
      long lastChange = start;
      long seen = events.get();
      while (System.nanoTime() - lastChange < 1_000_000_000L
          && System.nanoTime() - start < 60_000_000_000L) {
        Thread.sleep(20);
        long now = events.get();
        if (now != seen) {
          seen = now;
          lastChange = System.nanoTime();
        }
      }
      return (lastChange - start) / 1_000_000;
    }

    @Override
    public void close() {
      streams.forEach(Stream::close);
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
