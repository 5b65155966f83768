package io.github.metart.train.loss;

import ai.djl.training.loss.Loss;
import io.github.metart.train.config.LossConfig;

/** Builds the DJL {@link Loss} of a {@link LossConfig}. */
public final class Losses {

  private Losses() {}

  /** The loss a configuration describes. */
  public static Loss of(LossConfig config) {
    if (config.kind() == LossConfig.Kind.CROSS_ENTROPY) {
      return new CrossEntropyLoss(config.labelSmoothing());
    }
    return new RegressionLoss(config.kind(), config.huberDelta());
  }
}
