package dev.sfsim.simulator.ids;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Salesforce record ids: a 3-character key prefix and 12 more characters (15, case-sensitive), plus
 * a 3-character case checksum (18). Reproduces the case-safe checksum of "Field Types" (ID), SOAP
 * API Developer Guide, as Salesforce's {@code CASESAFEID()} computes it; generated ids look like
 * {@code 0PASM000000001A} + checksum.
 */
public final class SalesforceIds {
  private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** Characters 4-6 of every generated id: a fake instance ("SM") and the reserved character. */
  private static final String POD = "SM0";

  private SalesforceIds() {}

  /** The 18-character form of a 15-character id (no validation beyond length). */
  public static String to18(String id15) {
    if (id15.length() != 15) {
      throw new IllegalArgumentException("not a 15-character id: " + id15);
    }
    StringBuilder sb = new StringBuilder(id15);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      sb.append(CHECKSUM_ALPHABET.charAt(bits));
    }
    return sb.toString();
  }

  /**
   * Parses a 15- or 18-character id into its 18-character form.
   *
   * @return empty when the text is not alphanumeric, has another length, or is an 18-character id
   *     whose checksum does not match (Salesforce answers those with {@code MALFORMED_ID})
   */
  public static Optional<String> parse(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.length() != 15 && s.length() != 18) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return Optional.empty();
      }
    }
    String full = to18(s.substring(0, 15));
    if (s.length() == 18 && !full.equals(s)) {
      return Optional.empty();
    }
    return Optional.of(full);
  }

  /** The key prefix (first three characters) of an id. */
  public static String keyPrefix(String id) {
    return id.substring(0, 3);
  }

  /** The 15-character form of an 18-character id. */
  public static String to15(String id18) {
    return id18.substring(0, 15);
  }

  /**
   * Builds the 18-character id number {@code n} of the object with the given key prefix.
   *
   * @param keyPrefix three characters, e.g. {@code 0PA}
   * @param n a positive sequence number, below 62^9
   */
  public static String generate(String keyPrefix, long n) {
    char[] digits = new char[9];
    long v = n;
    for (int i = 8; i >= 0; i--) {
      digits[i] = BASE62.charAt((int) (v % 62));
      v /= 62;
    }
    return to18(keyPrefix + POD + new String(digits));
  }
}
