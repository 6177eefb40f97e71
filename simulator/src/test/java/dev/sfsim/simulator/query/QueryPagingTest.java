package dev.sfsim.simulator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cursors, aggregates and relative date literals over 4,500 ConvMessageSendRequests ("Query", REST
 * API Developer Guide; "Aggregate Functions", SOQL and SOSL Reference): 1,500 per status, row n
 * created n-1 hours ago (see {@link ConvMessageSendRequestRows}).
 */
class QueryPagingTest {
  private static final ApiVersion V60 = new ApiVersion(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 4500;
  private static Database db;
  private static QueryService service;

  @BeforeAll
  static void start() {
    db = Database.embedded();
    service = new QueryService(db.jdbi(), Catalog.standard());
    ConvMessageSendRequestRows.insert(db.jdbi(), ROWS, 1);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void pagesOf2000WithLocatorsUntilDone() {
    Map<String, Object> first =
        service.query("SELECT Id, Name FROM ConvMessageSendRequest", V60, false);
    assertThat(first.keySet()).containsExactly("totalSize", "done", "nextRecordsUrl", "records");
    assertThat(first.get("totalSize")).isEqualTo((long) ROWS);
    assertThat(first.get("done")).isEqualTo(false);
    String next = (String) first.get("nextRecordsUrl");
    assertThat(next).matches("/services/data/v60\\.0/query/01g[0-9A-Za-z]{15}-2000");
    List<String> ids = new ArrayList<>(ids(first));
    assertThat(ids).hasSize(2000);

    Map<String, Object> second = service.next(locator(next), V60);
    assertThat(second.get("totalSize")).isEqualTo((long) ROWS);
    assertThat((String) second.get("nextRecordsUrl"))
        .endsWith(locator(next).replace("-2000", "-4000"));
    ids.addAll(ids(second));

    Map<String, Object> third =
        service.next(locator((String) second.get("nextRecordsUrl")), new ApiVersion(62));
    assertThat(third.keySet()).containsExactly("totalSize", "done", "records");
    assertThat(third.get("done")).isEqualTo(true);
    assertThat(JSON.valueToTree(third).at("/records/0/attributes/url").asText())
        .startsWith("/services/data/v62.0/sobjects/ConvMessageSendRequest/");
    ids.addAll(ids(third));
    assertThat(ids).hasSize(ROWS).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void batchSizeIsClampedTo200To2000AndLimitBoundsTheTotal() {
    assertThat(ids(service.query("SELECT Id FROM ConvMessageSendRequest", V60, false, 50)))
        .hasSize(200);
    assertThat(ids(service.query("SELECT Id FROM ConvMessageSendRequest", V60, false, 300)))
        .hasSize(300);
    assertThat(ids(service.query("SELECT Id FROM ConvMessageSendRequest", V60, false, 5000)))
        .hasSize(2000);
    Map<String, Object> limited =
        service.query(
            "SELECT Id FROM ConvMessageSendRequest ORDER BY Name DESC LIMIT 2100", V60, false);
    assertThat(limited.get("totalSize")).isEqualTo(2100L);
    Map<String, Object> rest = service.next(locator((String) limited.get("nextRecordsUrl")), V60);
    assertThat(ids(rest)).hasSize(100);
    assertThat(rest.get("done")).isEqualTo(true);
    assertThat(QueryRoutes.batchSize("batchSize=500")).isEqualTo(500);
    assertThat(QueryRoutes.batchSize("foo=1, batchSize = 250")).isEqualTo(250);
    assertThat(QueryRoutes.batchSize("nonsense")).isEqualTo(2000);
  }

  @Test
  void unknownMalformedAndExpiredLocatorsAreInvalid() {
    for (String bad :
        new String[] {
          "nonsense",
          "01gSM0000000001AAA",
          "01gSM0000000001AAA-2000",
          "01g-2000",
          "'; DROP TABLE x; --"
        }) {
      assertThatThrownBy(() -> service.next(bad, V60))
          .isInstanceOfSatisfying(
              SalesforceException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_QUERY_LOCATOR);
                assertThat(e.getMessage()).isEqualTo("invalid query locator");
              });
    }
    String next =
        (String)
            service
                .query("SELECT Id FROM ConvMessageSendRequest", V60, false)
                .get("nextRecordsUrl");
    String cursor = locator(next).substring(0, 18);
    assertThatThrownBy(() -> service.next(cursor + "-999999", V60))
        .hasMessage("invalid query locator");
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE query_cursor SET last_used_at = last_used_at - interval '16 minutes' WHERE id = ?",
                    cursor));
    assertThatThrownBy(() -> service.next(locator(next), V60)).hasMessage("invalid query locator");
  }

  @Test
  void aggregateResults() {
    assertThat(
            json(
                "SELECT RequestStatus, COUNT(Id), SUM(TotalMessageCount) total, MAX(CreatedDate) FROM ConvMessageSendRequest "
                    + "GROUP BY RequestStatus HAVING COUNT(Id) > 1000 ORDER BY RequestStatus DESC"))
        .startsWith(
            "{\"totalSize\":3,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"AggregateResult\"},"
                + "\"RequestStatus\":\"Pending\",\"expr0\":1500,\"total\":3000.0,\"expr1\":\"20");
    assertThat(
            json(
                "SELECT COUNT(Id), COUNT_DISTINCT(RequestStatus), AVG(TotalMessageCount), MIN(Name) FROM ConvMessageSendRequest"))
        .isEqualTo(
            "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"AggregateResult\"},"
                + "\"expr0\":4500,\"expr1\":3,\"expr2\":2.0,\"expr3\":\"MSJ-00000001\"}]}");
    assertThat(
            json(
                "SELECT RequestStatus, COUNT(Id) FROM ConvMessageSendRequest GROUP BY ROLLUP(RequestStatus)"))
        .isEqualTo(
            "{\"totalSize\":4,\"done\":true,\"records\":["
                + "{\"attributes\":{\"type\":\"AggregateResult\"},\"RequestStatus\":\"Completed\",\"expr0\":1500},"
                + "{\"attributes\":{\"type\":\"AggregateResult\"},\"RequestStatus\":\"InProgress\",\"expr0\":1500},"
                + "{\"attributes\":{\"type\":\"AggregateResult\"},\"RequestStatus\":\"Pending\",\"expr0\":1500},"
                + "{\"attributes\":{\"type\":\"AggregateResult\"},\"RequestStatus\":null,\"expr0\":4500}]}");
    assertThat(json("SELECT COUNT() FROM ConvMessageSendRequest GROUP BY RequestStatus"))
        .isEqualTo("{\"totalSize\":3,\"done\":true,\"records\":[]}");
    assertThat(json("SELECT COUNT(Id) FROM ConvMessageSendRequest WHERE Name = 'none'"))
        .isEqualTo(
            "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"AggregateResult\"},\"expr0\":0}]}");
  }

  @Test
  void relativeDateLiteralsFollowTheClock() {
    // Row n was created n hours before the simulated now: 0-71 lie within the last three full days
    // plus today.
    long recent =
        (long)
            service
                .query(
                    "SELECT COUNT() FROM ConvMessageSendRequest WHERE CreatedDate = LAST_N_DAYS:3",
                    V60,
                    false)
                .get("totalSize");
    assertThat(recent).isBetween(72L, 96L);
    long older =
        (long)
            service
                .query(
                    "SELECT COUNT() FROM ConvMessageSendRequest WHERE CreatedDate < LAST_N_DAYS:3",
                    V60,
                    false)
                .get("totalSize");
    assertThat(recent + older).isEqualTo(ROWS);
    assertThat(
            service
                .query(
                    "SELECT COUNT() FROM ConvMessageSendRequest WHERE CreatedDate > TODAY",
                    V60,
                    false)
                .get("totalSize"))
        .isEqualTo(0L);
    assertThat(
            service
                .query(
                    "SELECT COUNT() FROM ConvMessageSendRequest WHERE CreatedDate = NEXT_N_DAYS:5",
                    V60,
                    false)
                .get("totalSize"))
        .isEqualTo(0L);
  }

  private static String locator(String nextRecordsUrl) {
    return nextRecordsUrl.substring(nextRecordsUrl.lastIndexOf('/') + 1);
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> result) {
    return ((List<Map<String, Object>>) result.get("records"))
        .stream()
            .map(r -> (String) ((Map<String, Object>) r.get("attributes")).get("url"))
            .map(url -> url.substring(url.lastIndexOf('/') + 1))
            .toList();
  }

  private static String json(String soql) {
    try {
      return JSON.writeValueAsString(service.query(soql, V60, false));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
