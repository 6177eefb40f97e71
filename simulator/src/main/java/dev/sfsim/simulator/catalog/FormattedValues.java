package dev.sfsim.simulator.catalog;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Values as SOQL's {@code FORMAT()} shows them ("FORMAT()", SOQL and SOSL Reference): in the
 * running user's locale and time zone, which in the simulated org are en_US and GMT (its users have
 * no LocaleSidKey/TimeZoneSidKey). Date-times {@code 4/10/2025, 3:31 PM} and currencies {@code
 * $44,000.00} follow the reference's examples; dates {@code 12/28/2015} its en_US example; integers
 * {@code 1,234} and other numbers {@code 1,234.5} (up to three decimals) are inferred from the
 * en_US number format.
 */
public final class FormattedValues {
  private static final Locale LOCALE = Locale.US;
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("M/d/yyyy, h:mm a", LOCALE).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", LOCALE);
  private static final DateTimeFormatter JSON_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private FormattedValues() {}

  /** Whether {@code FORMAT()} applies to the type: numbers, currencies, dates and date-times. */
  public static boolean formattable(FieldType type) {
    return switch (type) {
      case INT, DOUBLE, CURRENCY, PERCENT, DATE, DATETIME -> true;
      default -> false;
    };
  }

  /**
   * The formatted text of a value.
   *
   * @param json the value as {@link FieldValues#toJson(FieldType, Object)} answers it (not null)
   */
  public static String format(FieldType type, Object json) {
    return switch (type) {
      case DATETIME -> DATETIME.format(OffsetDateTime.parse(json.toString(), JSON_DATETIME));
      case DATE -> DATE.format(LocalDate.parse(json.toString()));
      case INT -> number("#,##0").format(((Number) json).longValue());
      case CURRENCY -> number("$#,##0.00").format(new BigDecimal(json.toString()));
      case DOUBLE -> number("#,##0.###").format(new BigDecimal(json.toString()));
      case PERCENT -> number("#,##0.###'%'").format(new BigDecimal(json.toString()));
      default -> json.toString();
    };
  }

  /** DecimalFormat is not thread-safe: a new one per value (cheap next to a query). */
  private static DecimalFormat number(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(LOCALE));
  }
}
