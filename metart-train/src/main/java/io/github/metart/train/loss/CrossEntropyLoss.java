package io.github.metart.train.loss;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy against class indices, with optional label smoothing, averaged over the
 * batch: {@code (1 - s) * -log p[y] + s * mean_c(-log p[c])}, as PyTorch's {@code
 * CrossEntropyLoss(label_smoothing=s)}.
 *
 * <p>Predictions are logits {@code [B, C]}; labels hold the class index of every sample, {@code [B,
 * 1]} or {@code [B]}, in any numeric type, or one distribution over the classes per sample, {@code
 * [B, C]} (soft targets, see {@link #evaluate}).
 */
public final class CrossEntropyLoss extends Loss {

  private final double labelSmoothing;

  /**
   * A loss.
   *
   * @param labelSmoothing the smoothing, in [0, 1)
   */
  public CrossEntropyLoss(double labelSmoothing) {
    super("cross_entropy");
    checkArgument(
        labelSmoothing >= 0 && labelSmoothing < 1,
        "label smoothing must be in [0, 1), got %s",
        labelSmoothing);
    this.labelSmoothing = labelSmoothing;
  }

  /** The label smoothing. */
  public double labelSmoothing() {
    return labelSmoothing;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray target = labels.singletonOrThrow();
    if (isDistribution(logits, target)) {
      return soft(logits.logSoftmax(1), target.toType(logits.getDataType(), false));
    }
    checkArgument(
        logits.getShape().dimension() == 2 && target.size() == logits.getShape().get(0),
        "cross-entropy needs logits [B, C] and one class index per sample, got logits %s and"
            + " labels %s",
        logits.getShape(),
        target.getShape());
    NDArray logProbabilities = logits.logSoftmax(1);
    NDArray index = target.toType(DataType.INT64, false).reshape(-1, 1);
    NDArray negativeLogLikelihood = logProbabilities.gather(index, 1).neg();
    if (labelSmoothing == 0) {
      return negativeLogLikelihood.mean();
    }
    NDArray uniform = logProbabilities.mean(new int[] {1}, true).neg();
    return negativeLogLikelihood
        .mul(1 - labelSmoothing)
        .add(uniform.mul(labelSmoothing))
        .mean();
  }

  /** Whether the labels are one distribution per sample, {@code [B, C]} like the logits (C > 1). */
  private static boolean isDistribution(NDArray logits, NDArray target) {
    return logits.getShape().dimension() == 2
        && logits.getShape().get(1) > 1
        && target.getShape().equals(logits.getShape());
  }

  /**
   * Cross-entropy against soft targets {@code t} (rows summing to 1, e.g. a year interval spread
   * over its bins): {@code mean_b(-sum_c t'[c] * log p[c])} with {@code t' = (1 - s) * t + s / C},
   * which for a one-hot {@code t} is the hard formula above.
   */
  private NDArray soft(NDArray logProbabilities, NDArray targets) {
    long classes = logProbabilities.getShape().get(1);
    NDArray smoothed =
        labelSmoothing == 0 ? targets : targets.mul(1 - labelSmoothing).add(labelSmoothing / classes);
    return smoothed.mul(logProbabilities).sum(new int[] {1}).neg().mean();
  }
}
