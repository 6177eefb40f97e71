package dev.sfsim.simulator.soql.ast;

import java.util.List;

/** A WHERE condition: a tree of AND/OR/NOT over field comparisons. */
public sealed interface Condition {
  Position position();

  /** {@code a AND b AND ...} */
  record And(List<Condition> operands, Position position) implements Condition {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** {@code a OR b OR ...} */
  record Or(List<Condition> operands, Position position) implements Condition {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** {@code NOT a} */
  record Not(Condition operand, Position position) implements Condition {}

  /** {@code field <op> literal}; position is the field's. */
  record Comparison(ValueExpr field, ComparisonOperator operator, Literal value, Position position)
      implements Condition {}

  /**
   * {@code field [NOT] IN (literal, ...)} or {@code field [NOT] IN (SELECT ...)}; position is the
   * field's.
   */
  record In(ValueExpr field, boolean negated, List<Literal> values, Position position)
      implements Condition {
    public In {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code field INCLUDES ('a;b', 'c')} or {@code EXCLUDES (...)} on a multi-select picklist;
   * position is the field's.
   */
  record Includes(ValueExpr field, boolean excludes, List<Literal> values, Position position)
      implements Condition {
    public Includes {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code field [NOT] IN (SELECT refField FROM ...)}: a semi-join or anti-join; position is the
   * field's.
   */
  record SemiJoin(ValueExpr field, boolean negated, SoqlQuery subquery, Position position)
      implements Condition {}
}
