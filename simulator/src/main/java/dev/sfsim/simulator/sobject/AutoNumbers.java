package dev.sfsim.simulator.sobject;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce auto-number display formats such as {@code MSJ-{00000000}}: the braces hold the zero
 * padding.
 */
final class AutoNumbers {
  private static final Pattern DIGITS = Pattern.compile("\\{(0+)}");

  private AutoNumbers() {}

  static String format(String displayFormat, long n) {
    Matcher m = DIGITS.matcher(displayFormat);
    if (!m.find()) {
      return displayFormat + n;
    }
    String digits = Long.toString(n);
    int width = m.end() - m.start() - 2; // the zeros between the braces
    StringBuilder out = new StringBuilder(displayFormat.length() + digits.length());
    out.append(displayFormat, 0, m.start());
    if (n < 0) {
      out.append('-');
      digits = digits.substring(1);
      width--;
    }
    // What String.format's %0<width>d writes (ASCII digits), without its parse of the pattern
    // (most of a send's auto-number cost in the profile).
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits).append(displayFormat, m.end(), displayFormat.length()).toString();
  }
}
