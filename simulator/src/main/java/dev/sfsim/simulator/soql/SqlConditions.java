package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.soql.ResolvedQuery.DateRange;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedCondition;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * WHERE and HAVING conditions in SQL with SOQL's semantics ("Comparison Operators", SOQL and SOSL
 * Reference):
 *
 * <ul>
 *   <li>text comparisons ignore case ({@code lower()} on both sides; LIKE is ILIKE), ids compare
 *       exactly;
 *   <li>{@code !=} and {@code NOT IN} also match nulls, and {@code NOT} is two-valued — a
 *       comparison with a null field is false, never unknown;
 *   <li>a relative date literal is a day range: {@code = TODAY} is inside it, {@code < TODAY}
 *       before its start, {@code > TODAY} from its end on.
 * </ul>
 *
 * Values are appended to {@code parameters} in placeholder order.
 */
final class SqlConditions {
  private final SqlExpressions exprs;
  private final List<Object> parameters;

  SqlConditions(SqlExpressions exprs, List<Object> parameters) {
    this.exprs = exprs;
    this.parameters = parameters;
  }

  String sql(ResolvedCondition c) {
    if (c instanceof ResolvedQuery.And and) {
      return join(and.operands(), " AND ");
    }
    if (c instanceof ResolvedQuery.Or or) {
      return join(or.operands(), " OR ");
    }
    // COALESCE turns SQL's unknown into false before negating, as two-valued SOQL does.
    if (c instanceof ResolvedQuery.Not not) {
      return "NOT COALESCE(" + sql(not.operand()) + ", FALSE)";
    }
    if (c instanceof ResolvedQuery.IsNull n) {
      return isNull(n);
    }
    if (c instanceof ResolvedQuery.SemiJoin j) {
      return semiJoin(j);
    }
    if (c instanceof ResolvedQuery.Includes inc) {
      return includes(inc);
    }
    if (c instanceof ResolvedQuery.Compare cmp) {
      return cmp.value() instanceof DateRange r ? range(cmp, r) : compare(cmp);
    }
    return in((ResolvedQuery.In) c);
  }

  private String join(List<ResolvedCondition> operands, String operator) {
    return operands.stream().map(this::sql).collect(Collectors.joining(operator, "(", ")"));
  }

  /**
   * "Use null in WHERE": on a boolean field {@code = null} matches false and {@code != null}
   * matches true.
   */
  private String isNull(ResolvedQuery.IsNull n) {
    String column = exprs.sql(n.expr());
    if (n.expr().type() == FieldType.BOOLEAN) {
      return column + (n.negated() ? " IS TRUE" : " IS NOT TRUE");
    }
    return column + (n.negated() ? " IS NOT NULL" : " IS NULL");
  }

  /** An anti-join also matches a null field, as {@code NOT IN} with literals does. */
  private String semiJoin(ResolvedQuery.SemiJoin j) {
    String column = exprs.sql(j.expr());
    String sub = SqlTranslator.semiJoin(j.subquery(), parameters);
    return j.negated()
        ? "(" + column + " IS NULL OR " + column + " NOT IN (" + sub + "))"
        : column + " IN (" + sub + ")";
  }

  /**
   * "Querying Multi-Select Picklists": the stored {@code a;b} as a lower-case array contains every
   * value of one group; EXCLUDES is the negation, so a field with nothing selected (null) excludes
   * everything.
   */
  private String includes(ResolvedQuery.Includes inc) {
    String array = "string_to_array(lower(" + exprs.sql(inc.expr()) + "), ';')";
    StringBuilder any = new StringBuilder();
    for (List<String> group : inc.groups()) {
      if (any.length() > 0) {
        any.append(" OR ");
      }
      parameters.addAll(group);
      any.append(array)
          .append(" @> ARRAY[")
          .append(String.join(", ", Collections.nCopies(group.size(), "?::text")))
          .append("]");
    }
    return inc.excludes() ? "NOT COALESCE((" + any + "), FALSE)" : "COALESCE((" + any + "), FALSE)";
  }

  private String range(ResolvedQuery.Compare cmp, DateRange r) {
    String column = exprs.sql(cmp.expr());
    return switch (cmp.operator()) {
      case EQ -> bind(r.start(), r.end(), "(" + column + " >= ? AND " + column + " < ?)");
      case NE ->
          bind(
              r.start(),
              r.end(),
              "(" + column + " IS NULL OR " + column + " < ? OR " + column + " >= ?)");
      case LT -> bind(r.start(), null, column + " < ?");
      case LE -> bind(r.end(), null, column + " < ?");
      case GT -> bind(r.end(), null, column + " >= ?");
      case GE -> bind(r.start(), null, column + " >= ?");
      case LIKE -> throw new IllegalStateException("LIKE on a date");
    };
  }

  private String bind(Object first, @Nullable Object second, String sql) {
    parameters.add(first);
    if (second != null) {
      parameters.add(second);
    }
    return sql;
  }

  private String compare(ResolvedQuery.Compare cmp) {
    parameters.add(cmp.value());
    String column = exprs.sql(cmp.expr());
    if (!SqlExpressions.caseInsensitive(cmp.expr())) {
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
    String column = exprs.sql(in.expr());
    if (in.values().isEmpty()) {
      return column + (in.negated() ? " IS NOT NULL" : " IS NULL");
    }
    boolean ci = SqlExpressions.caseInsensitive(in.expr());
    parameters.addAll(in.values());
    String list = String.join(", ", Collections.nCopies(in.values().size(), ci ? "lower(?)" : "?"));
    String test =
        (ci ? "lower(" + column + ")" : column)
            + (in.negated() ? " NOT IN (" : " IN (")
            + list
            + ")";
    if (in.negated()) {
      return in.withNull()
          ? "(" + column + " IS NOT NULL AND " + test + ")"
          : "(" + column + " IS NULL OR " + test + ")";
    }
    return in.withNull() ? "(" + column + " IS NULL OR " + test + ")" : test;
  }
}
