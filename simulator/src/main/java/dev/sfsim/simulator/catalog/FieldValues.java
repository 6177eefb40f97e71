package dev.sfsim.simulator.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Turns a stored (JDBC) value into the JSON value Salesforce answers for a field of that type
 * ("Valid Date and DateTime Formats", SOQL and SOSL Reference): date-times {@code
 * "2011-07-07T00:37:00.000+0000"} (UTC, milliseconds), dates {@code "2010-01-01"}, int as a JSON
 * integer, double as a JSON number ({@code 23.0}), booleans, text as is, null as null.
 */
public final class FieldValues {
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private FieldValues() {}

  /**
   * The JSON value (String, Integer, Double, Boolean or null) of {@code value} stored for {@code
   * field}.
   */
  public static @Nullable Object toJson(SObjectField field, Object value) {
    return toJson(field.type(), value);
  }

  /**
   * The JSON value of a stored value of the given type.
   *
   * @param value what JDBC/Jdbi returned: String, Boolean, Number, {@link java.sql.Date}, {@link
   *     LocalDate}, {@link Timestamp}, {@link OffsetDateTime}, {@link Instant}, ... or null
   */
  public static @Nullable Object toJson(FieldType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case DATETIME -> formatDateTime(instant(value));
      case DATE -> date(value).toString();
      case INT ->
          value instanceof Number n
              ? (Object) n.intValue()
              : (Object) Integer.parseInt(value.toString().trim());
      case DOUBLE, CURRENCY, PERCENT ->
          value instanceof Number n
              ? (Object) n.doubleValue()
              : (Object) Double.parseDouble(value.toString().trim());
      case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString().trim());
      default -> value.toString();
    };
  }

  /** {@code 2011-07-07T00:37:00.000+0000}. */
  public static String formatDateTime(Instant instant) {
    return DATETIME.format(instant);
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    return OffsetDateTime.parse(value.toString()).toInstant();
  }

  private static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().toLocalDate();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toLocalDate();
    }
    if (value instanceof LocalDateTime l) {
      return l.toLocalDate();
    }
    return LocalDate.parse(value.toString());
  }
}
