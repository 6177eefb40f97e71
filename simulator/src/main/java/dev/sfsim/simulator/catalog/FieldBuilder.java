package dev.sfsim.simulator.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fluent construction of {@link SObjectField}s for {@link StandardObjects}; the column is derived
 * from the name.
 */
final class FieldBuilder {
  private final String name;
  private final FieldType type;
  private @Nullable String label;
  private int length;
  private List<String> picklist = List.of();
  private @Nullable String defaultValue;
  private List<String> referenceTo = List.of();
  private @Nullable String relationshipName;
  private boolean nillable = true;
  private boolean createable = true;
  private boolean updateable = true;
  private double since = 0;
  private boolean externalId;
  private boolean idLookup;
  private boolean unique;
  private boolean nameField;
  private boolean autoNumber;
  private @Nullable String sequenceWithin;
  private @Nullable String childRelationshipName;
  private boolean custom;
  private int precision;
  private int scale;
  private final java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();

  private FieldBuilder(String name, FieldType type) {
    this.name = name;
    this.type = type;
    this.label = name;
  }

  static FieldBuilder field(String name, FieldType type) {
    return new FieldBuilder(name, type);
  }

  static FieldBuilder text(String name, int length) {
    return new FieldBuilder(name, FieldType.STRING).length(length);
  }

  static FieldBuilder picklist(String name, String... values) {
    FieldBuilder b = new FieldBuilder(name, FieldType.PICKLIST).length(255);
    b.picklist = List.of(values);
    return b;
  }

  /** A picklist whose values are the enum's API values, in declaration order. */
  static FieldBuilder picklist(String name, PicklistValue[] values) {
    return picklist(name, PicklistValue.values(values));
  }

  static FieldBuilder reference(String name, String relationshipName, String... targets) {
    FieldBuilder b = new FieldBuilder(name, FieldType.REFERENCE).length(18);
    b.referenceTo = List.of(targets);
    b.relationshipName = relationshipName;
    return b;
  }

  /** Picklist values (picklists and multi-select picklists), in describe order. */
  FieldBuilder values(List<String> values) {
    this.picklist = List.copyOf(values);
    return this;
  }

  /** Declared by the user: describe {@code custom:true}. */
  FieldBuilder custom() {
    this.custom = true;
    return this;
  }

  /** Describe {@code precision} and {@code scale} of a number, currency or percent. */
  FieldBuilder digits(int precision, int scale) {
    this.precision = precision;
    this.scale = scale;
    return this;
  }

  FieldBuilder label(String label) {
    this.label = label;
    return this;
  }

  FieldBuilder length(int length) {
    this.length = length;
    return this;
  }

  FieldBuilder defaultValue(String value) {
    this.defaultValue = value;
    return this;
  }

  /** Not nillable: creates must give it (unless defaulted). */
  FieldBuilder required() {
    this.nillable = false;
    return this;
  }

  FieldBuilder since(double version) {
    this.since = version;
    return this;
  }

  /** Set by the system only: not createable, not updateable. */
  FieldBuilder readOnly() {
    this.createable = false;
    this.updateable = false;
    return this;
  }

  /** Createable but not updateable. */
  FieldBuilder createOnly() {
    this.updateable = false;
    return this;
  }

  /** Describe {@code externalId:true} (and {@code idLookup:true}): usable for upsert. */
  FieldBuilder externalId() {
    this.externalId = true;
    this.idLookup = true;
    return this;
  }

  /**
   * Describe {@code idLookup:true}: identifies a record; standard objects upsert on such fields.
   */
  FieldBuilder idLookup() {
    this.idLookup = true;
    return this;
  }

  FieldBuilder unique() {
    this.unique = true;
    return this;
  }

  /** The object's name field ({@code nameField:true}, {@code idLookup:true}). */
  FieldBuilder nameField() {
    this.nameField = true;
    this.idLookup = true;
    return this;
  }

  /** Auto-number: the org fills it; not createable nor updateable. */
  FieldBuilder autoNumber() {
    this.autoNumber = true;
    return readOnly();
  }

  /** Defaults to the next number among live records with the same value of {@code parentField}. */
  FieldBuilder sequenceWithin(String parentField) {
    this.sequenceWithin = parentField;
    return this;
  }

  /** Name of the child relationship this lookup gives its parent (e.g. {@code Contacts}). */
  FieldBuilder childRelationship(String name) {
    this.childRelationshipName = name;
    return this;
  }

  /**
   * The label of a picklist value that differs from the value (the others are labelled as their
   * value).
   */
  FieldBuilder valueLabel(String value, String label) {
    labels.put(value, label);
    return this;
  }

  SObjectField build() {
    return build(Columns.of(name));
  }

  SObjectField build(String column) {
    return new SObjectField(
        name,
        label,
        type,
        length,
        column,
        picklist,
        defaultValue,
        referenceTo,
        relationshipName,
        nillable,
        createable,
        updateable,
        since,
        new FieldAttributes(
            externalId,
            idLookup,
            unique,
            nameField,
            autoNumber,
            sequenceWithin,
            childRelationshipName,
            labels,
            custom,
            precision,
            scale));
  }
}
