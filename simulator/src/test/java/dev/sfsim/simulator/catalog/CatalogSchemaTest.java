package dev.sfsim.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.persistence.Database;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Flyway schema and the catalog agree: every field of every object has a column of the right
 * PostgreSQL type.
 */
class CatalogSchemaTest {
  private static Database db;

  @BeforeAll
  static void start() {
    db = Database.embedded();
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void everyFieldHasItsColumn() {
    for (SObjectType type : Catalog.standard().all()) {
      Map<String, String> columns =
          db
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = :t")
                          .bind("t", type.table())
                          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                          .list())
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(columns).as("table of %s", type.name()).isNotEmpty();
      for (SObjectField f : type.fields()) {
        String expected =
            f.type().sqlType().equals("timestamptz")
                ? "timestamp with time zone"
                : f.type().sqlType();
        assertThat(columns.get(f.column())).as("%s.%s", type.name(), f.name()).isEqualTo(expected);
      }
    }
  }

  @Test
  void keyPrefixesAndNamesAreUnique() {
    Catalog c = Catalog.standard();
    assertThat(c.all()).extracting(SObjectType::keyPrefix).doesNotHaveDuplicates();
    assertThat(c.find("convmessagesendrequest"))
        .get()
        .extracting(SObjectType::name)
        .isEqualTo("ConvMessageSendRequest");
    assertThat(c.find("ConvMessageSendRequest", 59.0)).isEmpty();
    assertThat(c.byKeyPrefix("0PA"))
        .get()
        .extracting(SObjectType::name)
        .isEqualTo("MessagingEndUser");
  }
}
