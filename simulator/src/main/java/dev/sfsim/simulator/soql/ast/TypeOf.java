package dev.sfsim.simulator.soql.ast;

import java.util.List;

/**
 * {@code TYPEOF relationship WHEN Type THEN fields ... [ELSE fields] END} in the SELECT list
 * ("TYPEOF", SOQL and SOSL Reference).
 *
 * @param relationship the polymorphic relationship path (e.g. {@code Actor})
 * @param whens the WHEN branches in source order
 * @param otherwise the ELSE fields; empty when there is no ELSE
 */
public record TypeOf(
    FieldPath relationship, List<When> whens, List<FieldPath> otherwise, Position position)
    implements SelectItem {
  public TypeOf {
    whens = List.copyOf(whens);
    otherwise = List.copyOf(otherwise);
  }

  /** {@code WHEN type THEN fields}. */
  public record When(Identifier type, List<FieldPath> fields) {
    public When {
      fields = List.copyOf(fields);
    }
  }
}
