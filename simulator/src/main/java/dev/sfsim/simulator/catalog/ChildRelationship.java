package dev.sfsim.simulator.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A lookup seen from its parent ("ChildRelationship", SOAP API Developer Guide).
 *
 * @param childSObject the object holding the lookup, e.g. {@code Contact}
 * @param field the lookup field, e.g. {@code AccountId}
 * @param relationshipName the name used in SOQL subqueries, e.g. {@code Contacts}; null when the
 *     org gives none
 */
public record ChildRelationship(
    String childSObject, String field, @Nullable String relationshipName) {}
