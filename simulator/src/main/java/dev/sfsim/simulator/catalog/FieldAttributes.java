package dev.sfsim.simulator.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Describe flags of a field beyond type and access ("DescribeSObjectResult Field", SOAP API
 * Developer Guide).
 *
 * @param externalId {@code externalId}: usable for upsert and GET by external id
 * @param idLookup {@code idLookup}: usable to identify a record (upsert on standard objects too)
 * @param unique {@code unique}: no two live records share the value ({@code DUPLICATE_VALUE})
 * @param nameField {@code nameField}: the record's name, shown in recent items
 * @param autoNumber {@code autoNumber}: filled by the org from a display format
 * @param sequenceWithin when not null, the field defaults to the next number among live records
 *     sharing the value of this other field (ConversationEntry.Seq within its ConversationId)
 * @param childRelationshipName the relationship name under which the parent's describe lists this
 *     lookup's children (e.g. {@code Contacts} for Contact.AccountId); null: listed without a name
 * @param picklistLabels picklist value -> label, for the values whose label differs from the value
 *     (e.g. {@code InProgress} -> "In Progress"); describe and {@code toLabel()} read it
 * @param custom describe {@code custom}: declared by the user ({@code SFSIM_CUSTOM_FIELDS}), name
 *     ends in {@code __c}
 * @param precision describe {@code precision} of a custom number, currency or percent (digits in
 *     all); 0: the standard fields' 18
 * @param scale describe {@code scale} of such a field (digits after the point)
 */
public record FieldAttributes(
    boolean externalId,
    boolean idLookup,
    boolean unique,
    boolean nameField,
    boolean autoNumber,
    @Nullable String sequenceWithin,
    @Nullable String childRelationshipName,
    java.util.Map<String, String> picklistLabels,
    boolean custom,
    int precision,
    int scale) {
  public static final FieldAttributes NONE =
      new FieldAttributes(false, false, false, false, false, null, null, java.util.Map.of());

  public FieldAttributes {
    picklistLabels =
        picklistLabels == null ? java.util.Map.of() : java.util.Map.copyOf(picklistLabels);
  }

  /** Attributes of a standard field. */
  public FieldAttributes(
      boolean externalId,
      boolean idLookup,
      boolean unique,
      boolean nameField,
      boolean autoNumber,
      @Nullable String sequenceWithin,
      @Nullable String childRelationshipName,
      java.util.Map<String, String> picklistLabels) {
    this(
        externalId,
        idLookup,
        unique,
        nameField,
        autoNumber,
        sequenceWithin,
        childRelationshipName,
        picklistLabels,
        false,
        0,
        0);
  }
}
