package dev.sfsim.simulator.catalog;

import java.util.List;

/** Fluent construction of {@link SObjectField}s for {@link StandardObjects}; the column is derived from the name. */
final class FieldBuilder {
    private final String name;
    private final FieldType type;
    private String label;
    private int length;
    private List<String> picklist = List.of();
    private String defaultValue;
    private List<String> referenceTo = List.of();
    private String relationshipName;
    private boolean nillable = true;
    private boolean createable = true;
    private boolean updateable = true;
    private double since = 0;

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

    static FieldBuilder reference(String name, String relationshipName, String... targets) {
        FieldBuilder b = new FieldBuilder(name, FieldType.REFERENCE).length(18);
        b.referenceTo = List.of(targets);
        b.relationshipName = relationshipName;
        return b;
    }

    FieldBuilder label(String label) { this.label = label; return this; }

    FieldBuilder length(int length) { this.length = length; return this; }

    FieldBuilder defaultValue(String value) { this.defaultValue = value; return this; }

    /** Not nillable: creates must give it (unless defaulted). */
    FieldBuilder required() { this.nillable = false; return this; }

    FieldBuilder since(double version) { this.since = version; return this; }

    /** Set by the system only: not createable, not updateable. */
    FieldBuilder readOnly() { this.createable = false; this.updateable = false; return this; }

    /** Createable but not updateable. */
    FieldBuilder createOnly() { this.updateable = false; return this; }

    SObjectField build() {
        return new SObjectField(name, label, type, length, Columns.of(name), picklist, defaultValue, referenceTo,
                relationshipName, nillable, createable, updateable, since);
    }
}
