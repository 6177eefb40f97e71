package dev.sfsim.simulator.soql.ast;

import java.util.List;

/**
 * A field reference such as {@code Name} or {@code MessagingEndUser.MessagingChannel.MasterLabel}:
 * zero or more relationship names (or a leading object alias), then a field name.
 */
public record FieldPath(List<Identifier> segments, Position position)
    implements SelectItem, ValueExpr {
  public FieldPath {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("empty field path");
    }
  }

  /** The path as written, dot-separated. */
  public String text() {
    return String.join(".", segments.stream().map(Identifier::text).toList());
  }
}
