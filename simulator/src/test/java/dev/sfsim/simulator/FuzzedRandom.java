package dev.sfsim.simulator;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Random;

/**
 * A {@link Random} whose every draw comes from the fuzzer's input, so the input generators written
 * against {@code Random} ({@code RandomSoql}, ...) become grammars the fuzzer steers: a mutated
 * input byte changes one choice (an object, a field, an operator, a mutation) instead of reseeding
 * everything. Once the input is used up, every draw is the smallest value, so generation always
 * ends.
 */
public final class FuzzedRandom extends Random {
  private final transient FuzzedDataProvider data;

  public FuzzedRandom(FuzzedDataProvider data) {
    super(0);
    this.data = data;
  }

  @Override
  protected int next(int bits) {
    return data == null ? 0 : data.consumeInt() >>> (32 - bits);
  }

  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    return data.consumeInt(0, bound - 1);
  }

  @Override
  public int nextInt(int origin, int bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("bound must be greater than origin");
    }
    return data.consumeInt(origin, bound - 1);
  }

  @Override
  public boolean nextBoolean() {
    return data.consumeBoolean();
  }
}
