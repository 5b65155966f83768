package io.github.metart.train.fit;

/**
 * The engine seed of every training step, derived from the run's seed and the step number: dropout
 * and other random layers draw the same numbers at the same step of a resumed run, without saving
 * the engine's generator state (which DJL cannot read back).
 */
final class StepSeeds {

  private StepSeeds() {}

  /** The seed of step {@code step} (from 0; -1 for the initialization of a fresh network). */
  static int of(long seed, long step) {
    return (int) (mix(mix(seed + 0x5EEDL) ^ step) >>> 33);
  }

  /** SplitMix64's finalizer: a bijective scrambling of 64 bits. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
