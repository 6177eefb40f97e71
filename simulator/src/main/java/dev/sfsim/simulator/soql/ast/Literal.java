package dev.sfsim.simulator.soql.ast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A value in a WHERE condition ("fieldExpression Syntax", SOQL and SOSL Reference). */
public sealed interface Literal {
  Position position();

  /** The literal as written, for error texts. */
  String text();

  /** {@code null} */
  record Null(Position position) implements Literal {
    public String text() {
      return "null";
    }
  }

  /** {@code true} / {@code false}, any case. */
  record Bool(boolean value, String text, Position position) implements Literal {}

  /** A signed integer or decimal number such as {@code -2.5}. */
  record Number(BigDecimal value, String text, Position position) implements Literal {}

  /** A single-quoted string; see {@link SoqlString} for its escapes. */
  record Str(SoqlString value, String text, Position position) implements Literal {}

  /** An unquoted date, {@code 2024-01-01}. */
  record Date(LocalDate value, String text, Position position) implements Literal {}

  /**
   * An unquoted date-time, {@code 2024-01-01T10:00:00Z} or with an offset such as {@code +01:00}.
   */
  record DateTime(OffsetDateTime value, String text, Position position) implements Literal {}

  /**
   * A relative date literal ("Date Formats and Date Literals"), evaluated against the simulated
   * clock when the query runs: {@code TODAY}, {@code LAST_N_DAYS:7}, ...
   *
   * @param name the literal's name, upper case, without {@code :n}
   * @param n the number after the colon, 0 when the literal takes none
   */
  record Relative(String name, int n, String text, Position position) implements Literal {}
}
