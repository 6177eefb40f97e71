package dev.sfsim.simulator.org;

import java.util.ArrayList;
import java.util.List;

/**
 * A REST API version such as {@code v60.0} in {@code /services/data/v60.0/...}. The simulator
 * serves every version from {@link #OLDEST} to {@link #NEWEST}; anything else in that path segment
 * is 404 {@code NOT_FOUND}, as a real org answers {@code /services/data/vIAmABadVersion}
 * ("Versions", REST API Developer Guide).
 *
 * @param major the major version, e.g. 60
 */
public record ApiVersion(int major) implements Comparable<ApiVersion> {
  public static final int OLDEST = 31;
  public static final int NEWEST = 66;

  /**
   * Parses a path segment such as {@code v60.0}.
   *
   * @throws SalesforceException 404 {@code NOT_FOUND} when the segment is malformed or not a served
   *     version
   */
  public static ApiVersion parse(String segment) {
    // "v", two ASCII digits, ".0" and nothing else; checked by hand, not by a Matcher per request
    if (segment == null
        || segment.length() != 5
        || segment.charAt(0) != 'v'
        || !asciiDigit(segment.charAt(1))
        || !asciiDigit(segment.charAt(2))
        || !segment.endsWith(".0")) {
      throw SalesforceException.notFound();
    }
    int major = (segment.charAt(1) - '0') * 10 + (segment.charAt(2) - '0');
    if (major < OLDEST || major > NEWEST) {
      throw SalesforceException.notFound();
    }
    return new ApiVersion(major);
  }

  private static boolean asciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The version as a number, e.g. {@code 60.0}, for comparison with catalog "since" versions. */
  public double value() {
    return major;
  }

  /** {@code "60.0"}. */
  public String number() {
    return major + ".0";
  }

  /** The REST base path of this version, {@code /services/data/v60.0}. */
  public String basePath() {
    return "/services/data/v" + number();
  }

  /** Release label, e.g. {@code Spring '24}: three releases a year, 59.0 being Winter '24. */
  public String label() {
    int offset = major - 59;
    int year = 24 + Math.floorDiv(offset, 3);
    String season =
        switch (Math.floorMod(offset, 3)) {
          case 0 -> "Winter";
          case 1 -> "Spring";
          default -> "Summer";
        };
    return season + " '" + String.format("%02d", year);
  }

  /** Every served version, oldest first. */
  public static List<ApiVersion> all() {
    List<ApiVersion> versions = new ArrayList<>();
    for (int v = OLDEST; v <= NEWEST; v++) {
      versions.add(new ApiVersion(v));
    }
    return versions;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return Integer.compare(major, o.major);
  }
}
