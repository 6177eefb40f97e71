package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.NameObject;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.Hop;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects the SELECT list ({@code tN.id AS iN} per record shown, {@code tN.col AS cK} per field)
 * and the nested {@link RecordShape}: fields sharing a relationship go into one nested record, at
 * the place of its first use. A polymorphic parent selects its reference as {@code ipN} and its key
 * prefix as {@code yN} (mapped to the real type by the shape, so that no literal reaches the SQL).
 */
final class ShapeBuilder {
  private final SqlJoins joins;
  private final List<String> selectList;
  private final Level root;
  private int next;
  private int polymorphic;

  /**
   * One record level under construction; entries hold SelectedColumns, child Levels and TYPEOFs in
   * output order.
   */
  private static final class Level {
    final SObjectType type;
    final String idAlias;
    final @Nullable String typeAlias;
    final Map<String, String> typeByPrefix;
    final List<Object> entries = new ArrayList<>();
    final Map<String, Level> children = new LinkedHashMap<>();
    final @Nullable String name;

    Level(
        SObjectType type,
        String idAlias,
        @Nullable String typeAlias,
        Map<String, String> typeByPrefix,
        @Nullable String name) {
      this.type = type;
      this.idAlias = idAlias;
      this.typeAlias = typeAlias;
      this.typeByPrefix = typeByPrefix;
      this.name = name;
    }
  }

  /** A TYPEOF under construction: one Level per WHEN, one for ELSE (or null). */
  private record TypeOfLevel(
      @Nullable String name,
      String idAlias,
      String typeAlias,
      Map<String, String> typeByPrefix,
      Map<String, Level> branches,
      @Nullable Level otherwise) {}

  ShapeBuilder(SObjectType rootType, SqlJoins joins) {
    this.joins = joins;
    this.selectList = new ArrayList<>();
    this.root = new Level(rootType, "i0", null, Map.of(), null);
    selectList.add(joins.idColumn(List.of()) + " AS i0");
  }

  SelectedColumn add(ResolvedField f) {
    return add(root, 0, f);
  }

  /** Adds {@code f} under {@code start}, which its first {@code from} hops lead to. */
  private SelectedColumn add(Level start, int from, ResolvedField f) {
    Level level = start;
    for (int i = from; i < f.hops().size(); i++) {
      level = child(level, f.hops().subList(0, i + 1));
    }
    SelectedColumn column =
        new SelectedColumn("c" + next++, f.field(), f.outputPath(), f.conversion());
    selectList.add(joins.column(f) + " AS " + column.alias());
    level.entries.add(column);
    return column;
  }

  /** The nested level {@code path} leads to from {@code parent}, created at first use. */
  private Level child(Level parent, List<Hop> path) {
    Hop hop = path.get(path.size() - 1);
    String key =
        java.util.Objects.requireNonNull(hop.reference().relationshipName())
            .toLowerCase(Locale.ROOT);
    return parent.children.computeIfAbsent(
        key,
        k -> {
          Level child;
          if (hop.polymorphic()) {
            String[] aliases = polymorphicAliases(path);
            child =
                new Level(
                    hop.target(),
                    aliases[0],
                    aliases[1],
                    typeByPrefix(hop),
                    hop.reference().relationshipName());
          } else {
            String idColumn = joins.idColumn(path);
            String alias = "i" + idColumn.substring(1, idColumn.indexOf('.'));
            selectList.add(idColumn + " AS " + alias);
            child =
                new Level(hop.target(), alias, null, Map.of(), hop.reference().relationshipName());
          }
          parent.entries.add(child);
          return child;
        });
  }

  /**
   * Selects the reference ({@code ipN}) and the referenced type ({@code yN}) of a polymorphic
   * parent.
   */
  private String[] polymorphicAliases(List<Hop> path) {
    int n = polymorphic++;
    String reference = joins.idColumn(path);
    selectList.add(reference + " AS ip" + n);
    selectList.add(SqlJoins.keyPrefix(reference) + " AS y" + n);
    return new String[] {"ip" + n, "y" + n};
  }

  /** A TYPEOF parent, at the level its path's parents lead to. */
  void addTypeOf(ResolvedQuery.TypeOfSelect t) {
    List<Hop> hops = t.hops();
    Level parent = root;
    for (int i = 0; i < hops.size() - 1; i++) {
      parent = child(parent, hops.subList(0, i + 1));
    }
    String[] aliases = polymorphicAliases(hops);
    String name = hops.get(hops.size() - 1).reference().relationshipName();
    Map<String, Level> branches = new LinkedHashMap<>();
    t.branches()
        .forEach(
            (type, fields) -> {
              SObjectType object = fields.get(0).hops().get(hops.size() - 1).target();
              Level level = new Level(object, aliases[0], null, Map.of(), name);
              for (ResolvedField f : fields) {
                add(level, hops.size(), f);
              }
              branches.put(type, level);
            });
    Level otherwise = null;
    if (t.otherwise() != null) {
      otherwise =
          new Level(
              NameObject.type(),
              aliases[0],
              aliases[1],
              typeByPrefix(hops.get(hops.size() - 1)),
              name);
      for (ResolvedField f : t.otherwise()) {
        add(otherwise, hops.size(), f);
      }
    }
    parent.entries.add(
        new TypeOfLevel(
            name,
            aliases[0],
            aliases[1],
            typeByPrefix(hops.get(hops.size() - 1)),
            branches,
            otherwise));
  }

  private static Map<String, String> typeByPrefix(Hop hop) {
    return NameObject.prefixes(hop.candidates(), hop.reference().referenceTo());
  }

  /** A child relationship result at the root level, in SELECT order. */
  void addChildren(String name, int index) {
    root.entries.add(new RecordShape.Children(name, index));
  }

  List<String> selectList() {
    return selectList;
  }

  RecordShape build() {
    return build(root);
  }

  private static RecordShape build(Level level) {
    List<RecordShape.Node> nodes = new ArrayList<>();
    for (Object e : level.entries) {
      if (e instanceof RecordShape.Children c) {
        nodes.add(c);
      } else if (e instanceof SelectedColumn c) {
        nodes.add(new RecordShape.Field(c));
      } else if (e instanceof Level l) {
        nodes.add(new RecordShape.Parent(l.name, build(l)));
      } else {
        nodes.add(build((TypeOfLevel) e));
      }
    }
    return new RecordShape(level.type, level.idAlias, level.typeAlias, level.typeByPrefix, nodes);
  }

  private static RecordShape.TypeOf build(TypeOfLevel t) {
    Map<String, RecordShape> branches = new LinkedHashMap<>();
    t.branches().forEach((type, level) -> branches.put(type, build(level)));
    return new RecordShape.TypeOf(
        t.name(),
        t.idAlias(),
        t.typeAlias(),
        t.typeByPrefix(),
        branches,
        t.otherwise() == null ? null : build(t.otherwise()));
  }
}
