package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.Hop;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The FROM clause: the root table as {@code t0} and one LEFT JOIN per distinct parent relationship
 * path ({@code t1}, {@code t2}, ...), so that an empty lookup gives nulls instead of dropping the
 * row.
 */
final class SqlJoins {
  private final SObjectType root;
  private final Map<String, Join> joins = new LinkedHashMap<>();

  private record Join(String alias, SObjectType type, String parentAlias, String referenceColumn) {}

  private final String prefix;

  SqlJoins(SObjectType root) {
    this(root, "t");
  }

  /**
   * @param prefix table alias prefix: {@code t} for the query, {@code s} for a semi-join sub-select
   */
  SqlJoins(SObjectType root, String prefix) {
    this.root = root;
    this.prefix = prefix;
  }

  /** The alias of the table reached by {@code hops} ({@code t0} for none), joining as needed. */
  String alias(List<Hop> hops) {
    String alias = prefix + "0";
    StringBuilder key = new StringBuilder();
    for (Hop hop : hops) {
      if (hop.polymorphic()) {
        throw new IllegalStateException("the Name object has no table");
      }
      key.append('.')
          .append(
              java.util.Objects.requireNonNull(hop.reference().relationshipName())
                  .toLowerCase(Locale.ROOT));
      // A TYPEOF branch joins each referenced type of a polymorphic reference on its own.
      if (hop.reference().referenceTo().size() > 1) {
        key.append(':').append(hop.target().name());
      }
      String parentAlias = alias;
      Join join =
          joins.computeIfAbsent(
              key.toString(),
              k ->
                  new Join(
                      prefix + (joins.size() + 1),
                      hop.target(),
                      parentAlias,
                      hop.reference().column()));
      alias = join.alias();
    }
    return alias;
  }

  /** {@code tN.column} of a resolved field. */
  String column(ResolvedField f) {
    List<Hop> hops = f.hops();
    if (!hops.isEmpty() && hops.get(hops.size() - 1).polymorphic()) {
      return nameColumn(hops, f.field());
    }
    return alias(hops) + "." + f.field().column();
  }

  /**
   * A field of the Name object: {@code Id} is the reference, {@code Type} its key prefix (shown as
   * the object's name), any other the same-named field of whichever referenced table holds the id.
   */
  private String nameColumn(List<Hop> hops, SObjectField field) {
    Hop hop = hops.get(hops.size() - 1);
    List<Hop> parentHops = hops.subList(0, hops.size() - 1);
    String reference = alias(parentHops) + "." + hop.reference().column();
    if (field.name().equals("Id")) {
      return reference;
    }
    if (field.name().equals("Type")) {
      return keyPrefix(reference);
    }
    List<String> sources = new ArrayList<>();
    for (SObjectType candidate : hop.candidates()) {
      var source = candidate.field(field.name());
      if (source.isEmpty()) {
        continue;
      }
      List<Hop> path = new ArrayList<>(parentHops);
      path.add(new Hop(hop.reference(), candidate));
      sources.add(alias(path) + "." + source.get().column());
    }
    if (sources.isEmpty()) {
      return "CAST(NULL AS " + field.type().sqlType() + ")";
    }
    return sources.size() == 1 ? sources.get(0) : "COALESCE(" + String.join(", ", sources) + ")";
  }

  /**
   * The key prefix of a reference: what the Name object's {@code Type} is read from (see {@code
   * NameObject.typeField}).
   */
  static String keyPrefix(String reference) {
    return "left(" + reference + ", 3)";
  }

  /** {@code tN.id} of the record reached by {@code hops}. */
  String idColumn(List<Hop> hops) {
    if (!hops.isEmpty() && hops.get(hops.size() - 1).polymorphic()) {
      return alias(hops.subList(0, hops.size() - 1))
          + "."
          + hops.get(hops.size() - 1).reference().column();
    }
    SObjectType type = hops.isEmpty() ? root : hops.get(hops.size() - 1).target();
    return alias(hops) + "." + idColumnOf(type);
  }

  /** {@code table t0 LEFT JOIN table t1 ON t1.id = t0.ref ...} */
  String from() {
    StringBuilder sb = new StringBuilder(root.table()).append(' ').append(prefix).append('0');
    for (Join j : joins.values()) {
      sb.append(" LEFT JOIN ")
          .append(j.type().table())
          .append(' ')
          .append(j.alias())
          .append(" ON ")
          .append(j.alias())
          .append('.')
          .append(idColumnOf(j.type()))
          .append(" = ")
          .append(j.parentAlias())
          .append('.')
          .append(j.referenceColumn());
    }
    return sb.toString();
  }

  static String idColumnOf(SObjectType type) {
    return type.field("Id").orElseThrow().column();
  }
}
