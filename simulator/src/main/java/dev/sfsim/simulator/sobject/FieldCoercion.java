package dev.sfsim.simulator.sobject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a JSON value of a record body into the value stored for a field, as the REST API coerces
 * it: numbers and booleans may arrive as strings ({@code {"Seq":"1"}}), datetimes as {@code …Z},
 * {@code ….123Z}, {@code +00:00} or {@code +0000}; ids as 15 or 18 characters (stored as 18).
 * Picklists are restricted. Errors carry Salesforce's codes and the field's label ("Status Codes
 * and Error Responses").
 */
final class FieldCoercion {
  private static final DateTimeFormatter DATETIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm[:ss]")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .appendPattern("[XXX][XX][X]")
          .toFormatter();

  private FieldCoercion() {}

  /**
   * @return the value to bind (String, Boolean, Integer, Double, LocalDate, OffsetDateTime) or null
   * @throws SalesforceException 400 with {@code INVALID_TYPE_ON_FIELD_IN_RECORD}, {@code
   *     STRING_TOO_LONG}, {@code INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST} or {@code MALFORMED_ID}
   */
  static @Nullable Object coerce(SObjectField f, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isContainerNode()) {
      throw wrongType(f, v.toString());
    }
    String text = v.asText();
    if (text.indexOf('\u0000') >= 0) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_TYPE_ON_FIELD_IN_RECORD,
          f.label() + ": value contains a NUL character",
          List.of(f.name()));
    }
    return switch (f.type()) {
      case BOOLEAN -> bool(f, v, text);
      case INT -> integer(f, v, text);
      case DOUBLE, CURRENCY, PERCENT -> dbl(f, v, text);
      case DATE -> date(f, text);
      case DATETIME -> datetime(f, text);
      case ID, REFERENCE -> id(f, text);
      case PICKLIST -> picklist(f, text);
      case MULTIPICKLIST -> multipicklist(f, text);
      default -> string(f, text);
    };
  }

  private static Boolean bool(SObjectField f, JsonNode v, String text) {
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw wrongType(f, text);
  }

  private static Integer integer(SObjectField f, JsonNode v, String text) {
    try {
      if (v.isNumber()) {
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
          throw wrongType(f, text);
        }
        return v.intValue();
      }
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw wrongType(f, text);
    }
  }

  private static Double dbl(SObjectField f, JsonNode v, String text) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    try {
      return Double.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw wrongType(f, text);
    }
  }

  private static LocalDate date(SObjectField f, String text) {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw wrongType(f, text);
    }
  }

  private static OffsetDateTime datetime(SObjectField f, String text) {
    try {
      return OffsetDateTime.parse(text, DATETIME);
    } catch (DateTimeParseException e) {
      throw wrongType(f, text);
    }
  }

  private static String id(SObjectField f, String text) {
    return SalesforceIds.parse(text)
        .orElseThrow(
            () ->
                SalesforceException.badRequest(
                    ErrorCode.MALFORMED_ID,
                    f.label() + ": id value of incorrect type: " + text,
                    List.of(f.name())));
  }

  private static String picklist(SObjectField f, String text) {
    if (!f.picklistValues().contains(text)) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
          f.label() + ": bad value for restricted picklist field: " + text,
          List.of(f.name()));
    }
    return text;
  }

  /**
   * A multi-select picklist value, {@code a;b}: each value must be one of the field's (restricted);
   * stored without duplicates, in the field's value order (as SOQL and the API read it back,
   * whatever order was sent), or null when nothing is selected.
   */
  private static @Nullable String multipicklist(SObjectField f, String text) {
    java.util.Set<String> selected = new java.util.HashSet<>();
    for (String v : text.split(";")) {
      String value = v.trim();
      if (value.isEmpty()) {
        continue;
      }
      if (!f.picklistValues().contains(value)) {
        throw SalesforceException.badRequest(
            ErrorCode.INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
            f.label() + ": bad value for restricted picklist field: " + value,
            List.of(f.name()));
      }
      selected.add(value);
    }
    if (selected.isEmpty()) {
      return null;
    }
    return String.join(";", f.picklistValues().stream().filter(selected::contains).toList());
  }

  private static String string(SObjectField f, String text) {
    if (f.length() > 0 && text.length() > f.length()) {
      throw SalesforceException.badRequest(
          ErrorCode.STRING_TOO_LONG,
          f.label()
              + ": data value too large: "
              + abbreviate(text)
              + " (max length="
              + f.length()
              + ")",
          List.of(f.name()));
    }
    return text;
  }

  private static SalesforceException wrongType(SObjectField f, String text) {
    String expected = f.type() == FieldType.DATETIME ? "dateTime" : f.type().describeName();
    return SalesforceException.badRequest(
        ErrorCode.INVALID_TYPE_ON_FIELD_IN_RECORD,
        f.label()
            + ": value not of required type: "
            + abbreviate(text)
            + " (expected "
            + expected
            + ")",
        List.of(f.name()));
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
