package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.soql.ResolvedQuery.Hop;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.Identifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves field paths against the catalog at one API version, case-insensitively ("Relationship Queries",
 * SOQL and SOSL Reference): every segment but the last names a parent relationship, the last a field.
 */
final class FieldResolver {
    private final Catalog catalog;
    private final double apiVersion;
    private final SoqlSource src;
    private final SObjectType root;
    private final Identifier alias;

    FieldResolver(Catalog catalog, double apiVersion, SoqlSource src, SObjectType root, Identifier alias) {
        this.catalog = catalog;
        this.apiVersion = apiVersion;
        this.src = src;
        this.root = root;
        this.alias = alias;
    }

    ResolvedField resolve(FieldPath path) {
        List<Identifier> segments = path.segments();
        if (alias != null && segments.size() > 1 && segments.get(0).text().equalsIgnoreCase(alias.text())) {
            segments = segments.subList(1, segments.size());
        }
        SObjectType type = root;
        List<Hop> hops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Identifier relationship : segments.subList(0, segments.size() - 1)) {
            Hop hop = hop(type, relationship, path);
            hops.add(hop);
            names.add(hop.reference().relationshipName());
            type = hop.target();
        }
        Identifier last = segments.get(segments.size() - 1);
        SObjectType owner = type;
        SObjectField field = owner.field(last.text(), apiVersion)
                .orElseThrow(() -> SoqlErrors.noSuchColumn(src, path.position(), last.text(), owner.name()));
        names.add(field.name());
        return new ResolvedField(hops, field, names);
    }

    private Hop hop(SObjectType type, Identifier relationship, FieldPath path) {
        SObjectField reference = type.relationship(relationship.text())
                .filter(f -> f.existsIn(apiVersion))
                .orElseThrow(() -> SoqlErrors.badRelationship(src, path.position(), relationship.text()));
        if (reference.referenceTo().size() != 1) {
            throw SoqlErrors.notSupported("polymorphic relationship " + reference.relationshipName());
        }
        String targetName = reference.referenceTo().get(0);
        SObjectType target = catalog.find(targetName).orElseThrow(() -> SoqlErrors.notSupported(
                "relationship " + reference.relationshipName() + " (" + targetName + " is not an object of the simulated org)"));
        if (!target.existsIn(apiVersion)) throw SoqlErrors.badRelationship(src, path.position(), relationship.text());
        return new Hop(reference, target);
    }
}
