package dev.sfsim.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Random inputs for tests: seeded (every run with the same seed generates the same inputs), or
 * drawn from a Jazzer fuzzer's bytes ({@link FuzzedRandom}), so the same generators serve seeded
 * loops and coverage-guided fuzz tests. (jqwik was the first choice; its 1.10 release asks AI
 * agents not to use it, and this project's code is written with one; the fuzz tests use Jazzer.)
 */
public final class Randoms {
  private static final String PRINTABLE =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,()'=<>:.\\%_-*!@#$^&[]{}\"";

  private final RandomGenerator random;

  public Randoms(long seed) {
    this(new SplittableRandom(seed));
  }

  public Randoms(RandomGenerator random) {
    this.random = random;
  }

  public long nextLong() {
    return random.nextLong();
  }

  public int between(int min, int maxInclusive) {
    return random.nextInt(min, maxInclusive + 1);
  }

  public boolean bool() {
    return random.nextBoolean();
  }

  public double nextDouble() {
    return (random.nextBoolean() ? -1 : 1)
        * random.nextDouble()
        * Math.pow(10, random.nextInt(0, 12));
  }

  @SafeVarargs
  public final <T> T oneOf(T... values) {
    return values[random.nextInt(values.length)];
  }

  public <T> T oneOf(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Up to {@code maxSize} elements from the supplier (at least {@code minSize}). */
  public <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
    int n = between(minSize, maxSize);
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(element.get());
    }
    return list;
  }

  /**
   * Any text up to {@code maxLength} chars: mostly printable ASCII, some control characters,
   * non-ASCII and surrogates.
   */
  public String text(int maxLength) {
    int n = between(0, maxLength);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(20);
      if (kind < 15) {
        sb.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
      } else if (kind < 17) {
        sb.append((char) random.nextInt(0, 32));
      } else if (kind < 19) {
        sb.append((char) random.nextInt(0x80, 0xD7FF));
      } else {
        sb.append((char) random.nextInt(0xD800, 0xE000));
      } // lone surrogates too
    }
    return sb.toString();
  }

  /** Text of the given characters only. */
  public String textOf(String chars, int maxLength) {
    int n = between(0, maxLength);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
    return sb.toString();
  }
}
