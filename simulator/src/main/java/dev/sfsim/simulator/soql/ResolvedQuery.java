package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ast.ComparisonOperator;

import java.util.List;

/**
 * A query whose names are checked against the catalog at the request's API version and whose values are
 * coerced to the compared field's type; only catalog names remain (never request text).
 *
 * @param countOnly {@code SELECT COUNT()}; then {@code select} is empty
 * @param where     null when there is no WHERE
 * @param limit     null when there is no LIMIT
 * @param offset    null when there is no OFFSET
 */
record ResolvedQuery(SObjectType root, boolean countOnly, List<ResolvedField> select, ResolvedCondition where,
                     List<Order> orderBy, Long limit, Long offset) {

    /** One parent lookup step: the reference field followed and the object it leads to. */
    record Hop(SObjectField reference, SObjectType target) {
    }

    /**
     * A field reached from the root through zero or more parent lookups.
     *
     * @param outputPath canonical names: relationship names, then the field name
     */
    record ResolvedField(List<Hop> hops, SObjectField field, List<String> outputPath) {
        ResolvedField {
            hops = List.copyOf(hops);
            outputPath = List.copyOf(outputPath);
        }
    }

    record Order(ResolvedField field, boolean descending, boolean nullsFirst) {
    }

    /** WHERE conditions with coerced values (never null values: null tests are {@link IsNull}). */
    sealed interface ResolvedCondition {
    }

    record And(List<ResolvedCondition> operands) implements ResolvedCondition {
    }

    record Or(List<ResolvedCondition> operands) implements ResolvedCondition {
    }

    record Not(ResolvedCondition operand) implements ResolvedCondition {
    }

    /** {@code field op value}; for LIKE the value is a PostgreSQL pattern with backslash escapes. */
    record Compare(ResolvedField field, ComparisonOperator operator, Object value) implements ResolvedCondition {
    }

    record IsNull(ResolvedField field, boolean negated) implements ResolvedCondition {
    }

    /** {@code field [NOT] IN (values)}, {@code withNull} when the list held {@code null}. */
    record In(ResolvedField field, boolean negated, List<Object> values, boolean withNull) implements ResolvedCondition {
        In {
            values = List.copyOf(values);
        }
    }
}
