package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ast.ComparisonOperator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query whose names are checked against the catalog at the request's API version and whose values
 * are coerced to the compared field's type; only catalog names remain (never request text).
 *
 * @param countOnly {@code SELECT COUNT()}; then {@code select} is empty
 * @param where null when there is no WHERE
 * @param limit null when there is no LIMIT
 * @param offset null when there is no OFFSET
 * @param aggregation the aggregate part (GROUP BY, aggregate columns, HAVING); null for row queries
 * @param children child relationship sub-selects of a row query
 * @param typeOfs TYPEOF parents of a row query
 */
record ResolvedQuery(
    SObjectType root,
    boolean countOnly,
    List<ResolvedField> select,
    @Nullable ResolvedCondition where,
    List<Order> orderBy,
    @Nullable Long limit,
    @Nullable Long offset,
    @Nullable Aggregation aggregation,
    List<Child> children,
    List<TypeOfSelect> typeOfs) {

  /**
   * A {@code TYPEOF} in the SELECT list.
   *
   * @param hops the path to the polymorphic reference, its last hop leading to the Name object
   * @param branches WHEN object name -> its fields (their hops pass through that object)
   * @param otherwise the ELSE fields (on the Name object), or null without ELSE
   * @param position how many of the query's fields precede it in the SELECT list
   */
  record TypeOfSelect(
      List<Hop> hops,
      java.util.Map<String, List<ResolvedField>> branches,
      @Nullable List<ResolvedField> otherwise,
      int position) {}

  /**
   * A child relationship sub-select.
   *
   * @param name the relationship name, canonical ({@code ConversationEntries})
   * @param reference the child's field pointing at the parent
   * @param query the sub-select over the child object
   * @param position how many of the outer query's fields precede it in the SELECT list
   */
  record Child(String name, SObjectField reference, ResolvedQuery query, int position) {}

  /**
   * One parent lookup step: the reference field followed and the object it leads to. A polymorphic
   * reference followed by a plain path leads to the {@code Name} object ({@link #polymorphic()});
   * {@code candidates} are then the referenced objects that have tables (each LEFT JOINed, at most
   * one matches an id).
   */
  record Hop(SObjectField reference, SObjectType target, List<SObjectType> candidates) {
    Hop {
      candidates = List.copyOf(candidates);
    }

    Hop(SObjectField reference, SObjectType target) {
      this(reference, target, List.of());
    }

    /** Whether this hop reads the Name object of a polymorphic reference. */
    boolean polymorphic() {
      return target == dev.sfsim.simulator.catalog.NameObject.type();
    }
  }

  /**
   * A field reached from the root through zero or more parent lookups.
   *
   * @param outputPath canonical names: relationship names, then the field name (or the alias of a
   *     conversion)
   * @param conversion {@code TOLABEL} or {@code FORMAT} when the value is shown converted, else
   *     null
   */
  record ResolvedField(
      List<Hop> hops, SObjectField field, List<String> outputPath, @Nullable String conversion) {
    ResolvedField {
      hops = List.copyOf(hops);
      outputPath = List.copyOf(outputPath);
    }

    ResolvedField(List<Hop> hops, SObjectField field, List<String> outputPath) {
      this(hops, field, outputPath, null);
    }

    String key() {
      return String.join(".", outputPath).toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A field or a function of one.
   *
   * @param function null for the plain field, else the upper-case SOQL function ({@code COUNT},
   *     {@code DAY_ONLY}, ...)
   * @param field the argument; null only for {@code COUNT()}
   * @param type the type of the value it yields
   * @param conversion {@code TOLABEL} or {@code FORMAT} around it, else null (see {@link
   *     ValueConversion})
   */
  record Expr(
      @Nullable String function,
      @Nullable ResolvedField field,
      FieldType type,
      @Nullable String conversion) {
    Expr(@Nullable String function, @Nullable ResolvedField field, FieldType type) {
      this(function, field, type, null);
    }

    /** The field's value (shown converted when the field is, as the Name object's Type is). */
    static Expr of(ResolvedField f) {
      return new Expr(null, f, f.field().type(), f.conversion());
    }

    /**
     * This value shown through {@code toLabel()} or {@code format()}; the SQL and grouping stay the
     * same.
     */
    Expr converted(String conversion) {
      return new Expr(function, field, type, conversion);
    }

    boolean aggregate() {
      return function != null
          && switch (function) {
            case "COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX" -> true;
            default -> false;
          };
    }

    /** Identity for "is this grouped": function and field path. */
    String key() {
      return (function == null ? "" : function + ":") + (field == null ? "" : field.key());
    }
  }

  /**
   * GROUP BY ({@code mode}: empty, {@code ROLLUP} or {@code CUBE}) and the aggregate SELECT list.
   */
  record Aggregation(
      List<Column> columns, List<Expr> groupBy, String mode, @Nullable ResolvedCondition having) {
    Aggregation {
      columns = List.copyOf(columns);
      groupBy = List.copyOf(groupBy);
    }
  }

  /**
   * A column of an AggregateResult: its value and its output name ({@code expr0}, an alias, or the
   * field name).
   */
  record Column(Expr expr, String name) {}

  record Order(Expr expr, boolean descending, boolean nullsFirst) {}

  /**
   * WHERE/HAVING conditions with coerced values (never null values: null tests are {@link IsNull}).
   */
  sealed interface ResolvedCondition {}

  record And(List<ResolvedCondition> operands) implements ResolvedCondition {}

  record Or(List<ResolvedCondition> operands) implements ResolvedCondition {}

  record Not(ResolvedCondition operand) implements ResolvedCondition {}

  /**
   * {@code expr op value}; for LIKE the value is a PostgreSQL pattern with backslash escapes; a
   * relative date literal's value is a {@link DateRange}.
   */
  record Compare(Expr expr, ComparisonOperator operator, Object value)
      implements ResolvedCondition {}

  /** The range {@code [start, end)} of a relative date literal, bound when the query runs. */
  record DateRange(DateBound start, DateBound end) {}

  /**
   * {@code expr [NOT] IN (SELECT ...)}: {@code subquery} selects exactly one id or reference field.
   */
  record SemiJoin(Expr expr, boolean negated, ResolvedQuery subquery)
      implements ResolvedCondition {}

  record IsNull(Expr expr, boolean negated) implements ResolvedCondition {}

  /** {@code expr [NOT] IN (values)}, {@code withNull} when the list held {@code null}. */
  record In(Expr expr, boolean negated, List<Object> values, boolean withNull)
      implements ResolvedCondition {
    In {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code expr INCLUDES|EXCLUDES (...)} on a multi-select picklist: each group holds the
   * lower-case values of one list item ({@code 'a;b'}: a and b); the field includes the list when
   * it holds every value of some group.
   */
  record Includes(Expr expr, boolean excludes, List<List<String>> groups)
      implements ResolvedCondition {
    Includes {
      groups = groups.stream().map(List::copyOf).toList();
    }
  }
}
