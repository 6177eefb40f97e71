package dev.sfsim.simulator.sobject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AutoNumbersTest {
  @Test
  void padsAsStringFormatDid() {
    String[] formats = {"MSJ-{00000000}", "A{0}", "{000}-x", "N-{00}-{000}", "plain"};
    long[] values = {0, 1, 7, 99, 100, 12_345_678, 123_456_789, Long.MAX_VALUE, -1, -42, -123_456};
    for (String f : formats) {
      for (long n : values) {
        assertThat(AutoNumbers.format(f, n)).as(f + " " + n).isEqualTo(old(f, n));
      }
    }
  }

  @Test
  void samples() {
    assertThat(AutoNumbers.format("MSJ-{00000000}", 1)).isEqualTo("MSJ-00000001");
    assertThat(AutoNumbers.format("MSJ-{00000000}", 123_456_789)).isEqualTo("MSJ-123456789");
  }

  /** The former implementation. */
  private static String old(String displayFormat, long n) {
    var m = java.util.regex.Pattern.compile("\\{(0+)}").matcher(displayFormat);
    if (!m.find()) {
      return displayFormat + n;
    }
    String digits = String.format(Locale.ROOT, "%0" + m.group(1).length() + "d", n);
    return displayFormat.substring(0, m.start()) + digits + displayFormat.substring(m.end());
  }
}
