package dev.sfsim.simulator.soql.ast;

/**
 * {@code COUNT()}: the row count goes to {@code totalSize}, no records ("COUNT() and
 * COUNT(fieldName)", SOQL and SOSL Reference).
 */
public record CountAll(Position position) implements SelectItem {}
