package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.FormattedValues;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.soql.ResolvedQuery.Expr;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.FunctionCall;
import dev.sfsim.simulator.soql.ast.ValueExpr;

/**
 * Resolves fields and functions of fields, checking the field types each function accepts ("Support
 * for Field Types in Aggregate Functions", "Date Functions", SOQL and SOSL Reference) and deriving
 * the result type: {@code COUNT}/{@code COUNT_DISTINCT} and date functions yield integers ({@code
 * DAY_ONLY} a date), {@code SUM}/{@code AVG} doubles (currencies of a currency field), {@code
 * MIN}/{@code MAX} the field's type.
 */
final class FunctionResolver {
  private final SoqlSource src;
  private final FieldResolver fields;

  FunctionResolver(SoqlSource src, FieldResolver fields) {
    this.src = src;
    this.fields = fields;
  }

  Expr resolve(ValueExpr e) {
    return e instanceof FieldPath p ? Expr.of(fields.resolve(p)) : function((FunctionCall) e);
  }

  private Expr function(FunctionCall call) {
    String fn = call.name();
    if (fn.equals(ValueConversion.TOLABEL) || fn.equals(ValueConversion.FORMAT)) {
      return conversion(call);
    }
    if (call.field() == null) {
      if (fn.equals("COUNT")) {
        return new Expr(fn, null, FieldType.INT);
      }
      throw SoqlErrors.unexpectedToken(src, call.position(), ")");
    }
    ResolvedField f = fields.resolve(call.field());
    FieldType type = f.field().type();
    return switch (fn) {
      case "COUNT", "COUNT_DISTINCT" ->
          new Expr(
              fn,
              require(
                  call,
                  f,
                  type != FieldType.BOOLEAN && type != FieldType.MULTIPICKLIST,
                  "aggregate operator"),
              FieldType.INT);
      case "SUM", "AVG" ->
          new Expr(
              fn,
              require(call, f, type == FieldType.INT || type.isDecimal(), "aggregate operator"),
              type == FieldType.CURRENCY ? FieldType.CURRENCY : FieldType.DOUBLE);
      case "MIN", "MAX" ->
          new Expr(
              fn,
              require(
                  call,
                  f,
                  type != FieldType.BOOLEAN && type != FieldType.MULTIPICKLIST,
                  "aggregate operator"),
              type);
      case "DAY_ONLY" ->
          new Expr(
              fn, require(call, f, type == FieldType.DATETIME, "date function"), FieldType.DATE);
      case "HOUR_IN_DAY" ->
          new Expr(
              fn, require(call, f, type == FieldType.DATETIME, "date function"), FieldType.INT);
      case "CALENDAR_MONTH",
          "CALENDAR_QUARTER",
          "CALENDAR_YEAR",
          "DAY_IN_MONTH",
          "DAY_IN_WEEK",
          "DAY_IN_YEAR",
          "FISCAL_MONTH",
          "FISCAL_QUARTER",
          "FISCAL_YEAR",
          "WEEK_IN_MONTH",
          "WEEK_IN_YEAR" ->
          new Expr(
              fn,
              require(
                  call, f, type == FieldType.DATE || type == FieldType.DATETIME, "date function"),
              FieldType.INT);
      default -> throw SoqlErrors.notSupported("function " + fn + "()");
    };
  }

  /**
   * {@code toLabel(picklist)} ("toLabel()") and {@code FORMAT(field)} / {@code FORMAT(MIN(field))}
   * ("FORMAT()"): the value they wrap, shown converted. toLabel() of other types and FORMAT() of
   * values that are not numbers, currencies, dates or date-times are not emulated (501).
   */
  private Expr conversion(FunctionCall call) {
    Expr e = call.inner() != null ? function(call.inner()) : Expr.of(fields.resolve(call.field()));
    if (e.conversion() != null) {
      throw SoqlErrors.notSupported("function " + call.name() + "() of " + e.conversion() + "()");
    }
    boolean ok =
        call.name().equals(ValueConversion.TOLABEL)
            ? e.type() == FieldType.PICKLIST
            : FormattedValues.formattable(e.type());
    if (!ok) {
      throw SoqlErrors.notSupported(
          "function " + call.name() + "() of a " + e.type().describeName() + " value");
    }
    return e.converted(call.name());
  }

  /** Checks that the function accepts the field's type; returns the field. */
  private ResolvedField require(FunctionCall call, ResolvedField f, boolean ok, String kind) {
    if (!ok) {
      throw src.error(
          call.position(),
          ErrorCode.INVALID_FIELD,
          "field " + f.field().name() + " does not support " + kind + " " + call.name());
    }
    return f;
  }
}
