package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.soql.ResolvedQuery.DateRange;
import dev.sfsim.simulator.soql.ResolvedQuery.Expr;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedCondition;
import dev.sfsim.simulator.soql.ast.ComparisonOperator;
import dev.sfsim.simulator.soql.ast.Condition;
import dev.sfsim.simulator.soql.ast.Literal;
import dev.sfsim.simulator.soql.ast.ValueExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a WHERE or HAVING condition. In WHERE, aggregate functions are refused; in HAVING, plain
 * fields must be grouped. Values are coerced to the compared value's type; relative date literals
 * become {@link DateRange}s bound when the query runs.
 */
final class ConditionResolver {
  private final SoqlSource src;
  private final FunctionResolver functions;
  private final @Nullable List<Expr> groupBy;
  private final ValueCoercion coercion;
  private final @Nullable Function<Condition.SemiJoin, ResolvedQuery> subqueries;

  /**
   * @param groupBy the grouped expressions for HAVING, null for WHERE
   * @param subqueries resolves semi-join sub-selects; null where they are not allowed (HAVING,
   *     inside one)
   */
  ConditionResolver(
      SoqlSource src,
      FunctionResolver functions,
      @Nullable List<Expr> groupBy,
      @Nullable Function<Condition.SemiJoin, ResolvedQuery> subqueries) {
    this.src = src;
    this.functions = functions;
    this.groupBy = groupBy;
    this.subqueries = subqueries;
    this.coercion = new ValueCoercion(src);
  }

  ResolvedCondition resolve(Condition c) {
    if (c instanceof Condition.And and) {
      return new ResolvedQuery.And(and.operands().stream().map(this::resolve).toList());
    }
    if (c instanceof Condition.Or or) {
      return new ResolvedQuery.Or(or.operands().stream().map(this::resolve).toList());
    }
    if (c instanceof Condition.Not not) {
      return new ResolvedQuery.Not(resolve(not.operand()));
    }
    if (c instanceof Condition.Comparison cmp) {
      return comparison(cmp, expr(cmp.field()));
    }
    if (c instanceof Condition.SemiJoin join) {
      return semiJoin(join, expr(join.field()));
    }
    if (c instanceof Condition.Includes inc) {
      return includes(inc, expr(inc.field()));
    }
    Condition.In in = (Condition.In) c;
    return in(in, expr(in.field()));
  }

  private Expr expr(ValueExpr v) {
    Expr e = functions.resolve(v);
    if (groupBy == null && e.aggregate()) {
      throw SoqlErrors.malformed(
          src,
          v.position(),
          "Aggregate functions are not allowed in the WHERE clause: " + Resolver.text(v));
    }
    if (groupBy != null
        && !e.aggregate()
        && groupBy.stream().noneMatch(g -> g.key().equals(e.key()))) {
      throw SoqlErrors.malformed(
          src, v.position(), "Field must be grouped or aggregated: " + Resolver.text(v));
    }
    if (ValueConversion.FORMAT.equals(e.conversion())) {
      throw SoqlErrors.malformed(
          src, v.position(), "FORMAT() can only be used in the SELECT list: " + Resolver.text(v));
    }
    if (e.function() == null) {
      coercion.checkFilterable(e.field().field(), v.position());
    }
    return e;
  }

  private ResolvedCondition comparison(Condition.Comparison cmp, Expr e) {
    Literal value = cmp.value();
    if (value instanceof Literal.Null) {
      return switch (cmp.operator()) {
        case EQ -> new ResolvedQuery.IsNull(e, false);
        case NE -> new ResolvedQuery.IsNull(e, true);
        default ->
            throw SoqlErrors.notSupported("comparing with null using " + cmp.operator().symbol());
      };
    }
    if (ValueConversion.TOLABEL.equals(e.conversion())) {
      return new LabelFilter(coercion).compare(e, cmp.operator(), value, cmp.position());
    }
    if (value instanceof Literal.Relative r
        && (e.type() == FieldType.DATE || e.type() == FieldType.DATETIME)
        && cmp.operator() != ComparisonOperator.LIKE) {
      boolean dateTime = e.type() == FieldType.DATETIME;
      return new ResolvedQuery.Compare(
          e,
          cmp.operator(),
          new DateRange(
              new DateBound(r.name(), r.n(), false, dateTime),
              new DateBound(r.name(), r.n(), true, dateTime)));
    }
    return new ResolvedQuery.Compare(
        e, cmp.operator(), coercion.coerce(fieldOf(e), cmp.operator(), value, cmp.position()));
  }

