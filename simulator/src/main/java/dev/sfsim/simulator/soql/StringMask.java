package dev.sfsim.simulator.soql;

/**
 * Makes SOQL string escapes digestible for the Apex lexer, whose string rule only knows Apex
 * escapes (so it would refuse SOQL's {@code \%} and {@code \_}): inside single-quoted strings every
 * {@code \x} pair becomes {@code \\}. The result has the same code points at the same indexes
 * outside those pairs, so token positions stay exact; literal values are read back from the
 * original text and their escapes checked by {@code SoqlString}.
 */
final class StringMask {
  private StringMask() {}

  static String mask(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean inString = false;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (inString && cp == '\\' && next < text.length()) {
        int escaped = text.codePointAt(next);
        sb.append("\\\\");
        i = next + Character.charCount(escaped);
        continue;
      }
      if (cp == '\'') {
        inString = !inString;
      }
      sb.appendCodePoint(cp);
      i = next;
    }
    return sb.toString();
  }
}
