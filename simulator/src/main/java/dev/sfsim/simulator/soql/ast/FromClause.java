package dev.sfsim.simulator.soql.ast;

/**
 * {@code FROM Object [alias]}.
 *
 * @param alias the object alias, or {@code null} when none is given
 */
public record FromClause(Identifier object, Identifier alias) {}
