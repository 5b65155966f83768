package io.github.metart.data.loading;

/**
 * The SplitMix64 generator: tiny, fast, and fully specified, so that shuffles and augmentations
 * are the same on every JVM and version for a given seed.
 */
final class SplitMix64 {

  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  /** A generator for a stream identified by several numbers (seed, epoch, index...). */
  static SplitMix64 of(long... keys) {
    long state = 0x6a09e667f3bcc909L;
    for (long key : keys) {
      state = mix(state + GOLDEN + key);
    }
    return new SplitMix64(state);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in {@code [0, bound)}. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in {@code [0, 1)}. */
  float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  boolean nextBoolean() {
    return nextLong() < 0;
  }
}
