package dev.sfsim.simulator.soql.ast;

/**
 * A child relationship sub-select in the SELECT list, {@code (SELECT Id FROM ConversationEntries
 * WHERE ...)}: its FROM names a child relationship of the outer object ("Relationship Queries",
 * SOQL and SOSL Reference).
 */
public record ChildQuery(SoqlQuery query, Position position) implements SelectItem {}
