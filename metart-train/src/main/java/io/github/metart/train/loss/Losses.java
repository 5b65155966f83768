package io.github.metart.train.loss;

import ai.djl.training.loss.Loss;
import io.github.metart.train.config.LossConfig;

/** Builds the DJL {@link Loss} of a {@link LossConfig}. */
public final class Losses {

  private Losses() {}

  /** The loss a configuration describes. */
  public static Loss of(LossConfig config) {
    return of(config, null);
  }

  /**
   * The loss a configuration describes, with class weights for cross-entropy.
   *
   * @param classWeights one weight per class, or {@code null} for none
   * @throws IllegalArgumentException for class weights with a regression loss
   */
  public static Loss of(LossConfig config, float[] classWeights) {
    if (config.kind() == LossConfig.Kind.CROSS_ENTROPY) {
      return new CrossEntropyLoss(config.labelSmoothing(), classWeights);
    }
    if (classWeights != null) {
      throw new IllegalArgumentException(
          "class weights apply to a classification loss, not to " + config.describe());
    }
    return new RegressionLoss(config.kind(), config.huberDelta());
  }
}
