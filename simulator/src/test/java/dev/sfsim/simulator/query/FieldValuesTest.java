package dev.sfsim.simulator.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.FieldValues;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldValues}: Salesforce's JSON value formats by field type ("Valid Date and DateTime
 * Formats", SOQL and SOSL Reference).
 */
class FieldValuesTest {

  @Test
  void dateTimesAreUtcWithMillisecondsAndPlus0000() {
    String expected = "2011-07-07T00:37:00.000+0000";
    assertThat(
            FieldValues.toJson(
                FieldType.DATETIME, Timestamp.from(Instant.parse("2011-07-07T00:37:00Z"))))
        .isEqualTo(expected);
    assertThat(
            FieldValues.toJson(
                FieldType.DATETIME, OffsetDateTime.parse("2011-07-07T02:37:00+02:00")))
        .isEqualTo(expected);
    assertThat(FieldValues.toJson(FieldType.DATETIME, Instant.parse("2011-07-07T00:37:00.123456Z")))
        .isEqualTo("2011-07-07T00:37:00.123+0000");
  }

  @Test
  void datesNumbersBooleansTextAndNull() {
    assertThat(FieldValues.toJson(FieldType.DATE, java.sql.Date.valueOf("2010-01-01")))
        .isEqualTo("2010-01-01");
    assertThat(FieldValues.toJson(FieldType.DATE, LocalDate.of(2010, 1, 1)))
        .isEqualTo("2010-01-01");
    assertThat(FieldValues.toJson(FieldType.INT, 7L)).isEqualTo(7);
    assertThat(FieldValues.toJson(FieldType.DOUBLE, 23)).isEqualTo(23.0);
    assertThat(FieldValues.toJson(FieldType.DOUBLE, new BigDecimal("1.5"))).isEqualTo(1.5);
    assertThat(FieldValues.toJson(FieldType.BOOLEAN, Boolean.TRUE)).isEqualTo(true);
    assertThat(FieldValues.toJson(FieldType.PICKLIST, "Text")).isEqualTo("Text");
    assertThat(FieldValues.toJson(FieldType.ID, "0PASM00000000014AA"))
        .isEqualTo("0PASM00000000014AA");
    for (FieldType t : FieldType.values()) {
      assertThat(FieldValues.toJson(t, null)).isNull();
    }
  }
}
