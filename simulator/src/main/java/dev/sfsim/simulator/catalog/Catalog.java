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

    /** All objects, in catalog order. */
    public List<SObjectType> all() {
        return List.copyOf(byLowerName.values());
    }
}
