package dev.sfsim.simulator.soql.ast;

/**
 * Where a node starts in the query text, as Salesforce counts it in {@code ERROR at
 * Row:<line>:Column:<column>}.
 *
 * @param line 1-based line number
 * @param column 1-based column (in code points)
 */
public record Position(int line, int column) {}
