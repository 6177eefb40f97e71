package dev.sfsim.simulator.soql.ast;

/**
 * One {@code ORDER BY} entry.
 *
 * @param nulls explicit {@code NULLS FIRST|LAST}, or {@link NullsOrder#DEFAULT} (Salesforce: first
 *     when ascending, last when descending — "ORDER BY", SOQL and SOSL Reference)
 */
public record OrderItem(ValueExpr field, boolean descending, NullsOrder nulls) {

  public enum NullsOrder {
    DEFAULT,
    FIRST,
    LAST
  }

  /** Whether nulls sort before other values, applying Salesforce's default. */
  public boolean nullsFirst() {
    return switch (nulls) {
      case FIRST -> true;
      case LAST -> false;
      case DEFAULT -> !descending;
    };
  }
}
