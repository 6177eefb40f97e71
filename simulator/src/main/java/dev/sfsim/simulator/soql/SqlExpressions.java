package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.soql.ResolvedQuery.Expr;

/**
 * A field or function in SQL. Date functions read date-times in the org's time zone (GMT) and
 * follow "Date Functions" (SOQL and SOSL Reference): {@code DAY_IN_WEEK} 1 = Sunday, {@code
 * WEEK_IN_MONTH} days 1-7 are week 1, fiscal functions use the default fiscal year (January start).
 * SUM and AVG answer doubles.
 */
final class SqlExpressions {
  private final SqlJoins joins;

  SqlExpressions(SqlJoins joins) {
    this.joins = joins;
  }

  String sql(Expr e) {
    if (e.field() == null) {
      return "count(*)";
    }
    String column = joins.column(e.field());
    if (e.function() == null) {
      return column;
    }
    String local =
        e.field().field().type() == FieldType.DATETIME
            ? "(" + column + " AT TIME ZONE 'UTC')"
            : column;
    return switch (e.function()) {
      case "COUNT" -> "count(" + column + ")";
      case "COUNT_DISTINCT" ->
          "count(DISTINCT "
              + (caseInsensitive(Expr.of(e.field())) ? "lower(" + column + ")" : column)
              + ")";
      case "SUM" -> "CAST(sum(" + column + ") AS double precision)";
      case "AVG" -> "CAST(avg(" + column + ") AS double precision)";
      case "MIN" -> "min(" + column + ")";
      case "MAX" -> "max(" + column + ")";
      case "DAY_ONLY" -> "CAST(" + local + " AS date)";
      case "HOUR_IN_DAY" -> extract("hour", local);
      case "CALENDAR_MONTH", "FISCAL_MONTH" -> extract("month", local);
      case "CALENDAR_QUARTER", "FISCAL_QUARTER" -> extract("quarter", local);
      case "CALENDAR_YEAR", "FISCAL_YEAR" -> extract("year", local);
      case "DAY_IN_MONTH" -> extract("day", local);
      case "DAY_IN_WEEK" -> "CAST(extract(dow FROM " + local + ") + 1 AS integer)";
      case "DAY_IN_YEAR" -> extract("doy", local);
      case "WEEK_IN_MONTH" ->
          "CAST(floor((extract(day FROM " + local + ") - 1) / 7) + 1 AS integer)";
      case "WEEK_IN_YEAR" ->
          "CAST(floor((extract(doy FROM " + local + ") - 1) / 7) + 1 AS integer)";
      default -> throw new IllegalStateException("unresolved function " + e.function());
    };
  }

  private static String extract(String part, String value) {
    return "CAST(extract(" + part + " FROM " + value + ") AS integer)";
  }

  /** Text other than ids compares without regard to case in SOQL (also MIN/MAX of text). */
  static boolean caseInsensitive(Expr e) {
    FieldType type = e.type();
    boolean keepsText =
        e.function() == null || e.function().equals("MIN") || e.function().equals("MAX");
    return keepsText && type.isText() && !type.isId();
  }
}
