package dev.sfsim.simulator.sobject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.FieldValues;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.Database;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * getUpdated/getDeleted windows over real rows written at chosen instants (no waiting for the
 * clock).
 */
class ReplicationTest {
  private static final String USER = "005SM0000000001YAA";
  private static Database db;
  private static final Catalog CATALOG = Catalog.standard();

  @BeforeAll
  static void start() {
    db = Database.embedded();
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void deletedRecordsCarryTheirDeletionInstantAndLeaveTheUpdatedList() {
    SObjectType lead = CATALOG.find("Lead").orElseThrow();
    RecordRepository repo = new RecordRepository(CATALOG);
    Instant now = Instant.parse("2026-11-20T12:00:30Z");
    Instant created = now.minus(20, ChronoUnit.MINUTES);
    Instant deletedAt = now.minus(10, ChronoUnit.MINUTES);
    Map<String, JsonNode> values =
        Map.of("LastName", TextNode.valueOf("L"), "Company", TextNode.valueOf("C"));
    db.jdbi()
        .useTransaction(
            h -> {
              String kept = repo.insert(h, lead, values, WriteMode.API, USER, created);
              String gone = repo.insert(h, lead, values, WriteMode.API, USER, created);
              repo.delete(h, lead, gone, USER, deletedAt);
              Map<String, String> window =
                  Map.of("start", "2026-11-20T11:30:00+00:00", "end", "2026-11-20T13:00:00+0000");
              Map<String, Object> deleted = Replication.deleted(h, lead, window, now);
              assertThat(deleted.get("deletedRecords"))
                  .isEqualTo(
                      List.of(
                          Map.of(
                              "id", gone, "deletedDate", FieldValues.formatDateTime(deletedAt))));
              assertThat(deleted.get("latestDateCovered"))
                  .isEqualTo("2026-11-20T12:00:00.000+0000");
              assertThat(deleted.get("earliestDateAvailable"))
                  .isEqualTo("2026-10-21T12:00:00.000+0000");
              assertThat(Replication.updated(h, lead, window, now).get("ids"))
                  .isEqualTo(List.of(kept));
              assertThatThrownBy(() -> repo.delete(h, lead, gone, USER, now))
                  .isInstanceOfSatisfying(
                      SalesforceException.class,
                      e -> assertThat(e.errorCode()).isEqualTo("ENTITY_IS_DELETED"));
              h.rollback();
            });
  }
}
