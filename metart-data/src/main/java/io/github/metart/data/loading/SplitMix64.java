package io.github.metart.data.loading;

/**
 * The SplitMix64 generator: tiny, fast, and fully specified, so that shuffles and augmentations
 * are the same on every JVM and version for a given seed. It is metart's one seed mixer: every
 * seed derived from another (per object, per step, per (seed, epoch, index)) goes through {@link
 * #mix(long)} or {@link #of(long...)}. Hand-written because it is six lines and its exact numbers
 * are part of every seeded result; {@link java.util.SplittableRandom} uses the same algorithm but
 * does not expose the finalizer.
 */
public final class SplitMix64 {

  /** The golden-ratio increment of the generator's state. */
  public static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private long state;

  /** A generator starting from the given state. */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** A generator for a stream identified by several numbers (seed, epoch, index...). */
  public static SplitMix64 of(long... keys) {
    long state = 0x6a09e667f3bcc909L;
    for (long key : keys) {
      state = mix(state + GOLDEN + key);
    }
    return new SplitMix64(state);
  }

  /**
   * SplitMix64's finalizer: a bijective, well-mixed scrambling of 64 bits.
   *
   * @param z any value
   * @return its mix
   */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The next 64 random bits. */
  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in {@code [0, bound)}. */
  public int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in {@code [0, 1)}. */
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** A fair coin. */
  public boolean nextBoolean() {
    return nextLong() < 0;
  }
}
