package dev.sfsim.simulator.soql.ast;

/**
 * A field with an alias in the SELECT list; only grouped fields of aggregate queries may have one.
 */
public record AliasedField(FieldPath field, Identifier alias) implements SelectItem {
  public Position position() {
    return field.position();
  }
}
