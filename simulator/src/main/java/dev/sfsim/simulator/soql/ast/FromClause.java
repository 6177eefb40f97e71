package dev.sfsim.simulator.soql.ast;

import org.jspecify.annotations.Nullable;

/**
 * {@code FROM Object [alias]}.
 *
 * @param alias the object alias, or {@code null} when none is given
 */
public record FromClause(Identifier object, @Nullable Identifier alias) {}
