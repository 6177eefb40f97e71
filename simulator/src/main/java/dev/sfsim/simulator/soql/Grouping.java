package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.soql.ResolvedQuery.Column;
import dev.sfsim.simulator.soql.ResolvedQuery.Expr;
import dev.sfsim.simulator.soql.ast.AliasedField;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.FunctionItem;
import dev.sfsim.simulator.soql.ast.SelectItem;
import dev.sfsim.simulator.soql.ast.SoqlQuery;
import dev.sfsim.simulator.soql.ast.ValueExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate side of a query ("GROUP BY", "Aggregate Functions", "Using Aliases with GROUP BY",
 * SOQL and SOSL Reference): grouped fields must be groupable, every selected value must be grouped
 * or aggregated, and unaliased functions are named {@code expr0}, {@code expr1}, ... in SELECT
 * order.
 */
final class Grouping {
  private final SoqlSource src;
  private final FunctionResolver functions;

  Grouping(SoqlSource src, FunctionResolver functions) {
    this.src = src;
    this.functions = functions;
  }

  List<Expr> groupBy(List<ValueExpr> items) {
    List<Expr> result = new ArrayList<>();
    for (ValueExpr item : items) {
      Expr e = functions.resolve(item);
      if (e.aggregate()) {
        throw SoqlErrors.malformed(
            src, item.position(), "Grouped field should not be aggregated: " + Resolver.text(item));
      }
      if (e.function() == null && !groupable(e.field().field())) {
        throw src.error(
            item.position(),
            ErrorCode.INVALID_FIELD,
            "field '" + e.field().field().name() + "' can not be grouped in a query call");
      }
      result.add(e);
    }
    return result;
  }

  ResolvedQuery.Aggregation aggregation(SoqlQuery q, List<Expr> groupBy) {
    List<Column> columns = new ArrayList<>();
    int unnamed = 0;
    for (SelectItem item : q.select()) {
      ValueExpr value;
      String alias = null;
      if (item instanceof FieldPath p) {
        value = p;
      } else if (item instanceof AliasedField a) {
        value = a.field();
        alias = a.alias().text();
      } else if (item instanceof FunctionItem f) {
        value = f.call();
        alias = f.alias() == null ? null : f.alias().text();
      } else {
        throw SoqlErrors.malformed(
            src, item.position(), "FIELDS() cannot be used in an aggregate query");
      }
      Expr e = functions.resolve(value);
      if (!e.aggregate() && groupBy.stream().noneMatch(g -> g.key().equals(e.key()))) {
        throw SoqlErrors.malformed(
            src, item.position(), "Field must be grouped or aggregated: " + Resolver.text(value));
      }
      String name =
          alias != null
              ? alias
              : e.function() == null ? e.field().field().name() : "expr" + unnamed++;
      if (columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(name))) {
        throw SoqlErrors.malformed(src, item.position(), "duplicate alias: " + name);
      }
      columns.add(new Column(e, name));
    }
    var having =
        q.having() == null
            ? null
            : new ConditionResolver(src, functions, groupBy, null).resolve(q.having());
    return new ResolvedQuery.Aggregation(columns, groupBy, q.groupingMode(), having);
  }

  /**
   * Date-times, doubles, percents, text areas and multi-select picklists cannot be grouped
   * (describe's {@code groupable}).
   */
  static boolean groupable(SObjectField f) {
    return f.type() != FieldType.DATETIME
        && f.type() != FieldType.DOUBLE
        && f.type() != FieldType.PERCENT
        && f.type() != FieldType.TEXTAREA
        && f.type() != FieldType.MULTIPICKLIST;
  }
}
