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

  /**
   * The standard objects plus the user's custom fields, appended to their objects' fields in
   * declaration order.
   *
   * @throws IllegalArgumentException naming the entry whose object is unknown or whose name is
   *     taken
   */
  public Catalog withCustomFields(List<CustomFields.Definition> definitions) {
    if (definitions.isEmpty()) {
      return this;
    }
    Map<String, List<SObjectField>> fields = new LinkedHashMap<>();
    for (SObjectType t : byLowerName.values()) {
      fields.put(t.name(), new java.util.ArrayList<>(t.fields()));
    }
    for (CustomFields.Definition d : definitions) {
      SObjectType t =
          find(d.object())
              .orElseThrow(
                  () -> CustomFields.bad(d.entry(), "unknown object '" + d.object() + "'"));
      if (fields.getOrDefault(t.name(), List.of()).stream()
          .anyMatch(f -> f.name().equalsIgnoreCase(d.field().name()))) {
        throw CustomFields.bad(d.entry(), t.name() + " already has a field " + d.field().name());
      }
      java.util.Objects.requireNonNull(fields.get(t.name())).add(d.field());
    }
    return new Catalog(
        byLowerName.values().stream()
            .map(
                t ->
                    new SObjectType(
                        t.name(),
                        t.label(),
                        t.labelPlural(),
                        t.keyPrefix(),
                        t.table(),
                        t.sinceVersion(),
                        t.supportedCalls(),
                        java.util.Objects.requireNonNull(fields.get(t.name())),
                        t.autoNumberFormat()))
            .toList());
  }

  /**
   * The custom fields of every object (what {@code SFSIM_CUSTOM_FIELDS} declared), with their
   * objects.
   */
  public List<Map.Entry<SObjectType, SObjectField>> customFields() {
    List<Map.Entry<SObjectType, SObjectField>> all = new java.util.ArrayList<>();
    for (SObjectType t : byLowerName.values()) {
      for (SObjectField f : t.fields()) {
        if (f.attributes().custom()) {
          all.add(Map.entry(t, f));
        }
      }
    }
    return all;
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
   * The lookups of every object that point at {@code parent}, as describe's {@code
   * childRelationships} lists them (children existing at {@code apiVersion} only).
   */
  public List<ChildRelationship> childRelationships(SObjectType parent, double apiVersion) {
    List<ChildRelationship> children = new java.util.ArrayList<>();
    for (SObjectType child : byLowerName.values()) {
      if (!child.existsIn(apiVersion)) {
        continue;
      }
      for (SObjectField f : child.fieldsIn(apiVersion)) {
        if (f.referenceTo().contains(parent.name())) {
          children.add(
              new ChildRelationship(
                  child.name(), f.name(), f.attributes().childRelationshipName()));
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
