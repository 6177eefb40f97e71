package dev.sfsim.simulator.query;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.soql.AggregateColumn;
import dev.sfsim.simulator.soql.ChildSql;
import dev.sfsim.simulator.soql.CompiledQuery;
import dev.sfsim.simulator.soql.RecordShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The column metadata of {@code GET /query?q=…&columns=true} (not in Salesforce's guides; as real
 * orgs answer it), which {@code sf data query} reads to lay out its table: one entry per selected
 * column in SELECT order, parent relationships with their columns under {@code joinColumns},
 * aggregate columns with {@code aggregate: true}; flags follow describe.
 */
final class ColumnMetadata {
  private ColumnMetadata() {}

  static Map<String, Object> of(CompiledQuery q) {
    List<Map<String, Object>> columns = new ArrayList<>();
    boolean idSelected = false;
    if (q.aggregate()) {
      for (AggregateColumn c : q.aggregates()) {
        columns.add(aggregate(c));
      }
    } else if (q.shape() != null) {
      for (RecordShape.Node n : q.shape().nodes()) {
        columns.add(
            n instanceof RecordShape.Children c ? children(q.children().get(c.index())) : node(n));
        idSelected |= n instanceof RecordShape.Field f && f.column().field().type() == FieldType.ID;
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("columnMetadata", columns);
    result.put("entityName", q.aggregate() ? "AggregateResult" : q.root().name());
    result.put(
        "groupBy", q.aggregate() && q.aggregates().stream().anyMatch(c -> c.function() == null));
    result.put("idSelected", idSelected);
    result.put("keyPrefix", q.aggregate() ? null : q.root().keyPrefix());
    return result;
  }

  private static Map<String, Object> node(RecordShape.Node n) {
    if (n instanceof RecordShape.Field f) {
      SObjectField field = f.column().field();
      return entry(
          false,
          field.type(),
          f.name(),
          field.label(),
          field.createable(),
          field.updateable(),
          List.of());
    }
    if (n instanceof RecordShape.TypeOf t) {
      // One column for the polymorphic parent, its joined columns those of every branch in order.
      List<Map<String, Object>> join = new ArrayList<>();
      for (RecordShape branch : t.branches().values()) {
        join.addAll(branch.nodes().stream().map(ColumnMetadata::node).toList());
      }
      if (t.otherwise() != null) {
        join.addAll(t.otherwise().nodes().stream().map(ColumnMetadata::node).toList());
      }
      return entry(false, null, t.name(), t.name(), false, false, join, "Name");
    }
    RecordShape.Parent p = (RecordShape.Parent) n;
    List<Map<String, Object>> join = p.shape().nodes().stream().map(ColumnMetadata::node).toList();
    return entry(false, null, p.name(), p.name(), false, false, join, p.shape().type().name());
  }

  /**
   * A child sub-select: {@code aggregate: true} with its columns under {@code joinColumns} (how
   * {@code sf} reads it).
   */
  private static Map<String, Object> children(ChildSql child) {
    List<Map<String, Object>> join =
        child.shape().nodes().stream()
            .map(
                n ->
                    n instanceof RecordShape.Children c
                        ? children(child.children().get(c.index()))
                        : node(n))
            .toList();
    return entry(
        true, null, child.name(), child.name(), false, false, join, child.shape().type().name());
  }

  private static Map<String, Object> aggregate(AggregateColumn c) {
    return entry(c.function() != null, c.type(), c.name(), c.display(), false, false, List.of());
  }

  private static Map<String, Object> entry(
      boolean aggregate,
      FieldType type,
      String name,
      @Nullable String display,
      boolean insertable,
      boolean updatable,
      List<Map<String, Object>> join) {
    return entry(aggregate, type, name, display, insertable, updatable, join, apexType(type));
  }

  private static Map<String, Object> entry(
      boolean aggregate,
      @Nullable FieldType type,
      String name,
      String display,
      boolean insertable,
      boolean updatable,
      List<Map<String, Object>> join,
      String apexType) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("aggregate", aggregate);
    e.put("apexType", apexType);
    e.put("booleanType", type == FieldType.BOOLEAN);
    e.put("columnName", name);
    e.put("custom", name.endsWith("__c") || name.endsWith("__r"));
    e.put("displayName", display);
    e.put("foreignKeyName", null);
    e.put("insertable", insertable);
    e.put("joinColumns", join);
    e.put(
        "numberType",
        type == FieldType.INT || type == FieldType.DOUBLE || type == FieldType.PERCENT);
    e.put("textType", type != null && type.isText() && !type.isId());
    e.put("updatable", updatable);
    return e;
  }

  private static String apexType(FieldType type) {
    return switch (type) {
      case ID, REFERENCE -> "Id";
      case BOOLEAN -> "Boolean";
      case INT -> "Integer";
      case DOUBLE, PERCENT -> "Double";
      case DATE -> "Date";
      case DATETIME -> "Datetime";
      default -> "String";
    };
  }
}
