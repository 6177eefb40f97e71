package dev.sfsim.simulator.soql.ast;

import java.util.List;

/**
 * A parsed SOQL statement, before any name is checked against the catalog.
 *
 * @param where   the WHERE condition, or {@code null}
 * @param limit   the LIMIT, or {@code null}
 * @param offset  the OFFSET, or {@code null}
 */
public record SoqlQuery(
        List<SelectItem> select,
        FromClause from,
        Condition where,
        List<OrderItem> orderBy,
        RowCount limit,
        RowCount offset,
        Position position) {

    public SoqlQuery {
        select = List.copyOf(select);
        orderBy = List.copyOf(orderBy);
    }
}
