package dev.sfsim.simulator.messaging;

/**
 * {@code *}-wildcard matching of a fault rule's {@code messagingPlatformKey} without backtracking:
 * the classic two-pointer match that, on a mismatch, resumes from the last {@code *} only. Each
 * step moves the text position forward or the star's restart point forward, so a match costs at
 * most (pattern length × text length) steps, linear in the text for a given pattern, where a
 * regular expression of {@code .*} groups backtracks exponentially on patterns such as {@code
 * *0*0*0*0*0*0*0*0*0*0*X}.
 */
final class Glob {
  private Glob() {}

  /**
   * Whether {@code text} matches {@code pattern} as a whole; {@code *} matches any run of
   * characters, nothing else is special.
   */
  static boolean matches(String pattern, String text) {
    return steps(pattern, text) >= 0;
  }

  /**
   * Steps taken by the match: its count when it matched, minus one minus the count when it did not
   * (for tests that bound the work).
   */
  static long steps(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    long steps = 0;
    while (t < text.length()) {
      steps++;
      if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return -1 - steps;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length() ? steps : -1 - steps;
  }
}
