package dev.sfsim.simulator.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of an sObject as describe reports it ("DescribeSObjectResult Field", SOAP API Developer
 * Guide), plus where it is stored.
 *
 * @param name API name, canonical spelling, e.g. {@code MessagingChannelId}
 * @param label describe label, also used in error texts (e.g. {@code MALFORMED_ID})
 * @param type Salesforce type
 * @param length character length for text types, 0 otherwise
 * @param column PostgreSQL column name (snake case of {@code name}); only the catalog names columns
 * @param picklistValues allowed values of a picklist, in describe order; empty otherwise
 * @param defaultValue value written on create when none is given ({@code null}: none)
 * @param referenceTo target sObject names of a reference field
 * @param relationshipName parent relationship name of a reference field (e.g. {@code
 *     MessagingChannel})
 * @param nillable whether the field may be null
 * @param createable whether API callers may set it on create
 * @param updateable whether API callers may change it
 * @param sinceVersion first API version in which the field exists, e.g. {@code 48.0}
 * @param attributes the remaining describe flags (external id, id lookup, unique, name field, ...)
 */
public record SObjectField(
    String name,
    @Nullable String label,
    FieldType type,
    int length,
    String column,
    List<String> picklistValues,
    @Nullable String defaultValue,
    List<String> referenceTo,
    @Nullable String relationshipName,
    boolean nillable,
    boolean createable,
    boolean updateable,
    double sinceVersion,
    FieldAttributes attributes) {

  public SObjectField {
    picklistValues = List.copyOf(picklistValues);
    referenceTo = List.copyOf(referenceTo);
    if (attributes == null) {
      attributes = FieldAttributes.NONE;
    }
  }

  /** A field without extra describe flags. */
  public SObjectField(
      String name,
      String label,
      FieldType type,
      int length,
      String column,
      List<String> picklistValues,
      @Nullable String defaultValue,
      List<String> referenceTo,
      @Nullable String relationshipName,
      boolean nillable,
      boolean createable,
      boolean updateable,
      double sinceVersion) {
    this(
        name,
        label,
        type,
        length,
        column,
        picklistValues,
        defaultValue,
        referenceTo,
        relationshipName,
        nillable,
        createable,
        updateable,
        sinceVersion,
        FieldAttributes.NONE);
  }

  /**
   * Describe's {@code defaultedOnCreate}: the org fills it when a create leaves it out (system
   * fields, defaults, booleans, auto-numbers, per-parent sequences such as {@code
   * ConversationEntry.Seq}, and a required {@code OwnerId}, which defaults to the creating user).
   */
  public boolean defaultedOnCreate() {
    return defaultValue != null
        || type == FieldType.BOOLEAN
        || attributes.sequenceWithin() != null
        || attributes.autoNumber()
        || (!createable && !nillable)
        || (name.equals("OwnerId") && !nillable);
  }

  /** Whether a create must give a value: not nillable, settable and with no default. */
  public boolean requiredOnCreate() {
    return !nillable && createable && !defaultedOnCreate();
  }

  /**
   * The label of a picklist value, as describe's {@code picklistValues} and SOQL's {@code
   * toLabel()} show it in the org's language (en_US): the catalog's label, else the value itself
   * (also for values not in the list).
   */
  public String picklistLabel(String value) {
    return attributes.picklistLabels().getOrDefault(value, value);
  }

  /** Whether the field exists at the given API version. */
  public boolean existsIn(double apiVersion) {
    return apiVersion >= sinceVersion;
  }
}
