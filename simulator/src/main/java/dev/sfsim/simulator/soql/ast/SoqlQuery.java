package dev.sfsim.simulator.soql.ast;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed SOQL statement, before any name is checked against the catalog.
 *
 * @param where the WHERE condition, or {@code null}
 * @param groupBy the GROUP BY expressions, empty when none
 * @param groupingMode {@code ROLLUP} or {@code CUBE} for {@code GROUP BY ROLLUP(...)} / {@code
 *     CUBE(...)}, else empty
 * @param having the HAVING condition, or {@code null}
 * @param limit the LIMIT, or {@code null}
 * @param offset the OFFSET, or {@code null}
 */
public record SoqlQuery(
    List<SelectItem> select,
    FromClause from,
    @Nullable Condition where,
    List<ValueExpr> groupBy,
    String groupingMode,
    @Nullable Condition having,
    List<OrderItem> orderBy,
    @Nullable RowCount limit,
    @Nullable RowCount offset,
    Position position) {

  public SoqlQuery {
    select = List.copyOf(select);
    groupBy = List.copyOf(groupBy);
    orderBy = List.copyOf(orderBy);
  }
}
