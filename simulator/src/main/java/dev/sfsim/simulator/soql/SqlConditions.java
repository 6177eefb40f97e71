package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedCondition;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * WHERE conditions in SQL with SOQL's semantics ("Comparison Operators", SOQL and SOSL Reference):
 * <ul>
 *   <li>text comparisons ignore case ({@code lower()} on both sides; LIKE is ILIKE), ids compare exactly;</li>
 *   <li>{@code !=} and {@code NOT IN} also match nulls, and {@code NOT} is two-valued — a comparison with a null
 *       field is false, never unknown.</li>
 * </ul>
 * Values are appended to {@code parameters} in placeholder order.
 */
final class SqlConditions {
    private final SqlJoins joins;
    private final List<Object> parameters;

    SqlConditions(SqlJoins joins, List<Object> parameters) {
        this.joins = joins;
        this.parameters = parameters;
    }

    String sql(ResolvedCondition c) {
        if (c instanceof ResolvedQuery.And and) return join(and.operands(), " AND ");
        if (c instanceof ResolvedQuery.Or or) return join(or.operands(), " OR ");
        // COALESCE turns SQL's unknown into false before negating, as two-valued SOQL does.
        if (c instanceof ResolvedQuery.Not not) return "NOT COALESCE(" + sql(not.operand()) + ", FALSE)";
        if (c instanceof ResolvedQuery.IsNull n) return isNull(n);
        if (c instanceof ResolvedQuery.Compare cmp) return compare(cmp);
        return in((ResolvedQuery.In) c);
    }

    private String join(List<ResolvedCondition> operands, String operator) {
        return operands.stream().map(this::sql).collect(Collectors.joining(operator, "(", ")"));
    }

    /** "Use null in WHERE": on a boolean field {@code = null} matches false and {@code != null} matches true. */
    private String isNull(ResolvedQuery.IsNull n) {
        String column = joins.column(n.field());
        if (n.field().field().type() == FieldType.BOOLEAN) return column + (n.negated() ? " IS TRUE" : " IS NOT TRUE");
        return column + (n.negated() ? " IS NOT NULL" : " IS NULL");
    }

    private String compare(ResolvedQuery.Compare cmp) {
        parameters.add(cmp.value());
        String column = joins.column(cmp.field());
        if (!caseInsensitive(cmp.field())) {
            return switch (cmp.operator()) {
                case NE -> column + " IS DISTINCT FROM ?";
                case LIKE -> column + " ILIKE ?";
                default -> column + " " + cmp.operator().symbol() + " ?";
            };
        }
        return switch (cmp.operator()) {
            case NE -> "lower(" + column + ") IS DISTINCT FROM lower(?)";
            case LIKE -> column + " ILIKE ?";
            default -> "lower(" + column + ") " + cmp.operator().symbol() + " lower(?)";
        };
    }

    private String in(ResolvedQuery.In in) {
        String column = joins.column(in.field());
        if (in.values().isEmpty()) return column + (in.negated() ? " IS NOT NULL" : " IS NULL");
        boolean ci = caseInsensitive(in.field());
        parameters.addAll(in.values());
        String list = String.join(", ", Collections.nCopies(in.values().size(), ci ? "lower(?)" : "?"));
        String test = (ci ? "lower(" + column + ")" : column) + (in.negated() ? " NOT IN (" : " IN (") + list + ")";
        if (in.negated()) {
            return in.withNull() ? "(" + column + " IS NOT NULL AND " + test + ")" : "(" + column + " IS NULL OR " + test + ")";
        }
        return in.withNull() ? "(" + column + " IS NULL OR " + test + ")" : test;
    }

    /** Text other than ids compares without regard to case in SOQL. */
    static boolean caseInsensitive(ResolvedField f) {
        FieldType type = f.field().type();
        return type.isText() && !type.isId();
    }
}
