package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates a {@link ResolvedQuery} to one PostgreSQL SELECT (Calcite's translate step). Deleted rows
 * ({@code IsDeleted}) are left out unless the query runs as queryAll. Rows always end ordered by the root id, so
 * that results are stable; SOQL's null ordering (first when ascending, last when descending) is spelled out,
 * and text sorts without regard to case.
 */
final class SqlTranslator {
    private SqlTranslator() {}

    static CompiledQuery translate(ResolvedQuery q, boolean includeDeleted) {
        SObjectType root = q.root();
        SqlJoins joins = new SqlJoins(root);
        List<Object> parameters = new ArrayList<>();

        ShapeBuilder shape = new ShapeBuilder(root, joins);
        List<SelectedColumn> columns = new ArrayList<>();
        for (ResolvedField f : q.select()) columns.add(shape.add(f));

        List<String> filters = new ArrayList<>();
        if (!includeDeleted) root.field("IsDeleted").ifPresent(d -> filters.add("t0." + d.column() + " = FALSE"));
        if (q.where() != null) filters.add(new SqlConditions(joins, parameters).sql(q.where()));

        List<String> order = new ArrayList<>();
        for (ResolvedQuery.Order o : q.orderBy()) {
            String column = joins.column(o.field());
            if (SqlConditions.caseInsensitive(o.field())) column = "lower(" + column + ")";
            order.add(column + (o.descending() ? " DESC" : " ASC") + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
        }
        order.add("t0." + SqlJoins.idColumnOf(root));

        StringBuilder body = new StringBuilder(" FROM ").append(joins.from());
        if (!filters.isEmpty()) body.append(" WHERE ").append(String.join(" AND ", filters));
        String paging = paging(q, parameters);

        if (q.countOnly()) {
            String sql = paging.isEmpty() ? "SELECT count(*) AS total" + body
                    : "SELECT count(*) AS total FROM (SELECT 1" + body + paging + ") q";
            return new CompiledQuery(sql, parameters, root, true, List.of(), null);
        }
        String sql = "SELECT " + String.join(", ", shape.selectList()) + body
                + " ORDER BY " + String.join(", ", order) + paging;
        return new CompiledQuery(sql, parameters, root, false, columns, shape.build());
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
