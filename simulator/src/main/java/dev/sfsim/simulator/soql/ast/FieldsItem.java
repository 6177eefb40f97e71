package dev.sfsim.simulator.soql.ast;

/**
 * {@code FIELDS(ALL)}, {@code FIELDS(STANDARD)} or {@code FIELDS(CUSTOM)} in the SELECT list
 * ("FIELDS()", SOQL and SOSL Reference).
 *
 * @param kind {@code ALL}, {@code STANDARD} or {@code CUSTOM}
 */
public record FieldsItem(String kind, Position position) implements SelectItem {}
