package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.ChildRelationships;
import dev.sfsim.simulator.catalog.NameObject;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.soql.ResolvedQuery.Expr;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedCondition;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import dev.sfsim.simulator.soql.ast.ChildQuery;
import dev.sfsim.simulator.soql.ast.CountAll;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.FunctionCall;
import dev.sfsim.simulator.soql.ast.FunctionItem;
import dev.sfsim.simulator.soql.ast.OrderItem;
import dev.sfsim.simulator.soql.ast.SoqlQuery;
import dev.sfsim.simulator.soql.ast.TypeOf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates a {@link SoqlQuery} against the catalog at one API version (Calcite's validate step):
 * the object must exist at that version ({@code INVALID_TYPE}), every field and relationship too
 * ({@code INVALID_FIELD}), every value must fit its field's type, and aggregate queries select only
 * grouped or aggregated values.
 */
final class Resolver {
  /**
   * "Using Relationship Queries": from API 58.0 a query may hold five levels of parent-to-child
   * relationships (the root counts as the first); before, one child level only.
   */
  static final double NESTED_CHILDREN_SINCE = 58.0;

  static final int MAX_LEVELS = 5;

  private final Catalog catalog;
  private final double apiVersion;
  private final SoqlSource src;
  private final boolean subquery;

  /** The parent-to-child level of the query: 1 for the root, 2 for its child sub-selects, ... */
  private final int level;

  Resolver(Catalog catalog, double apiVersion, SoqlSource src) {
    this(catalog, apiVersion, src, false, 1);
  }

  private Resolver(
      Catalog catalog, double apiVersion, SoqlSource src, boolean subquery, int level) {
    this.level = level;
    this.catalog = catalog;
    this.apiVersion = apiVersion;
    this.src = src;
    this.subquery = subquery;
  }

  ResolvedQuery resolve(SoqlQuery q) {
    var object = q.from().object();
    SObjectType root =
        catalog
            .find(object.text(), apiVersion)
            .orElseThrow(() -> SoqlErrors.unknownType(src, object.position(), object.text()));
    return resolve(q, root);
  }

  private ResolvedQuery resolve(SoqlQuery q, SObjectType root) {
    FieldResolver fields = new FieldResolver(catalog, apiVersion, src, root, q.from().alias());
    FunctionResolver functions = new FunctionResolver(src, fields);

    boolean countOnly = q.select().stream().anyMatch(i -> i instanceof CountAll);
    if (countOnly && q.select().size() > 1) {
      throw SoqlErrors.malformed(
          src, q.select().get(1).position(), "COUNT() must be the only element in the SELECT list");
    }
    // An aggregate function in ORDER BY makes an aggregate query too: the selected fields must then
    // be grouped.
    boolean aggregate =
        !q.groupBy().isEmpty()
            || q.select().stream()
                .anyMatch(i -> i instanceof FunctionItem f && !RowSelect.conversionOfField(f))
            || q.orderBy().stream()
                .anyMatch(
                    o ->
                        o.field() instanceof FunctionCall c
                            && (c.aggregate() || c.inner() != null));
    List<Expr> groupBy = new Grouping(src, functions).groupBy(q.groupBy());
    ConditionResolver where =
        new ConditionResolver(src, functions, null, subquery ? null : this::semiJoin);
    ResolvedCondition whereCondition = q.where() == null ? null : where.resolve(q.where());

    ResolvedQuery.Aggregation aggregation = null;
    List<ResolvedField> select = new ArrayList<>();
    List<ResolvedQuery.Child> children = new ArrayList<>();
    List<ResolvedQuery.TypeOfSelect> typeOfs = new ArrayList<>();
    var typeOf = q.select().stream().filter(i -> i instanceof TypeOf).findFirst();
    if (typeOf.isPresent() && aggregate && !countOnly) {
      throw SoqlErrors.malformed(
          src, typeOf.get().position(), "TYPEOF cannot be used in an aggregate query");
    }
    if (q.select().stream().anyMatch(i -> i instanceof ChildQuery) && (aggregate || countOnly)) {
      throw SoqlErrors.malformed(
          src,
          q.select().get(0).position(),
          "Child sub-selects cannot be combined with aggregate functions");
    }
    if (aggregate && !countOnly) {
      aggregation = new Grouping(src, functions).aggregation(q, groupBy);
    } else if (!countOnly) {
      new RowSelect(src, apiVersion, fields, functions, this::child)
          .resolve(q, root, select, children, typeOfs);
    } else if (!groupBy.isEmpty()) {
      aggregation =
          new ResolvedQuery.Aggregation(
              List.of(),
              groupBy,
              q.groupingMode(),
              q.having() == null
                  ? null
                  : new ConditionResolver(src, functions, groupBy, null).resolve(q.having()));
    }
    List<ResolvedQuery.Order> orderBy = new ArrayList<>();
    for (OrderItem o : q.orderBy()) {
      Expr e = functions.resolve(o.field());
      if (aggregation != null
          && !e.aggregate()
          && groupBy.stream().noneMatch(g -> g.key().equals(e.key()))) {
        throw SoqlErrors.malformed(
            src,
            o.field().position(),
            "Ordered field must be grouped or aggregated: " + text(o.field()));
      }
      if (e.conversion() != null
          && e.field() != null
          && NameObject.isTypeField(e.field().field())) {
        throw SoqlErrors.notSupported("ORDER BY the Type of a polymorphic relationship");
      }
      if (e.conversion() != null) {
        throw SoqlErrors.malformed(
            src,
            o.field().position(),
            "toLabel() and FORMAT() cannot be used in ORDER BY: " + text(o.field()));
      }
      if (e.function() == null) {
        new ValueCoercion(src).checkSortable(e.field().field(), o.field().position());
      }
      orderBy.add(new ResolvedQuery.Order(e, o.descending(), o.nullsFirst()));
    }
    return new ResolvedQuery(
        root,
        countOnly,
        select,
        whereCondition,
        orderBy,
        q.limit() == null ? null : q.limit().value(),
        q.offset() == null ? null : q.offset().value(),
        aggregation,
        children,
        typeOfs);
  }

  /**
   * A semi-join or anti-join sub-select ("Comparison Operators", SOQL and SOSL Reference): one id
   * or reference field of its own object, no ORDER BY, LIMIT, aggregates or further sub-selects.
   */
  private ResolvedQuery semiJoin(dev.sfsim.simulator.soql.ast.Condition.SemiJoin join) {
    SoqlQuery sub = join.subquery();
    if (!sub.orderBy().isEmpty() || sub.limit() != null) {
      throw SoqlErrors.malformed(
          src, sub.position(), "ORDER BY and LIMIT are not supported in semi join sub-selects");
    }
    boolean oneField = sub.select().size() == 1 && sub.select().get(0) instanceof FieldPath;
    ResolvedQuery r =
        oneField ? new Resolver(catalog, apiVersion, src, true, level).resolve(sub) : null;
    if (r == null
        || r.select().size() != 1
        || !r.select().get(0).hops().isEmpty()
        || !r.select().get(0).field().type().isId()) {
      throw SoqlErrors.malformed(
          src,
          sub.select().get(0).position(),
          "The selected field in a semi join sub-select must be a single id or reference field of its object");
    }
    return r;
  }

  /** A child relationship sub-select: its FROM names a child relationship of {@code parent}. */
  private ResolvedQuery.Child child(SObjectType parent, ChildQuery c, int position) {
    var from = c.query().from().object();
    var relationship =
        ChildRelationships.find(parent.name(), from.text())
            .filter(r -> catalog.find(r.childObject(), apiVersion).isPresent())
            .orElseThrow(
                () ->
                    src.error(
                        from.position(),
                        ErrorCode.INVALID_TYPE,
                        "Didn't understand relationship '"
                            + from.text()
                            + "' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the"
                            + " '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."));
    SObjectType child = catalog.find(relationship.childObject(), apiVersion).orElseThrow();
    int maxLevels = apiVersion >= NESTED_CHILDREN_SINCE ? MAX_LEVELS : 2;
    if (level + 1 > maxLevels) {
      throw SoqlErrors.malformed(
          src,
          c.position(),
          "SOQL statements cannot query aggregate relationships more than "
              + (maxLevels - 1)
              + " level"
              + (maxLevels > 2 ? "s" : "")
              + " away from the root entity object.");
    }
    ResolvedQuery r =
        new Resolver(catalog, apiVersion, src, true, level + 1).resolve(c.query(), child);
    if (r.countOnly() || r.aggregation() != null) {
      throw SoqlErrors.malformed(
          src,
          c.query().select().get(0).position(),
          "Aggregate functions are not supported in child sub-selects");
    }
    return new ResolvedQuery.Child(
        relationship.relationshipName(),
        child.field(relationship.field()).orElseThrow(),
        r,
        position);
  }

  static String text(dev.sfsim.simulator.soql.ast.ValueExpr e) {
    return e instanceof FieldPath p
        ? p.text()
        : ((dev.sfsim.simulator.soql.ast.FunctionCall) e).text();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
