package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.NameObject;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.Hop;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.Identifier;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolves field paths against the catalog at one API version, case-insensitively ("Relationship
 * Queries", SOQL and SOSL Reference): every segment but the last names a parent relationship, the
 * last a field.
 */
final class FieldResolver {
  private final Catalog catalog;
  private final double apiVersion;
  private final SoqlSource src;
  private final SObjectType root;
  private final @Nullable Identifier alias;

  FieldResolver(
      Catalog catalog,
      double apiVersion,
      SoqlSource src,
      SObjectType root,
      @Nullable Identifier alias) {
    this.catalog = catalog;
    this.apiVersion = apiVersion;
    this.src = src;
    this.root = root;
    this.alias = alias;
  }

  ResolvedField resolve(FieldPath path) {
    return resolve(root, List.of(), segments(path), path);
  }

  /** The path without a leading FROM alias. */
  List<Identifier> segments(FieldPath path) {
    List<Identifier> segments = path.segments();
    if (alias != null
        && segments.size() > 1
        && segments.get(0).text().equalsIgnoreCase(alias.text())) {
      segments = segments.subList(1, segments.size());
    }
    return segments;
  }

  /**
   * Follows {@code relationships} from {@code start}, each a parent relationship of the previous
   * object.
   */
  List<Hop> hops(SObjectType start, List<Identifier> relationships, FieldPath path) {
    SObjectType type = start;
    List<Hop> hops = new ArrayList<>();
    for (Identifier relationship : relationships) {
      Hop hop = hop(type, relationship, path);
      hops.add(hop);
      type = hop.target();
    }
    return hops;
  }

  /**
   * Resolves {@code segments} (relationships, then a field) from {@code start}, reached from the
   * root through {@code prefix} (a TYPEOF branch starts at the referenced type).
   */
  ResolvedField resolve(
      SObjectType start, List<Hop> prefix, List<Identifier> segments, FieldPath path) {
    List<Hop> hops = new ArrayList<>(prefix);
    hops.addAll(hops(start, segments.subList(0, segments.size() - 1), path));
    SObjectType owner = hops.size() == prefix.size() ? start : hops.get(hops.size() - 1).target();
    Identifier last = segments.get(segments.size() - 1);
    if (owner == NameObject.type()
        && NameObject.UNMODELLED.contains(last.text().toLowerCase(java.util.Locale.ROOT))) {
      throw SoqlErrors.notSupported("field " + last.text() + " of the polymorphic Name object");
    }
    SObjectField field =
        owner
            .field(last.text(), apiVersion)
            .orElseThrow(
                () -> SoqlErrors.noSuchColumn(src, path.position(), last.text(), owner.name()));
    List<String> names = new ArrayList<>();
    for (Hop hop : hops) {
      names.add(hop.reference().relationshipName());
    }
    names.add(field.name());
    if (owner == NameObject.type() && field.name().equals("Type")) {
      Hop hop = hops.get(hops.size() - 1);
      SObjectField type =
          NameObject.typeField(
              NameObject.prefixes(hop.candidates(), hop.reference().referenceTo()));
      return new ResolvedField(hops, type, names, ValueConversion.TOLABEL);
    }
    return new ResolvedField(hops, field, names);
  }

  /** The reference field of a parent relationship of {@code type} (any case). */
  SObjectField reference(SObjectType type, Identifier relationship, FieldPath path) {
    return type.relationship(relationship.text())
        .filter(f -> f.existsIn(apiVersion))
        .orElseThrow(() -> SoqlErrors.badRelationship(src, path.position(), relationship.text()));
  }

  /** The referenced objects of a polymorphic reference that exist here at the request's version. */
  List<SObjectType> candidates(SObjectField reference) {
    return reference.referenceTo().stream()
        .map(catalog::find)
        .flatMap(java.util.Optional::stream)
        .filter(t -> t.existsIn(apiVersion))
        .toList();
  }

  private Hop hop(SObjectType type, Identifier relationship, FieldPath path) {
    SObjectField reference = reference(type, relationship, path);
    if (reference.referenceTo().size() != 1) {
      return new Hop(reference, NameObject.type(), candidates(reference));
    }
    String targetName = reference.referenceTo().get(0);
    SObjectType target =
        catalog
            .find(targetName)
            .orElseThrow(
                () ->
                    SoqlErrors.notSupported(
                        "relationship "
                            + reference.relationshipName()
                            + " ("
                            + targetName
                            + " is not an object of the simulated org)"));
    if (!target.existsIn(apiVersion)) {
      throw SoqlErrors.badRelationship(src, path.position(), relationship.text());
    }
    return new Hop(reference, target);
  }
}
