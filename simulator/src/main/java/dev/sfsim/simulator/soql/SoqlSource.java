package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.soql.ast.Position;

/**
 * The query text as received, and Salesforce's positional error layout over it, as a real org
 * answers a malformed query: {@code "\n" + <line> + "\n" + <column-1 spaces> + "^\nERROR at
 * Row:<r>:Column:<c>\n" + <reason>}. Positions count code points, as the lexer does.
 */
final class SoqlSource {
  private final String text;
  private final int[] codePoints;
  private final String[] lines;

  SoqlSource(String text) {
    this.text = text;
    this.codePoints = text.codePoints().toArray();
    this.lines = text.split("\n", -1);
  }

  String text() {
    return text;
  }

  /**
   * The original text of code points {@code start..stop} (inclusive), as token indexes give them.
   */
  String slice(int start, int stop) {
    if (start < 0 || stop < start || start >= codePoints.length) {
      return "";
    }
    return new String(codePoints, start, Math.min(stop, codePoints.length - 1) - start + 1);
  }

  /** The code point at {@code index} as a string, or empty past the end. */
  String charAt(int index) {
    return slice(index, index);
  }

  /** A 400 whose message points at {@code pos} with a caret. */
  SalesforceException error(Position pos, ErrorCode errorCode, String reason) {
    return SalesforceException.badRequest(errorCode, caret(pos) + reason);
  }

  private String caret(Position pos) {
    int row = Math.max(1, Math.min(pos.line(), lines.length));
    String line = lines[row - 1];
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    int column = Math.max(1, pos.column());
    return "\n"
        + line
        + "\n"
        + " ".repeat(column - 1)
        + "^\nERROR at Row:"
        + row
        + ":Column:"
        + column
        + "\n";
  }
}
