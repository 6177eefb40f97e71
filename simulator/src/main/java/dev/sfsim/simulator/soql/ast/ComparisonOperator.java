package dev.sfsim.simulator.soql.ast;

/**
 * The scalar comparison operators of "Comparison Operators" (SOQL and SOSL Reference); IN is {@link
 * Condition.In}.
 */
public enum ComparisonOperator {
  EQ("="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  LIKE("LIKE");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as SOQL writes it ({@code <>} is read as {@link #NE}). */
  public String symbol() {
    return symbol;
  }
}
