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
    String digits = String.format("%0" + m.group(1).length() + "d", n);
    return displayFormat.substring(0, m.start()) + digits + displayFormat.substring(m.end());
  }
}
