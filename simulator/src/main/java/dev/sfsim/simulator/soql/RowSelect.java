package dev.sfsim.simulator.soql;

import static dev.sfsim.simulator.soql.Resolver.lower;

import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.soql.ResolvedQuery.Expr;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import dev.sfsim.simulator.soql.ast.AliasedField;
import dev.sfsim.simulator.soql.ast.ChildQuery;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.FieldsItem;
import dev.sfsim.simulator.soql.ast.FunctionItem;
import dev.sfsim.simulator.soql.ast.Identifier;
import dev.sfsim.simulator.soql.ast.SelectItem;
import dev.sfsim.simulator.soql.ast.SoqlQuery;
import dev.sfsim.simulator.soql.ast.TypeOf;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SELECT list of a row query ("SELECT", "Relationship Queries", "TYPEOF", "toLabel()",
 * "FORMAT()", SOQL and SOSL Reference): fields and parent paths (each once), {@code FIELDS()},
 * converted fields under their alias, child sub-selects (each relationship once) and TYPEOFs (not
 * beside a path through the same relationship).
 */
final class RowSelect {
  /** "FIELDS()": FIELDS(ALL) and FIELDS(CUSTOM) need a LIMIT of at most 200. */
  static final long FIELDS_LIMIT = 200;

  /** Resolves a child sub-select found at a position of the SELECT list. */
  interface Children {
    ResolvedQuery.Child child(SObjectType parent, ChildQuery c, int position);
  }

  private final SoqlSource src;
  private final double apiVersion;
  private final FieldResolver fields;
  private final FunctionResolver functions;
  private final Children children;

  RowSelect(
      SoqlSource src,
      double apiVersion,
      FieldResolver fields,
      FunctionResolver functions,
      Children children) {
    this.src = src;
    this.apiVersion = apiVersion;
    this.fields = fields;
    this.functions = functions;
    this.children = children;
  }

  /**
   * Fills {@code select}, {@code children} and {@code typeOfs} from the SELECT list of row query
   * {@code q}.
   */
  void resolve(
      SoqlQuery q,
      SObjectType root,
      List<ResolvedField> select,
      List<ResolvedQuery.Child> found,
      List<ResolvedQuery.TypeOfSelect> typeOfs) {
    Set<String> seen = new HashSet<>();
    for (SelectItem item : q.select()) {
      if (item instanceof AliasedField a) {
        throw aliasing(a.alias());
      }
      if (item instanceof TypeOf t) {
        var resolved = new TypeOfResolver(src, fields, root, apiVersion).resolve(t, select.size());
        String key = relationshipKey(resolved.hops());
        if (!seen.add("typeof:" + key)) {
          throw src.error(
              t.position(),
              ErrorCode.INVALID_FIELD,
              "duplicate field selected: " + t.relationship().text());
        }
        if (seen.contains("name:" + key)) {
          throw typeOfAndPath(t, t.relationship().text());
        }
        typeOfs.add(resolved);
        continue;
      }
      if (item instanceof ChildQuery c) {
        ResolvedQuery.Child child = this.children.child(root, c, select.size());
        if (!seen.add("(" + lower(child.name()))) {
          throw SoqlErrors.malformed(
              src, c.position(), "duplicate child relationship: " + child.name());
        }
        found.add(child);
        continue;
      }
      List<ResolvedField> resolved =
          item instanceof FieldsItem all
              ? fieldsFunction(q, root, all)
              : item instanceof FunctionItem f
                  ? List.of(converted(f))
                  : List.of(fields.resolve((FieldPath) item));
      for (ResolvedField f : resolved) {
        if (!f.hops().isEmpty() && f.hops().get(f.hops().size() - 1).polymorphic()) {
          String key = relationshipKey(f.hops());
          if (seen.contains("typeof:" + key)) {
            throw typeOfAndPath(
                item, f.hops().get(f.hops().size() - 1).reference().relationshipName());
          }
          seen.add("name:" + key);
        }
        if (!seen.add(f.key())) {
          throw src.error(
              item.position(),
              ErrorCode.INVALID_FIELD,
              "duplicate field selected: " + String.join(".", f.outputPath()));
        }
        select.add(f);
      }
    }
  }

  /**
   * {@code toLabel(field)} or {@code FORMAT(field)}: a converted field, which keeps a query a row
   * query.
   */
  static boolean conversionOfField(FunctionItem f) {
    String name = f.call().name();
    return (name.equals(ValueConversion.TOLABEL) || name.equals(ValueConversion.FORMAT))
        && f.call().inner() == null;
  }

  /**
   * A converted field of a row query, under its alias if it has one ("toLabel()", "FORMAT()":
   * aliasing).
   */
  private ResolvedField converted(FunctionItem item) {
    Expr e = functions.resolve(item.call());
    ResolvedField f = e.field();
    List<String> path = new ArrayList<>(f.outputPath());
    if (item.alias() != null) {
      path.set(path.size() - 1, item.alias().text());
    }
    return new ResolvedField(f.hops(), f.field(), path, e.conversion());
  }

  /** Relationship names of a path, lower case: identifies a parent record in the result. */
  private static String relationshipKey(List<ResolvedQuery.Hop> hops) {
    return lower(
        String.join(".", hops.stream().map(h -> h.reference().relationshipName()).toList()));
  }

  /**
   * "typeOfField cannot reference a relationship field that is also referenced in the fieldList"
   * (TYPEOF); the error text is inferred.
   */
  private RuntimeException typeOfAndPath(SelectItem item, @Nullable String relationship) {
    return SoqlErrors.malformed(
        src,
        item.position(),
        "TYPEOF field " + relationship + " cannot also be referenced in the field list");
  }

  /**
   * FIELDS(ALL|STANDARD|CUSTOM): STANDARD and CUSTOM split the fields on describe's {@code custom}.
   */
  private List<ResolvedField> fieldsFunction(SoqlQuery q, SObjectType root, FieldsItem item) {
    if (!item.kind().equals("STANDARD")
        && (q.limit() == null || q.limit().value() > FIELDS_LIMIT)) {
      throw SoqlErrors.malformed(
          src,
          item.position(),
          "The SOQL FIELDS function must have a LIMIT of at most " + FIELDS_LIMIT);
    }
    List<ResolvedField> all = new ArrayList<>();
    for (SObjectField f : root.fieldsIn(apiVersion)) {
      boolean wanted =
          switch (item.kind()) {
            case "CUSTOM" -> f.attributes().custom();
            case "STANDARD" -> !f.attributes().custom();
            default -> true;
          };
      if (wanted) {
        all.add(new ResolvedField(List.of(), f, List.of(f.name())));
      }
    }
    return all;
  }

  private RuntimeException aliasing(Identifier alias) {
    return SoqlErrors.malformed(
        src, alias.position(), "Only aggregate expressions use field aliasing");
  }
}
