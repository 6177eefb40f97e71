package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How one record of the result is laid out ("Relationship Queries", SOQL and SOSL Reference;
 * "Query", REST API Developer Guide): {@code attributes} for {@code type}, then the nodes in SELECT
 * order of first appearance. A parent relationship is a nested record, or {@code null} when its
 * lookup is empty (its id column is null).
 *
 * @param type the record's sObject (the {@code Name} object for a polymorphic parent)
 * @param idAlias SQL alias of the record's id, needed for {@code attributes.url} even when Id is
 *     not selected
 * @param typeAlias SQL alias of the record's id key prefix when {@code type} does not tell the real
 *     type (a polymorphic parent: {@code attributes.type} is the referenced object); else null
 * @param typeByPrefix key prefix -> object name for {@code typeAlias}
 * @param nodes fields and nested parents in output order
 */
public record RecordShape(
    @Nullable SObjectType type,
    String idAlias,
    @Nullable String typeAlias,
    Map<String, String> typeByPrefix,
    List<Node> nodes) {
  public RecordShape {
    nodes = List.copyOf(nodes);
    typeByPrefix = Map.copyOf(typeByPrefix);
  }

  public RecordShape(@Nullable SObjectType type, String idAlias, List<Node> nodes) {
    this(type, idAlias, null, Map.of(), nodes);
  }

  /**
   * The {@code attributes.type} of the record whose {@code typeAlias} column holds {@code
   * keyPrefix}.
   */
  public static @Nullable String typeOf(Map<String, String> typeByPrefix, String keyPrefix) {
    return typeByPrefix.get(keyPrefix);
  }

  /** An entry of a record. */
  public sealed interface Node permits Field, Parent, Children, TypeOf {
    /** The output key. */
    String name();
  }

  /** A field value, read from {@code column.alias()}. */
  public record Field(SelectedColumn column) implements Node {
    public String name() {
      return column.name();
    }
  }

  /**
   * A child relationship's nested query result, filled from the enclosing statement's child
   * sub-selects ({@code CompiledQuery.children()} or {@code ChildSql.children()}) at {@code index}.
   */
  public record Children(String name, int index) implements Node {}

  /** A nested parent record under its relationship name. */
  public record Parent(@Nullable String name, RecordShape shape) implements Node {}

  /**
   * A {@code TYPEOF} parent ("TYPEOF", SOQL and SOSL Reference): the nested record's fields are
   * those of the {@code WHEN} branch of its real type (its key prefix read from {@code typeAlias}),
   * else of {@code otherwise} (ELSE, on the Name object); with neither, the record has its {@code
   * attributes} only.
   *
   * @param branches WHEN object name -> layout
   * @param otherwise the ELSE layout, or null
   */
  public record TypeOf(
      @Nullable String name,
      String idAlias,
      String typeAlias,
      Map<String, String> typeByPrefix,
      Map<String, RecordShape> branches,
      @Nullable RecordShape otherwise)
      implements Node {
    public TypeOf {
      branches = Map.copyOf(branches);
      typeByPrefix = Map.copyOf(typeByPrefix);
    }
  }
}
