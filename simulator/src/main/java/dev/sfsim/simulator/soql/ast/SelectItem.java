package dev.sfsim.simulator.soql.ast;

/** One entry of the SELECT list. */
public sealed interface SelectItem
    permits FieldPath, CountAll, FunctionItem, AliasedField, FieldsItem, ChildQuery, TypeOf {
  Position position();
}
