package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectType;

import java.util.List;

/**
 * How one record of the result is laid out ("Relationship Queries", SOQL and SOSL Reference; wire format §3.2,
 * §3.4): {@code attributes} for {@code type}, then the nodes in SELECT order of first appearance. A parent
 * relationship is a nested record, or {@code null} when its lookup is empty (its id column is null).
 *
 * @param type    the record's sObject
 * @param idAlias SQL alias of the record's id, needed for {@code attributes.url} even when Id is not selected
 * @param nodes   fields and nested parents in output order
 */
public record RecordShape(SObjectType type, String idAlias, List<Node> nodes) {
    public RecordShape {
        nodes = List.copyOf(nodes);
    }

    /** An entry of a record. */
    public sealed interface Node permits Field, Parent, Children {
        /** The output key. */
        String name();
    }

    /** A field value, read from {@code column.alias()}. */
    public record Field(SelectedColumn column) implements Node {
        public String name() {
            return column.name();
        }
    }

    /** A child relationship's nested query result, filled from {@code CompiledQuery.children().get(index)}. */
    public record Children(String name, int index) implements Node {
    }

    /** A nested parent record under its relationship name. */
    public record Parent(String name, RecordShape shape) implements Node {
    }
}
