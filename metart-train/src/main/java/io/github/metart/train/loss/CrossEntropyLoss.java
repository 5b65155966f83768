package io.github.metart.train.loss;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy against class indices or soft targets, with optional label smoothing,
 * averaged over the batch, as PyTorch's {@code CrossEntropyLoss(label_smoothing=s)}: against a
 * distribution {@code t} over the classes, {@code -sum_c t'[c] log p[c]} with the smoothed target
 * {@code t' = (1 - s) t + s / C}; against an index {@code y} (a one-hot {@code t}) that is {@code (1
 * - s) * -log p[y] + s * mean_c(-log p[c])}. Since the loss is linear in the target, the loss of a
 * mixed target {@code w t_a + (1 - w) t_b} (mixup, CutMix) is {@code w CE(a) + (1 - w) CE(b)}, with
 * the same smoothing on both.
 *
 * <p>Predictions are logits {@code [B, C]}; labels hold either the class index of every sample,
 * {@code [B, 1]} or {@code [B]}, in any numeric type, or one distribution per sample, {@code [B, C]}
 * with {@code C > 1} (see {@link MixedTargets}).
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
    if (isSoft(target, logits)) {
      NDArray soft = target.toType(logits.getDataType(), false);
      if (labelSmoothing > 0) {
        soft = soft.mul(1 - labelSmoothing).add(labelSmoothing / logits.getShape().get(1));
      }
      return logits.logSoftmax(1).mul(soft).sum(new int[] {1}).neg().mean();
    }
    checkArgument(
        logits.getShape().dimension() == 2 && target.size() == logits.getShape().get(0),
        "cross-entropy needs logits [B, C] and one class index or distribution per sample, got"
            + " logits %s and labels %s",
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

  /** Whether the targets are distributions {@code [B, C]} (C > 1) rather than indices. */
  private static boolean isSoft(NDArray target, NDArray logits) {
    long classes = logits.getShape().dimension() == 2 ? logits.getShape().get(1) : -1;
    return classes > 1
        && target.getShape().dimension() == 2
        && target.getShape().get(1) == classes
        && target.getShape().get(0) == logits.getShape().get(0);
  }
}
