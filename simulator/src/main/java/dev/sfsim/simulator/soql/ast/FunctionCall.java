package dev.sfsim.simulator.soql.ast;

import org.jspecify.annotations.Nullable;

/**
 * A SOQL function over a field: aggregates ({@code COUNT}, {@code COUNT_DISTINCT}, {@code SUM},
 * {@code AVG}, {@code MIN}, {@code MAX}) and date functions ({@code CALENDAR_MONTH}, {@code
 * DAY_ONLY}, ...), as in "Aggregate Functions" and "Date Functions" (SOQL and SOSL Reference).
 *
 * @param name the function name, upper case
 * @param field the argument; null for {@code COUNT()} and for a function of a function
 * @param inner the argument of {@code FORMAT(MIN(...))}: a function; null otherwise
 */
public record FunctionCall(
    String name, @Nullable FieldPath field, Position position, @Nullable FunctionCall inner)
    implements ValueExpr {

  /** A function of a field. */
  public FunctionCall(String name, @Nullable FieldPath field, Position position) {
    this(name, field, position, null);
  }

  /** Whether this is an aggregate function (as opposed to a date function). */
  public boolean aggregate() {
    return switch (name) {
      case "COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX" -> true;
      default -> false;
    };
  }

  /** The call as written in upper case, {@code COUNT(Id)}. */
  public String text() {
    return name + "(" + (inner != null ? inner.text() : field == null ? "" : field.text()) + ")";
  }
}
