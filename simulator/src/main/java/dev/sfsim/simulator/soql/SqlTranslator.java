package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.Expr;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Translates a {@link ResolvedQuery} to one PostgreSQL SELECT (Calcite's translate step). Deleted
 * rows ({@code IsDeleted}) are left out unless the query runs as queryAll. Rows always end ordered
 * by the root id (aggregate rows by their groups), so that results and pages are stable; SOQL's
 * null ordering (first when ascending, last when descending) is spelled out, and text sorts without
 * regard to case.
 */
final class SqlTranslator {
  private SqlTranslator() {}

  static CompiledQuery translate(ResolvedQuery q, boolean includeDeleted) {
    return translate(q, includeDeleted, null);
  }

  /**
   * @param parentReference for a child sub-select, the child's reference to its parent; null
   *     otherwise
   */
  private static CompiledQuery translate(
      ResolvedQuery q,
      boolean includeDeleted,
      dev.sfsim.simulator.catalog.@Nullable SObjectField parentReference) {
    SObjectType root = q.root();
    SqlJoins joins = new SqlJoins(root);
    SqlExpressions exprs = new SqlExpressions(joins);
    List<Object> parameters = new ArrayList<>();

    ShapeBuilder shape = new ShapeBuilder(root, joins);
    List<SelectedColumn> columns = new ArrayList<>();
    List<ChildSql> children = new ArrayList<>();
    for (int i = 0; i <= q.select().size(); i++) {
      for (ResolvedQuery.Child c : q.children()) {
        if (c.position() != i) {
          continue;
        }
        shape.addChildren(c.name(), children.size());
        children.add(child(c, includeDeleted));
      }
      for (ResolvedQuery.TypeOfSelect t : q.typeOfs()) {
        if (t.position() == i) {
          shape.addTypeOf(t);
        }
      }
      if (i < q.select().size()) {
        columns.add(shape.add(q.select().get(i)));
      }
    }
    List<String> aggregateSelect = new ArrayList<>();
    List<AggregateColumn> aggregates = new ArrayList<>();
    var aggregation = q.aggregation();
    if (aggregation != null) {
      for (ResolvedQuery.Column c : aggregation.columns()) {
        Expr e = c.expr();
        String path = e.field() == null ? "" : String.join(".", e.field().outputPath());
        String display = e.function() == null ? path : e.function() + "(" + path + ")";
        if (e.conversion() != null) {
          display =
              (e.conversion().equals(ValueConversion.TOLABEL) ? "toLabel" : "FORMAT")
                  + "("
                  + display
                  + ")";
        }
        AggregateColumn column =
            new AggregateColumn(
                "a" + aggregates.size(),
                c.name(),
                e.type(),
                e.function(),
                display,
                e.conversion(),
                e.field() == null ? null : e.field().field());
        aggregateSelect.add(exprs.sql(c.expr()) + " AS " + column.alias());
        aggregates.add(column);
      }
    }

    List<String> filters = new ArrayList<>();
    if (!includeDeleted) {
      root.field("IsDeleted").ifPresent(d -> filters.add("t0." + d.column() + " = FALSE"));
    }
    SqlConditions conditions = new SqlConditions(exprs, parameters);
    if (q.where() != null) {
      filters.add(conditions.sql(q.where()));
    }
    if (parentReference != null) {
      filters.add("t0." + parentReference.column() + " = ANY(?)");
      parameters.add(ChildSql.PARENT_IDS);
    }
    String grouping = "";
    if (aggregation != null && !aggregation.groupBy().isEmpty()) {
      String keys = String.join(", ", aggregation.groupBy().stream().map(exprs::sql).toList());
      // ROLLUP and CUBE add subtotal rows whose grouped values are null; they sort after the
      // groups.
      grouping =
          " GROUP BY "
              + (aggregation.mode().isEmpty() ? keys : aggregation.mode() + "(" + keys + ")");
    }
    if (aggregation != null && aggregation.having() != null) {
      grouping += " HAVING " + conditions.sql(aggregation.having());
    }

    List<String> order = new ArrayList<>();
    for (ResolvedQuery.Order o : q.orderBy()) {
      String column = exprs.sql(o.expr());
      if (SqlExpressions.caseInsensitive(o.expr())) {
        column = "lower(" + column + ")";
      }
      order.add(
          column
              + (o.descending() ? " DESC" : " ASC")
              + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
    }
    if (aggregation == null) {
      order.add("t0." + SqlJoins.idColumnOf(root));
    } else {
      for (Expr g : aggregation.groupBy()) {
        order.add(exprs.sql(g));
      }
    }

    StringBuilder body = new StringBuilder(" FROM ").append(joins.from());
    if (!filters.isEmpty()) {
      body.append(" WHERE ").append(String.join(" AND ", filters));
    }
    body.append(grouping);
    if (parentReference != null) {
      return childStatement(
          q, shape, columns, body.toString(), order, parentReference, parameters, children);
    }
    String paging = paging(q, parameters);

    if (q.countOnly()) {
      String sql =
          paging.isEmpty() && grouping.isEmpty()
              ? "SELECT count(*) AS total" + body
              : "SELECT count(*) AS total FROM (SELECT 1" + body + paging + ") q";
      return new CompiledQuery(
          sql, null, parameters, root, true, List.of(), null, List.of(), List.of());
    }
    String orderBy = order.isEmpty() ? "" : " ORDER BY " + String.join(", ", order);
    if (aggregation != null) {
      String sql = "SELECT " + String.join(", ", aggregateSelect) + body + orderBy + paging;
      return new CompiledQuery(
          sql, null, parameters, root, false, List.of(), null, aggregates, List.of());
    }
    String sql = "SELECT " + String.join(", ", shape.selectList()) + body + orderBy + paging;
    String pageSql =
        paging.isEmpty()
            ? sql + " LIMIT ? OFFSET ?"
            : "SELECT * FROM (" + sql + ") p LIMIT ? OFFSET ?";
    return new CompiledQuery(
        sql, pageSql, parameters, root, false, columns, shape.build(), List.of(), children);
  }

  private static ChildSql child(ResolvedQuery.Child c, boolean includeDeleted) {
    CompiledQuery q = translate(c.query(), includeDeleted, c.reference());
    return new ChildSql(c.name(), q.sql(), q.parameters(), q.shape(), q.children());
  }

  /**
   * Rows of every parent of the page in one statement; LIMIT applies per parent (row_number over
   * the parent).
   */
  private static CompiledQuery childStatement(
      ResolvedQuery q,
      ShapeBuilder shape,
      List<SelectedColumn> columns,
      String body,
      List<String> order,
      dev.sfsim.simulator.catalog.SObjectField reference,
      List<Object> parameters,
      List<ChildSql> children) {
    String parent = "t0." + reference.column();
    String select = String.join(", ", shape.selectList()) + ", " + parent + " AS p0";
    String sql;
    if (q.limit() == null) {
      sql = "SELECT " + select + body + " ORDER BY " + parent + ", " + String.join(", ", order);
    } else {
      sql =
          "SELECT * FROM (SELECT "
              + select
              + ", row_number() OVER (PARTITION BY "
              + parent
              + " ORDER BY "
              + String.join(", ", order)
              + ") AS rn"
              + body
              + ") c WHERE rn <= ? ORDER BY p0, rn";
      parameters.add(q.limit());
    }
    return new CompiledQuery(
        sql, null, parameters, q.root(), false, columns, shape.build(), List.of(), children);
  }

  /**
   * The sub-select of a semi-join: its one column, never null, from live rows ({@code s0}, {@code
   * s1}, ... aliases).
   */
  static String semiJoin(ResolvedQuery q, List<Object> parameters) {
    SqlJoins joins = new SqlJoins(q.root(), "s");
    String column = joins.column(q.select().get(0));
    List<String> filters = new ArrayList<>();
    q.root().field("IsDeleted").ifPresent(d -> filters.add("s0." + d.column() + " = FALSE"));
    filters.add(column + " IS NOT NULL");
    if (q.where() != null) {
      filters.add(new SqlConditions(new SqlExpressions(joins), parameters).sql(q.where()));
    }
    return "SELECT " + column + " FROM " + joins.from() + " WHERE " + String.join(" AND ", filters);
  }

  private static String paging(ResolvedQuery q, List<Object> parameters) {
    StringBuilder sb = new StringBuilder();
    if (q.limit() != null) {
      sb.append(" LIMIT ?");
      parameters.add(q.limit());
    }
    if (q.offset() != null) {
      sb.append(" OFFSET ?");
      parameters.add(q.offset());
    }
    return sb.toString();
  }
}
