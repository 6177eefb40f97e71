package dev.sfsim.simulator.soql.ast;

import java.util.Optional;

/**
 * The content of a quoted SOQL string, kept escaped as written so that LIKE can tell {@code \%} (a
 * percent sign) from {@code %} (the wildcard). Escapes of "Quoted String Escape Sequences" (SOQL
 * and SOSL Reference): {@code \n \r \t \b \f \" \' \\} (either case), backslash-u plus four hex
 * digits, and {@code \% \_} for LIKE.
 *
 * @param raw the characters between the quotes, escapes undecoded
 */
public record SoqlString(String raw) {

  /**
   * Checks the escapes.
   *
   * @return the first illegal escape sequence (e.g. {@code \y}), or empty when all are legal
   */
  public Optional<String> illegalEscape() {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) != '\\') {
        continue;
      }
      int len = escapeLength(i);
      if (len < 0) {
        return Optional.of(raw.substring(i, Math.min(raw.length(), i + 2)));
      }
      i += len - 1;
    }
    return Optional.empty();
  }

  /**
   * The string's value: escapes decoded, {@code \%} and {@code \_} read as the plain characters.
   */
  public String value() {
    return decode(false);
  }

  /**
   * The value as a PostgreSQL LIKE pattern with backslash as escape: {@code %} and {@code _} stay
   * wildcards, {@code \%} and {@code \_} become escaped literals, a literal backslash is doubled.
   */
  public String likePattern() {
    return decode(true);
  }

  private String decode(boolean like) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || escapeLength(i) < 0) {
        sb.append(c);
        continue;
      }
      char e = raw.charAt(i + 1);
      int len = escapeLength(i);
      String decoded =
          switch (Character.toLowerCase(e)) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'u' -> String.valueOf((char) Integer.parseInt(raw.substring(i + 2, i + 6), 16));
            case '%', '_' -> like ? "\\" + e : String.valueOf(e);
            default -> String.valueOf(e);
          };
      if (like && decoded.equals("\\")) {
        decoded = "\\\\";
      }
      sb.append(decoded);
      i += len - 1;
    }
    return sb.toString();
  }

  /**
   * Length of the escape starting at {@code i} (a backslash), or -1 when it is not a legal escape.
   */
  private int escapeLength(int i) {
    if (i + 1 >= raw.length()) {
      return -1;
    }
    char e = raw.charAt(i + 1);
    if ("nNrRtTbBfF\"'\\%_".indexOf(e) >= 0) {
      return 2;
    }
    if (e == 'u'
        && i + 6 <= raw.length()
        && raw.substring(i + 2, i + 6).chars().allMatch(SoqlString::isHex)) {
      return 6;
    }
    return -1;
  }

  private static boolean isHex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
