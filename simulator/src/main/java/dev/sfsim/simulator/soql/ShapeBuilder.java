package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.Hop;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the SELECT list ({@code tN.id AS iN} per record shown, {@code tN.col AS cK} per field) and the nested
 * {@link RecordShape}: fields sharing a relationship go into one nested record, at the place of its first use.
 */
final class ShapeBuilder {
    private final SqlJoins joins;
    private final List<String> selectList;
    private final Level root;
    private int next;

    /** One record level under construction; entries hold SelectedColumns and child Levels in output order. */
    private static final class Level {
        final SObjectType type;
        final String idAlias;
        final List<Object> entries = new ArrayList<>();
        final Map<String, Level> children = new LinkedHashMap<>();
        final String name;

        Level(SObjectType type, String idAlias, String name) {
            this.type = type;
            this.idAlias = idAlias;
            this.name = name;
        }
    }

    ShapeBuilder(SObjectType rootType, SqlJoins joins) {
        this.joins = joins;
        this.selectList = new ArrayList<>();
        this.root = new Level(rootType, "i0", null);
        selectList.add(joins.idColumn(List.of()) + " AS i0");
    }

    SelectedColumn add(ResolvedField f) {
        Level level = root;
        for (int i = 0; i < f.hops().size(); i++) {
            List<Hop> path = f.hops().subList(0, i + 1);
            Hop hop = path.get(i);
            String key = hop.reference().relationshipName().toLowerCase(Locale.ROOT);
            Level parent = level;
            level = level.children.computeIfAbsent(key, k -> {
                String idColumn = joins.idColumn(path);
                String alias = "i" + idColumn.substring(1, idColumn.indexOf('.'));
                selectList.add(idColumn + " AS " + alias);
                Level child = new Level(hop.target(), alias, hop.reference().relationshipName());
                parent.entries.add(child);
                return child;
            });
        }
        SelectedColumn column = new SelectedColumn("c" + next++, f.field(), f.outputPath());
        selectList.add(joins.column(f) + " AS " + column.alias());
        level.entries.add(column);
        return column;
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
            if (e instanceof RecordShape.Children c) nodes.add(c);
            else nodes.add(e instanceof SelectedColumn c ? new RecordShape.Field(c) : new RecordShape.Parent(((Level) e).name, build((Level) e)));
        }
        return new RecordShape(level.type, level.idAlias, nodes);
    }
}
