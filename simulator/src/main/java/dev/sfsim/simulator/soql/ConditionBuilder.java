package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.soql.ast.ComparisonOperator;
import dev.sfsim.simulator.soql.ast.Condition;
import dev.sfsim.simulator.soql.ast.Literal;
import dev.sfsim.simulator.soql.ast.ValueExpr;
import io.github.apexdevtools.apexparser.ApexParser;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The WHERE part of {@link AstBuilder}: logical structure, operators, and (through {@link
 * LiteralBuilder}) values.
 */
final class ConditionBuilder {
  private final AstBuilder ast;
  private final LiteralBuilder literals;

  ConditionBuilder(SoqlSource src, AstBuilder ast) {
    this.ast = ast;
    this.literals = new LiteralBuilder(src, ast);
  }

  /**
   * The grammar allows {@code NOT c}, {@code c AND c ...} or {@code c OR c ...}; mixing needs
   * parentheses, as in SOQL.
   */
  Condition logical(ApexParser.WhereLogicalExpressionContext l) {
    var operands = l.whereConditionalExpression().stream().map(this::conditional).toList();
    var position = SoqlParser.position(l.getStart());
    if (l.NOT() != null) {
      return new Condition.Not(operands.get(0), position);
    }
    if (operands.size() == 1) {
      return operands.get(0);
    }
    return l.SOQLAND().isEmpty()
        ? new Condition.Or(operands, position)
        : new Condition.And(operands, position);
  }

  /** HAVING: the same structure over the grammar's non-WHERE rules. */
  Condition having(ApexParser.LogicalExpressionContext l) {
    var operands = l.conditionalExpression().stream().map(this::havingConditional).toList();
    var position = SoqlParser.position(l.getStart());
    if (l.NOT() != null) {
      return new Condition.Not(operands.get(0), position);
    }
    if (operands.size() == 1) {
      return operands.get(0);
    }
    return l.SOQLAND().isEmpty()
        ? new Condition.Or(operands, position)
        : new Condition.And(operands, position);
  }

  private Condition havingConditional(ApexParser.ConditionalExpressionContext c) {
    return c.logicalExpression() != null
        ? having(c.logicalExpression())
        : field(c.fieldExpression());
  }

  private Condition conditional(ApexParser.WhereConditionalExpressionContext c) {
    if (c.whereLogicalExpression() != null) {
      return logical(c.whereLogicalExpression());
    }
    ApexParser.WhereFieldExpressionContext w = c.whereFieldExpression();
    if (w.fieldExpression() == null) {
      throw SoqlErrors.notSupported("FORMULA() in WHERE");
    }
    return field(w.fieldExpression());
  }

  private Condition field(ApexParser.FieldExpressionContext fe) {
    ValueExpr field =
        fe.soqlFunction() != null ? ast.function(fe.soqlFunction()) : ast.fieldPath(fe.fieldName());
    ApexParser.ComparisonOperatorContext op = fe.comparisonOperator();
    ApexParser.ValueContext value = fe.value();
    if (op.IN() != null) {
      return in(field, op.NOT() != null, value);
    }
    if (op.INCLUDES() != null || op.EXCLUDES() != null) {
      return includes(field, op.EXCLUDES() != null, value);
    }
    return new Condition.Comparison(field, operator(op), literals.scalar(value), field.position());
  }

  private Condition in(ValueExpr field, boolean negated, ApexParser.ValueContext value) {
    if (value.subQuery() != null) {
      return new Condition.SemiJoin(
          field, negated, ast.subQuery(value.subQuery()), field.position());
    }
    if (value.boundExpression() != null) {
      throw ast.bindVariable(value.boundExpression());
    }
    if (value.valueList() == null) {
      throw ast.unexpected(value.getStart());
    }
    List<Literal> values = value.valueList().value().stream().map(literals::scalar).toList();
    return new Condition.In(field, negated, values, field.position());
  }

  /** {@code INCLUDES}/{@code EXCLUDES} take a parenthesised list of strings, as {@code IN} does. */
  private Condition includes(ValueExpr field, boolean excludes, ApexParser.ValueContext value) {
    if (value.boundExpression() != null) {
      throw ast.bindVariable(value.boundExpression());
    }
    if (value.valueList() == null) {
      throw ast.unexpected(value.getStart());
    }
    List<Literal> values = value.valueList().value().stream().map(literals::scalar).toList();
    return new Condition.Includes(field, excludes, values, field.position());
  }

  private ComparisonOperator operator(ApexParser.ComparisonOperatorContext op) {
    if (op.LIKE() != null) {
      return ComparisonOperator.LIKE;
    }
    if (op.NOTEQUAL() != null || op.LESSANDGREATER() != null) {
      return ComparisonOperator.NE;
    }
    boolean withAssign = op.ASSIGN() != null;
    if (withAssign && (op.LT() != null || op.GT() != null)) {
      // The grammar reads "<=" as two tokens and would take "< =" too; SOQL does not.
      Token eq = op.ASSIGN().getSymbol();
      if (eq.getStartIndex() != op.getStart().getStopIndex() + 1) {
        throw ast.unexpected(eq);
      }
      return op.LT() != null ? ComparisonOperator.LE : ComparisonOperator.GE;
    }
    if (op.LT() != null) {
      return ComparisonOperator.LT;
    }
    if (op.GT() != null) {
      return ComparisonOperator.GT;
    }
    return ComparisonOperator.EQ;
  }
}
