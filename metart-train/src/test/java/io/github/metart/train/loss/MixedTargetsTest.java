package io.github.metart.train.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.metart.models.engine.MetEngine;
import io.github.metart.train.config.LossConfig;
import org.junit.jupiter.api.Test;

/** Mixed (mixup, CutMix) targets and the soft-target cross-entropy against their formulas. */
class MixedTargetsTest {

  private static final float[] LOGITS = {2f, 0f, -1f, 0.5f, 0.5f, 3f, -0.5f, 1f, 0.2f};

  private static double logp(int sample, int c) {
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      sum += Math.exp(LOGITS[sample * 3 + k]);
    }
    return LOGITS[sample * 3 + c] - Math.log(sum);
  }

  /** The per-sample smoothed cross-entropy against class {@code y}. */
  private static double ce(int sample, int y, double s) {
    double uniform = -(logp(sample, 0) + logp(sample, 1) + logp(sample, 2)) / 3;
    return (1 - s) * -logp(sample, y) + s * uniform;
  }

  @Test
  void softTargetsSumToOneAndTheLossIsTheWeightedSumOfBothCrossEntropies() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      // per sample: first label, second label, weight of the first
      float[] mixed = {0, 2, 0.7f, 1, 1, 1f, 2, 0, 0.55f};
      NDArray labels = manager.create(mixed, new Shape(3, 3));
      NDArray soft = MixedTargets.of(labels, x -> x, 3);

      assertThat(soft.getShape()).isEqualTo(new Shape(3, 3));
      float[] rows = soft.sum(new int[] {1}).toFloatArray();
      assertThat(rows).containsExactly(new float[] {1f, 1f, 1f}, within(1e-6f));
      assertThat(soft.toFloatArray())
          .containsExactly(new float[] {0.7f, 0, 0.3f, 0, 1, 0, 0.45f, 0, 0.55f}, within(1e-6f));

      NDList predictions = new NDList(manager.create(LOGITS, new Shape(3, 3)));
      for (double s : new double[] {0, 0.1}) {
        double expected =
            (0.7 * ce(0, 0, s) + 0.3 * ce(0, 2, s) + ce(1, 1, s) + 0.55 * ce(2, 2, s) + 0.45 * ce(2, 0, s))
                / 3;
        float loss = Losses.of(LossConfig.crossEntropy(s)).evaluate(new NDList(soft), predictions).getFloat();
        assertThat(loss).as("smoothing %s", s).isCloseTo((float) expected, within(1e-5f));
      }
    }
  }

  @Test
  void aOneHotSoftTargetGivesTheIndexLoss() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      NDList predictions = new NDList(manager.create(LOGITS, new Shape(3, 3)));
      NDArray index = manager.create(new float[] {2, 0, 1}, new Shape(3, 1));
      NDArray oneHot = manager.create(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, new Shape(3, 3));
      for (double s : new double[] {0, 0.2}) {
        CrossEntropyLoss loss = new CrossEntropyLoss(s);
        assertThat(loss.evaluate(new NDList(oneHot), predictions).getFloat())
            .isCloseTo(loss.evaluate(new NDList(index), predictions).getFloat(), within(1e-6f));
      }
    }
  }

  @Test
  void headTargetsAreMixedAfterTheHeadTurnsLabelsIntoTargets() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      // normalized years 0.12 and 0.81 into 4 bins: bins 0 and 3
      NDArray labels = manager.create(new float[] {0.12f, 0.81f, 0.6f}, new Shape(1, 3));
      NDArray soft = MixedTargets.of(labels, x -> x.mul(4).floor(), 4);
      assertThat(soft.toFloatArray()).containsExactly(new float[] {0.6f, 0, 0, 0.4f}, within(1e-6f));
    }
  }

  @Test
  void aYearRegressionIsTrainedTowardsTheSameConvexCombinationOfTheYears() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      NDArray labels = manager.create(new float[] {0.2f, 0.8f, 0.75f, 0.5f, 0.1f, 1f}, new Shape(2, 3));
      NDArray target = MixedTargets.of(labels, x -> x, 0);
      assertThat(target.getShape()).isEqualTo(new Shape(2, 1));
      assertThat(target.toFloatArray())
          .containsExactly(new float[] {0.75f * 0.2f + 0.25f * 0.8f, 0.5f}, within(1e-6f));
    }
  }
}
