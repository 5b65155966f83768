package io.github.metart.train.sampling;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The order in which an epoch visits a dataset: a permutation that depends only on the seed, the
 * epoch and the dataset size, the same on every machine and JVM (its generator is SplitMix64 and the
 * shuffle Fisher-Yates, both written out here rather than borrowed from the JDK), so that a resumed
 * run sees exactly the batches an uninterrupted one would.
 */
public final class EpochOrder {

  private EpochOrder() {}

  /**
   * The visiting order of one epoch.
   *
   * @param size the dataset size, 0 or more (at most {@link Integer#MAX_VALUE})
   * @param seed the run's seed
   * @param epoch the epoch, 0-based
   * @param shuffle {@code false} for the natural order 0..size-1
   * @return the indices in visiting order
   */
  public static long[] of(long size, long seed, int epoch, boolean shuffle) {
    checkArgument(
        size >= 0 && size <= Integer.MAX_VALUE,
        "dataset size must be between 0 and %s, got %s",
        Integer.MAX_VALUE,
        size);
    checkArgument(epoch >= 0, "epoch must be 0 or more, got %s", epoch);
    int n = (int) size;
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (!shuffle) {
      return order;
    }
    long state = mix(seed ^ 0x6D6574617274L) + mix(epoch + 0x9E3779B97F4A7C15L);
    for (int i = n - 1; i > 0; i--) {
      state += 0x9E3779B97F4A7C15L;
      long random = mix(state) >>> 1;
      int j = (int) (random % (i + 1));
      long swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** SplitMix64's finalizer: a bijective scrambling of 64 bits. */
  static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The engine seed of one training step, derived from the run's seed and the step number, so that
   * dropout and other random layers draw the same numbers at the same step of a resumed run.
   */
  public static int stepSeed(long seed, long step) {
    return (int) (mix(mix(seed + 0x5EEDL) ^ step) >>> 33);
  }
}
