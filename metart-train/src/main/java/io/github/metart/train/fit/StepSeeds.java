package io.github.metart.train.fit;

import io.github.metart.data.loading.SplitMix64;

/**
 * The engine seed of every training step, derived from the run's seed and the step number: dropout
 * and other random layers draw the same numbers at the same step of a resumed run, without saving
 * the engine's generator state (which DJL cannot read back).
 */
final class StepSeeds {

  private StepSeeds() {}

  /** The seed of step {@code step} (from 0; -1 for the initialization of a fresh network). */
  static int of(long seed, long step) {
    return (int) (SplitMix64.mix(SplitMix64.mix(seed + 0x5EEDL) ^ step) >>> 33);
  }
}
