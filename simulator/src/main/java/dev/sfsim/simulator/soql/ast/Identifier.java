package dev.sfsim.simulator.soql.ast;

/**
 * A name exactly as the query spells it (object, field, relationship or alias); resolution makes it
 * canonical.
 */
public record Identifier(String text, Position position) {}
