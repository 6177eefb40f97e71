package dev.sfsim.simulator.soql.ast;

/** The number of a {@code LIMIT} or {@code OFFSET} clause, with its position. */
public record RowCount(long value, Position position) {}
