package dev.sfsim.simulator.catalog;

/**
 * A lookup seen from its parent ("ChildRelationship", SOAP API Developer Guide).
 *
 * @param childSObject the object holding the lookup, e.g. {@code Contact}
 * @param field the lookup field, e.g. {@code AccountId}
 * @param relationshipName the name used in SOQL subqueries, e.g. {@code Contacts}; null when the
 *     org gives none
 */
public record ChildRelationship(String childSObject, String field, String relationshipName) {}
