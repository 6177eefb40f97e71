package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.soql.ast.ComparisonOperator;
import dev.sfsim.simulator.soql.ast.Literal;
import dev.sfsim.simulator.soql.ast.Position;
import java.time.ZoneOffset;

/**
 * Coerces a WHERE literal to the compared field's type, as "fieldExpression Syntax" (SOQL and SOSL
 * Reference) requires ("You must supply a value whose data type matches the field type"): ids
 * accept 15 or 18 characters and compare as 18; text needs quotes; booleans, numbers, dates and
 * date-times must not have them.
 */
final class ValueCoercion {
  /** Long text areas (over 255 characters) cannot be filtered or sorted on. */
  static final int MAX_FILTERABLE_TEXTAREA = 255;

  private final SoqlSource src;

  ValueCoercion(SoqlSource src) {
    this.src = src;
  }

  /**
   * The Java value to bind: String (18-char id, or text), Boolean, BigDecimal, LocalDate,
   * OffsetDateTime in UTC; for LIKE the PostgreSQL pattern. Null literals are handled by the
   * caller.
   */
  Object coerce(SObjectField field, ComparisonOperator op, Literal literal, Position at) {
    FieldType type = field.type();
    // "Querying Multi-Select Picklists": =, != (and INCLUDES/EXCLUDES) only.
    boolean multiOrder =
        type == FieldType.MULTIPICKLIST
            && op != ComparisonOperator.EQ
            && op != ComparisonOperator.NE;
    if (multiOrder || op == ComparisonOperator.LIKE && !(type.isText() && !type.isId())) {
      throw src.error(
          at,
          SoqlErrors.INVALID_QUERY_FILTER_OPERATOR,
          "invalid operator on " + (type.isId() ? "id" : type.describeName()) + " field");
    }
    return switch (type) {
      case ID, REFERENCE -> id(field, literal, at);
      case STRING, TEXTAREA, PICKLIST, URL, EMAIL, PHONE -> {
        if (!(literal instanceof Literal.Str s)) {
          throw mismatch(field, "string", true, at);
        }
        yield op == ComparisonOperator.LIKE ? s.value().likePattern() : s.value().value();
      }
      case BOOLEAN -> {
        if (!(literal instanceof Literal.Bool b)) {
          throw mismatch(field, "boolean", false, at);
        }
        yield b.value();
      }
      case MULTIPICKLIST -> {
        if (!(literal instanceof Literal.Str s)) {
          throw mismatch(field, "string", true, at);
        }
        yield multipicklist(field, s.value().value());
      }
      case INT, DOUBLE, CURRENCY, PERCENT -> {
        if (!(literal instanceof Literal.Number n)) {
          throw mismatch(field, type == FieldType.INT ? "integer" : "double", false, at);
        }
        yield n.value();
      }
      case DATE -> {
        if (!(literal instanceof Literal.Date d)) {
          throw mismatch(field, "date", false, at);
        }
        yield d.value();
      }
      case DATETIME -> {
        if (!(literal instanceof Literal.DateTime d)) {
          throw mismatch(field, "dateTime", false, at);
        }
        yield d.value().withOffsetSameInstant(ZoneOffset.UTC);
      }
    };
  }

  /**
   * A multi-select picklist value as stored: trimmed values without duplicates, the field's values
   * first in its order (matched ignoring case), so {@code = 'b;a'} finds the record saved as {@code
   * a;b}; unknown values follow.
   */
  static String multipicklist(SObjectField field, String text) {
    java.util.LinkedHashSet<String> given = new java.util.LinkedHashSet<>();
    for (String v : text.split(";")) {
      if (!v.trim().isEmpty()) {
        given.add(v.trim().toLowerCase(java.util.Locale.ROOT));
      }
    }
    java.util.List<String> ordered = new java.util.ArrayList<>();
    for (String v : field.picklistValues()) {
      if (given.remove(v.toLowerCase(java.util.Locale.ROOT))) {
        ordered.add(v);
      }
    }
    ordered.addAll(given);
    return String.join(";", ordered);
  }

  /** Long text areas cannot be filtered ("field 'X' can not be filtered in a query call"). */
  void checkFilterable(SObjectField field, Position at) {
    if (isLongText(field)) {
      throw src.error(
          at,
          SoqlErrors.INVALID_FIELD,
          "field '" + field.name() + "' can not be filtered in a query call");
    }
  }

  void checkSortable(SObjectField field, Position at) {
    if (isLongText(field) || field.type() == FieldType.MULTIPICKLIST) {
      throw src.error(
          at,
          SoqlErrors.INVALID_FIELD,
          "field '" + field.name() + "' can not be sorted in a query call");
    }
  }

  private static boolean isLongText(SObjectField field) {
    return field.type() == FieldType.TEXTAREA && field.length() > MAX_FILTERABLE_TEXTAREA;
  }

  private String id(SObjectField field, Literal literal, Position at) {
    if (!(literal instanceof Literal.Str s)) {
      throw mismatch(field, "id", true, at);
    }
    String text = s.value().value();
    return SalesforceIds.parse(text)
        .orElseThrow(
            () ->
                src.error(
                    at, SoqlErrors.INVALID_QUERY_FILTER_OPERATOR, "invalid ID field: " + text));
  }

  private SalesforceException mismatch(
      SObjectField field, String type, boolean quoted, Position at) {
    return src.error(
        at,
        SoqlErrors.INVALID_FIELD,
        "value of filter criterion for field '"
            + field.name()
            + "' must be of type "
            + type
            + " and should "
            + (quoted ? "" : "not ")
            + "be enclosed in quotes");
  }
}
