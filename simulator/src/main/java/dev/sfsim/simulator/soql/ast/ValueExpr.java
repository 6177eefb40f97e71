package dev.sfsim.simulator.soql.ast;

/** Something that yields a value per row or per group: a field path or a function over one. */
public sealed interface ValueExpr permits FieldPath, FunctionCall {
  Position position();
}
