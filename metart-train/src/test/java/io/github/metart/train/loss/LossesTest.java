package io.github.metart.train.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.metart.train.config.LossConfig;
import org.junit.jupiter.api.Test;
import io.github.metart.models.engine.MetEngine;

/** The losses against their formulas computed by hand. */
class LossesTest {

  @Test
  void classWeightedCrossEntropyIsPyTorchsWeightedMean() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      float[] logits = {2f, 0f, -1f, 0.5f, 0.5f, 3f, -0.5f, 1f, 0.25f};
      int[] y = {0, 1, 1};
      NDList predictions = new NDList(manager.create(logits, new Shape(3, 3)));
      NDList labels = new NDList(manager.create(new float[] {0, 1, 1}, new Shape(3, 1)));
      // balanced over the targets 0, 1, 1: n / (k * count) = 3 / (2 * 1), 3 / (2 * 2); class 2
      // absent (and beyond the array: weight 0)
      float[] weights = io.github.metart.train.fit.ClassWeightsAccess.balanced(new long[] {0, 1, 1});
      assertThat(weights).containsExactly(1.5f, 0.75f);
      double[] w = {1.5, 0.75, 0};
      double[][] logp = new double[3][3];
      for (int i = 0; i < 3; i++) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
          sum += Math.exp(logits[i * 3 + c]);
        }
        for (int c = 0; c < 3; c++) {
          logp[i][c] = logits[i * 3 + c] - Math.log(sum);
        }
      }
      for (double s : new double[] {0, 0.2}) {
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < 3; i++) {
          double smooth = 0;
          for (int c = 0; c < 3; c++) {
            smooth += w[c] * -logp[i][c];
          }
          numerator += (1 - s) * w[y[i]] * -logp[i][y[i]] + s / 3 * smooth;
          denominator += w[y[i]];
        }
        float actual =
            Losses.of(LossConfig.crossEntropy(s), weights).evaluate(labels, predictions).getFloat();
        assertThat(actual).as("smoothing %s", s).isCloseTo((float) (numerator / denominator), within(1e-6f));
      }
      // equal weights are the plain mean
      assertThat(
              Losses.of(LossConfig.crossEntropy(), new float[] {2f, 2f, 2f})
                  .evaluate(labels, predictions)
                  .getFloat())
          .isCloseTo(
              Losses.of(LossConfig.crossEntropy()).evaluate(labels, predictions).getFloat(),
              within(1e-6f));
      assertThatThrownBy(() -> Losses.of(LossConfig.l1(), weights))
          .hasMessageContaining("class weights apply to a classification loss");
    }
  }

  @Test
  void crossEntropyWithAndWithoutLabelSmoothing() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      float[] logits = {2f, 0f, -1f, 0.5f, 0.5f, 3f};
      NDList predictions = new NDList(manager.create(logits, new Shape(2, 3)));
      NDList labels = new NDList(manager.create(new float[] {0, 1}, new Shape(2, 1)));
      double[][] logp = new double[2][3];
      for (int i = 0; i < 2; i++) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
          sum += Math.exp(logits[i * 3 + c]);
        }
        for (int c = 0; c < 3; c++) {
          logp[i][c] = logits[i * 3 + c] - Math.log(sum);
        }
      }
      double plain = -(logp[0][0] + logp[1][1]) / 2;
      assertThat(Losses.of(LossConfig.crossEntropy()).evaluate(labels, predictions).getFloat())
          .isCloseTo((float) plain, within(1e-6f));
      double s = 0.1;
      double smoothed = 0;
      int[] y = {0, 1};
      for (int i = 0; i < 2; i++) {
        double uniform = -(logp[i][0] + logp[i][1] + logp[i][2]) / 3;
        smoothed += ((1 - s) * -logp[i][y[i]] + s * uniform) / 2;
      }
      assertThat(Losses.of(LossConfig.crossEntropy(s)).evaluate(labels, predictions).getFloat())
          .isCloseTo((float) smoothed, within(1e-6f));
    }
  }

  @Test
  void theIntervalLossIsZeroInsideAndTheDistanceToTheNearerEndOutside() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      // intervals (begin, end): [0.2, 0.6] for the first three, [0.5, 0.5] for the last
      NDList intervals =
          new NDList(
              manager.create(
                  new float[] {0.2f, 0.6f, 0.2f, 0.6f, 0.2f, 0.6f, 0.5f, 0.5f}, new Shape(4, 2)));
      NDList inside =
          new NDList(manager.create(new float[] {0.2f, 0.4f, 0.6f, 0.5f}, new Shape(4, 1)));
      for (LossConfig config : new LossConfig[] {LossConfig.l1(), LossConfig.l2(), LossConfig.huber(0.1)}) {
        assertThat(Losses.of(config).evaluate(intervals, inside).getFloat())
            .as(config.describe())
            .isZero();
      }
      // 0.1 is 0.1 before its interval, 0.4 inside, 0.9 is 0.3 after, 0.3 is 0.2 before 0.5
      NDList outside =
          new NDList(manager.create(new float[] {0.1f, 0.4f, 0.9f, 0.3f}, new Shape(4, 1)));
      assertThat(Losses.of(LossConfig.l1()).evaluate(intervals, outside).getFloat())
          .isCloseTo((0.1f + 0 + 0.3f + 0.2f) / 4, within(1e-6f));
      assertThat(Losses.of(LossConfig.l2()).evaluate(intervals, outside).getFloat())
          .isCloseTo((0.01f + 0 + 0.09f + 0.04f) / 4, within(1e-6f));
      // Huber with delta 0.15: 0.5 * 0.01, 0, 0.15 * (0.3 - 0.075), 0.15 * (0.2 - 0.075)
      assertThat(Losses.of(LossConfig.huber(0.15)).evaluate(intervals, outside).getFloat())
          .isCloseTo((0.005f + 0 + 0.15f * 0.225f + 0.15f * 0.125f) / 4, within(1e-6f));
    }
  }

  @Test
  void crossEntropyAgainstSoftTargets() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      float[] logits = {2f, 0f, -1f, 0.5f, 0.5f, 3f};
      NDList predictions = new NDList(manager.create(logits, new Shape(2, 3)));
      float[] soft = {0.5f, 0.5f, 0f, 0f, 0.25f, 0.75f};
      NDList labels = new NDList(manager.create(soft, new Shape(2, 3)));
      double[][] logp = new double[2][3];
      for (int i = 0; i < 2; i++) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
          sum += Math.exp(logits[i * 3 + c]);
        }
        for (int c = 0; c < 3; c++) {
          logp[i][c] = logits[i * 3 + c] - Math.log(sum);
        }
      }
      double s = 0.1;
      double plain = 0;
      double smoothed = 0;
      for (int i = 0; i < 2; i++) {
        for (int c = 0; c < 3; c++) {
          plain -= soft[i * 3 + c] * logp[i][c] / 2;
          smoothed -= ((1 - s) * soft[i * 3 + c] + s / 3) * logp[i][c] / 2;
        }
      }
      assertThat(Losses.of(LossConfig.crossEntropy()).evaluate(labels, predictions).getFloat())
          .isCloseTo((float) plain, within(1e-6f));
      assertThat(Losses.of(LossConfig.crossEntropy(s)).evaluate(labels, predictions).getFloat())
          .isCloseTo((float) smoothed, within(1e-6f));
      // one-hot soft targets give the loss of the class indices
      NDList oneHot = new NDList(manager.create(new float[] {1, 0, 0, 0, 1, 0}, new Shape(2, 3)));
      NDList indices = new NDList(manager.create(new float[] {0, 1}, new Shape(2, 1)));
      assertThat(Losses.of(LossConfig.crossEntropy(s)).evaluate(oneHot, predictions).getFloat())
          .isCloseTo(Losses.of(LossConfig.crossEntropy(s)).evaluate(indices, predictions).getFloat(), within(1e-6f));
    }
  }

  @Test
  void theCultureAndYearLossIsTheWeightedSumOfTheTwoHeadsLosses() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      // outputs [B, 3 classes + 1 year], targets [B, class + normalized year]
      float[] outputs = {2f, 0f, -1f, 0.5f, 0.5f, 0.5f, 3f, 0.1f};
      float[] targets = {0f, 0.3f, 2f, 0.4f};
      NDList predictions = new NDList(manager.create(outputs, new Shape(2, 4)));
      NDList labels = new NDList(manager.create(targets, new Shape(2, 2)));
      double cultureLoss = 0;
      for (int i = 0; i < 2; i++) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
          sum += Math.exp(outputs[i * 4 + c]);
        }
        cultureLoss -= (outputs[i * 4 + (int) targets[i * 2]] - Math.log(sum)) / 2;
      }
      double yearL1 = (Math.abs(0.5 - 0.3) + Math.abs(0.1 - 0.4)) / 2;
      for (double weight : new double[] {0, 0.5, 2}) {
        CultureYearLoss loss =
            new CultureYearLoss(3, new CrossEntropyLoss(0), Losses.of(LossConfig.l1()), weight);
        assertThat(loss.evaluate(labels, predictions).getFloat())
            .as("weight %s", weight)
            .isCloseTo((float) (cultureLoss + weight * yearL1), within(1e-5f));
      }
      // with interval targets [B, class + begin + end] the year part is the interval loss: 0.5 lies
      // inside 0.4..0.6, 0.1 is 0.1 before 0.2..0.3
      NDList intervals =
          new NDList(manager.create(new float[] {0f, 0.4f, 0.6f, 2f, 0.2f, 0.3f}, new Shape(2, 3)));
      CultureYearLoss loss = new CultureYearLoss(3, new CrossEntropyLoss(0), Losses.of(LossConfig.l1()), 2);
      assertThat(loss.evaluate(intervals, predictions).getFloat())
          .isCloseTo((float) (cultureLoss + 2 * (0 + 0.1) / 2), within(1e-5f));
    }
  }

  @Test
  void regressionLossesOnTheNormalizedYear() {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      NDList predictions = new NDList(manager.create(new float[] {0.5f, 0.1f, 0.9f}, new Shape(3, 1)));
      NDList labels = new NDList(manager.create(new float[] {0.5f, 0.3f, 0.4f}, new Shape(3, 1)));
      // differences 0, -0.2, 0.5
      assertThat(Losses.of(LossConfig.l1()).evaluate(labels, predictions).getFloat())
          .isCloseTo(0.7f / 3, within(1e-6f));
      assertThat(Losses.of(LossConfig.l2()).evaluate(labels, predictions).getFloat())
          .isCloseTo((0.04f + 0.25f) / 3, within(1e-6f));
      // delta 0.3: 0, 0.5 * 0.04, 0.3 * (0.5 - 0.15)
      assertThat(Losses.of(LossConfig.huber(0.3)).evaluate(labels, predictions).getFloat())
          .isCloseTo((0.02f + 0.105f) / 3, within(1e-6f));
    }
  }
}
