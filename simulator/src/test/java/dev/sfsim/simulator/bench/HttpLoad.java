package dev.sfsim.simulator.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator run as its own JVM by {@link SoqlBenchmark}: N threads send the
 * same GET as fast as answers come, after a 3-second warm-up; prints requests per second,
 * p50/p90/p99 latency and the non-200 count. Arguments: url, bearer token, threads, seconds.
 */
public final class HttpLoad {
  private HttpLoad() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String token = args[1];
    int threads = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long warmupEnd = System.nanoTime() + 3_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                long[] mine = new long[1_000_000];
                int n = 0;
                while (System.nanoTime() < end) {
                  try {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (System.nanoTime() < warmupEnd) {
                      continue;
                    }
                    if (n < mine.length) {
                      mine[n++] = System.nanoTime() - t0;
                    }
                    (r.statusCode() == 200 ? ok : failed).incrementAndGet();
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
                latencies.add(Arrays.copyOf(mine, n));
              });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double p50 = all.length == 0 ? Double.NaN : all[all.length / 2] / 1e6;
    double p90 = all.length == 0 ? Double.NaN : all[(int) (all.length * 0.9)] / 1e6;
    double p99 =
        all.length == 0
            ? Double.NaN
            : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
    System.out.printf(
        "HttpLoad: %.0f queries/s over %d s with %d threads, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, %d ok,"
            + " %d not 200%n",
        ok.get() / (double) seconds, seconds, threads, p50, p90, p99, ok.get(), failed.get());
  }
}
