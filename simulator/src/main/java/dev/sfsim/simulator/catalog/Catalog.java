package dev.sfsim.simulator.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sObject catalog: the single source that describe, SOQL resolution and record validation read.
 * Immutable; look-ups are case-insensitive and answer with canonical names.
 */
public final class Catalog {
    private final Map<String, SObjectType> byLowerName = new LinkedHashMap<>();
    private final Map<String, SObjectType> byKeyPrefix = new LinkedHashMap<>();

    private Catalog(List<SObjectType> types) {
        for (SObjectType t : types) {
            byLowerName.put(t.name().toLowerCase(Locale.ROOT), t);
            byKeyPrefix.put(t.keyPrefix(), t);
        }
    }

    /** The simulated org's standard objects. */
    public static Catalog standard() {
        return new Catalog(StandardObjects.all());
    }

    /** Looks an object up by API name, case-insensitively, whatever the API version. */
    public Optional<SObjectType> find(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Looks an object up by API name among those existing at {@code apiVersion}. */
    public Optional<SObjectType> find(String name, double apiVersion) {
        return find(name).filter(t -> t.existsIn(apiVersion));
    }

    /** The object whose ids start with the given three characters. */
    public Optional<SObjectType> byKeyPrefix(String keyPrefix) {
        return Optional.ofNullable(byKeyPrefix.get(keyPrefix));
    }

    /**
     * The lookups of every object that point at {@code parent}, as describe's {@code childRelationships} lists them
     * (children existing at {@code apiVersion} only).
     */
    public List<ChildRelationship> childRelationships(SObjectType parent, double apiVersion) {
        List<ChildRelationship> children = new java.util.ArrayList<>();
        for (SObjectType child : byLowerName.values()) {
            if (!child.existsIn(apiVersion)) continue;
            for (SObjectField f : child.fieldsIn(apiVersion)) {
                if (f.referenceTo().contains(parent.name())) {
                    children.add(new ChildRelationship(child.name(), f.name(), f.attributes().childRelationshipName()));
                }
            }
        }
        return children;
    }

    /** All objects, in catalog order. */
    public List<SObjectType> all() {
        return List.copyOf(byLowerName.values());
    }
}
