package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.Hop;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The FROM clause: the root table as {@code t0} and one LEFT JOIN per distinct parent relationship path
 * ({@code t1}, {@code t2}, ...), so that an empty lookup gives nulls instead of dropping the row.
 */
final class SqlJoins {
    private final SObjectType root;
    private final Map<String, Join> joins = new LinkedHashMap<>();

    private record Join(String alias, SObjectType type, String parentAlias, String referenceColumn) {
    }

    private final String prefix;

    SqlJoins(SObjectType root) {
        this(root, "t");
    }

    /** @param prefix table alias prefix: {@code t} for the query, {@code s} for a semi-join sub-select */
    SqlJoins(SObjectType root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** The alias of the table reached by {@code hops} ({@code t0} for none), joining as needed. */
    String alias(List<Hop> hops) {
        String alias = prefix + "0";
        StringBuilder key = new StringBuilder();
        for (Hop hop : hops) {
            key.append('.').append(hop.reference().relationshipName().toLowerCase(Locale.ROOT));
            String parentAlias = alias;
            Join join = joins.computeIfAbsent(key.toString(),
                    k -> new Join(prefix + (joins.size() + 1), hop.target(), parentAlias, hop.reference().column()));
            alias = join.alias();
        }
        return alias;
    }

    /** {@code tN.column} of a resolved field. */
    String column(ResolvedField f) {
        return alias(f.hops()) + "." + f.field().column();
    }

    /** {@code tN.id} of the record reached by {@code hops}. */
    String idColumn(List<Hop> hops) {
        SObjectType type = hops.isEmpty() ? root : hops.get(hops.size() - 1).target();
        return alias(hops) + "." + idColumnOf(type);
    }

    /** {@code table t0 LEFT JOIN table t1 ON t1.id = t0.ref ...} */
    String from() {
        StringBuilder sb = new StringBuilder(root.table()).append(' ').append(prefix).append('0');
        for (Join j : joins.values()) {
            sb.append(" LEFT JOIN ").append(j.type().table()).append(' ').append(j.alias())
                    .append(" ON ").append(j.alias()).append('.').append(idColumnOf(j.type()))
                    .append(" = ").append(j.parentAlias()).append('.').append(j.referenceColumn());
        }
        return sb.toString();
    }

    static String idColumnOf(SObjectType type) {
        return type.field("Id").orElseThrow().column();
    }
}