  private ResolvedCondition in(Condition.In in, Expr e) {
    if (ValueConversion.TOLABEL.equals(e.conversion())) {
      List<Object> values =
          new LabelFilter(coercion).values(e.field().field(), in.values(), in.position());
      return new ResolvedQuery.In(
          Expr.of(e.field()),
          in.negated(),
          values,
          in.values().stream().anyMatch(v -> v instanceof Literal.Null));
    }
    List<Object> values = new ArrayList<>();
    boolean withNull = false;
    for (Literal value : in.values()) {
      if (value instanceof Literal.Null) {
        withNull = true;
      } else if (value instanceof Literal.Relative
          && (e.type() == FieldType.DATE || e.type() == FieldType.DATETIME)) {
        throw SoqlErrors.notSupported("relative date literals in IN lists");
      } else {
        values.add(coercion.coerce(fieldOf(e), ComparisonOperator.EQ, value, in.position()));
      }
    }
    return new ResolvedQuery.In(e, in.negated(), values, withNull);
  }

  /**
   * {@code INCLUDES}/{@code EXCLUDES} ("Querying Multi-Select Picklists", SOQL and SOSL Reference)
   * apply to multi-select picklists only (custom fields of {@code SFSIM_CUSTOM_FIELDS}); the values
   * are quoted strings, {@code ;} joining values that must all be selected, commas separating
   * alternatives. Compared ignoring case.
   */
  private ResolvedCondition includes(Condition.Includes inc, Expr e) {
    if (e.function() != null || e.type() != FieldType.MULTIPICKLIST) {
      throw src.error(
          inc.position(),
          ErrorCode.INVALID_QUERY_FILTER_OPERATOR,
          "includes or excludes operator only valid on multipicklist field");
    }
    List<List<String>> groups = new ArrayList<>();
    for (Literal value : inc.values()) {
      String text =
          (String) coercion.coerce(e.field().field(), ComparisonOperator.EQ, value, inc.position());
      groups.add(
          java.util.Arrays.stream(text.split(";"))
              .filter(v -> !v.isEmpty())
              .map(v -> v.toLowerCase(java.util.Locale.ROOT))
              .distinct()
              .toList());
    }
    return new ResolvedQuery.Includes(e, inc.excludes(), groups);
  }

  private ResolvedCondition semiJoin(Condition.SemiJoin join, Expr e) {
    if (subqueries == null) {
      throw SoqlErrors.malformed(
          src, join.subquery().position(), "Nesting of semi join sub-selects is not supported");
    }
    if (e.function() != null || !e.type().isId()) {
      throw SoqlErrors.malformed(
          src,
          join.position(),
          "Invalid semi join: "
              + Resolver.text(join.field())
              + " must be an id or reference field");
    }
    return new ResolvedQuery.SemiJoin(e, join.negated(), subqueries.apply(join));
  }

  /**
   * The field whose type and name the value must match; a function's value is named by the call.
   */
  private static SObjectField fieldOf(Expr e) {
    if (e.function() == null) {
      return e.field().field();
    }
    String name = e.function() + "(" + (e.field() == null ? "" : e.field().field().name()) + ")";
    return new SObjectField(
        name, name, e.type(), 0, "", List.of(), null, List.of(), null, true, false, false, 0);
  }
}
