package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedCondition;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import dev.sfsim.simulator.soql.ast.ComparisonOperator;
import dev.sfsim.simulator.soql.ast.Condition;
import dev.sfsim.simulator.soql.ast.CountAll;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.Literal;
import dev.sfsim.simulator.soql.ast.OrderItem;
import dev.sfsim.simulator.soql.ast.SelectItem;
import dev.sfsim.simulator.soql.ast.SoqlQuery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a {@link SoqlQuery} against the catalog at one API version (Calcite's validate step): the object
 * must exist at that version ({@code INVALID_TYPE}), every field and relationship too ({@code INVALID_FIELD}),
 * and every value must fit its field's type.
 */
final class Resolver {
    private final Catalog catalog;
    private final double apiVersion;
    private final SoqlSource src;
    private final ValueCoercion coercion;

    Resolver(Catalog catalog, double apiVersion, SoqlSource src) {
        this.catalog = catalog;
        this.apiVersion = apiVersion;
        this.src = src;
        this.coercion = new ValueCoercion(src);
    }

    ResolvedQuery resolve(SoqlQuery q) {
        var object = q.from().object();
        SObjectType root = catalog.find(object.text(), apiVersion)
                .orElseThrow(() -> SoqlErrors.unknownType(src, object.position(), object.text()));
        FieldResolver fields = new FieldResolver(catalog, apiVersion, src, root, q.from().alias());

        boolean countOnly = q.select().stream().anyMatch(i -> i instanceof CountAll);
        if (countOnly && q.select().size() > 1) {
            throw SoqlErrors.malformed(src, q.select().get(1).position(), "COUNT() must be the only element in the SELECT list");
        }
        List<ResolvedField> select = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SelectItem item : countOnly ? List.<SelectItem>of() : q.select()) {
            ResolvedField f = fields.resolve((FieldPath) item);
            String key = String.join(".", f.outputPath()).toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw src.error(item.position(), SoqlErrors.INVALID_FIELD, "duplicate field selected: " + String.join(".", f.outputPath()));
            }
            select.add(f);
        }
        ResolvedCondition where = q.where() == null ? null : condition(q.where(), fields);
        List<ResolvedQuery.Order> orderBy = new ArrayList<>();
        for (OrderItem o : q.orderBy()) {
            ResolvedField f = fields.resolve(o.field());
            coercion.checkSortable(f.field(), o.field().position());
            orderBy.add(new ResolvedQuery.Order(f, o.descending(), o.nullsFirst()));
        }
        return new ResolvedQuery(root, countOnly, select, where, orderBy,
                q.limit() == null ? null : q.limit().value(), q.offset() == null ? null : q.offset().value());
    }

    private ResolvedCondition condition(Condition c, FieldResolver fields) {
        if (c instanceof Condition.And and) {
            return new ResolvedQuery.And(and.operands().stream().map(o -> condition(o, fields)).toList());
        }
        if (c instanceof Condition.Or or) {
            return new ResolvedQuery.Or(or.operands().stream().map(o -> condition(o, fields)).toList());
        }
        if (c instanceof Condition.Not not) return new ResolvedQuery.Not(condition(not.operand(), fields));
        if (c instanceof Condition.Comparison cmp) return comparison(cmp, fields.resolve(cmp.field()));
        Condition.In in = (Condition.In) c;
        return in(in, fields.resolve(in.field()));
    }

    private ResolvedCondition comparison(Condition.Comparison cmp, ResolvedField f) {
        coercion.checkFilterable(f.field(), cmp.position());
        if (cmp.value() instanceof Literal.Null) {
            return switch (cmp.operator()) {
                case EQ -> new ResolvedQuery.IsNull(f, false);
                case NE -> new ResolvedQuery.IsNull(f, true);
                default -> throw SoqlErrors.notSupported("comparing with null using " + cmp.operator().symbol());
            };
        }
        return new ResolvedQuery.Compare(f, cmp.operator(), coercion.coerce(f.field(), cmp.operator(), cmp.value(), cmp.position()));
    }

    private ResolvedCondition in(Condition.In in, ResolvedField f) {
        coercion.checkFilterable(f.field(), in.position());
        List<Object> values = new ArrayList<>();
        boolean withNull = false;
        for (Literal value : in.values()) {
            if (value instanceof Literal.Null) withNull = true;
            else values.add(coercion.coerce(f.field(), ComparisonOperator.EQ, value, in.position()));
        }
        return new ResolvedQuery.In(f, in.negated(), values, withNull);
    }
}
