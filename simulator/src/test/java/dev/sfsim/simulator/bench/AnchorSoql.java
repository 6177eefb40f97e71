package dev.sfsim.simulator.bench;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.persistence.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * sfsim's side of the GET rows: the selective SOQL query of {@link SoqlBenchmark} over its 100,000
 * ConvMessageSendRequest rows, against a simulator in this JVM, at 1 and 8 connections. Also
 * returns the query's answer, which WireMock's stub then sends.
 */
final class AnchorSoql {
  private AnchorSoql() {}

  /**
   * The answer body and the two load runs.
   *
   * @param body the JSON the query answers
   * @param one the run at 1 connection
   * @param eight the run at 8 connections
   */
  record Result(String body, SoqlBenchmark.LoadResult one, SoqlBenchmark.LoadResult eight) {}

  static Result run(int seconds) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      try (Simulator simulator = SoqlBenchmark.simulatorOn(url);
          Database db = SoqlBenchmark.seeded(url)) {
        String token = SoqlBenchmark.token(simulator.baseUrl());
        String target =
            simulator.baseUrl()
                + "/services/data/v60.0/query?q="
                + URLEncoder.encode(SoqlBenchmark.selective(54321), StandardCharsets.UTF_8);
        HttpResponse<String> answer =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(target))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          throw new IllegalStateException("query answered " + answer.statusCode());
        }
        System.out.println("  " + SoqlBenchmark.selective(54321) + " -> " + answer.body());
        return new Result(
            answer.body(),
            HttpThroughput.run(target, token, 1, seconds, null),
            HttpThroughput.run(target, token, 8, seconds, null));
      }
    }
  }
}
