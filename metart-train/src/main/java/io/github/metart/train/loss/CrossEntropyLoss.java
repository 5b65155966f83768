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
 * <p>Predictions are logits {@code [B, C]}; labels hold the class index of every sample, {@code [B,
 * 1]} or {@code [B]}, in any numeric type, or one distribution over the classes per sample, {@code
 * [B, C]} (soft targets: an interval spread over year bins, or mixed labels, see {@link MixedTargets}).
 */
public final class CrossEntropyLoss extends Loss {

  private final double labelSmoothing;
  private final float[] classWeights;

  /**
   * A loss.
   *
   * @param labelSmoothing the smoothing, in [0, 1)
   */
  public CrossEntropyLoss(double labelSmoothing) {
    this(labelSmoothing, null);
  }

  /**
   * A loss with class weights, as PyTorch's {@code CrossEntropyLoss(weight=w,
   * label_smoothing=s)}: {@code sum_i [(1 - s) w[y_i] (-log p_i[y_i]) + s/C sum_c w[c] (-log
   * p_i[c])] / sum_i w[y_i]}.
   *
   * @param labelSmoothing the smoothing, in [0, 1)
   * @param classWeights one weight per class (classes beyond its length weigh 0), or {@code null}
   *     for none
   */
  public CrossEntropyLoss(double labelSmoothing, float[] classWeights) {
    super("cross_entropy");
    this.classWeights = classWeights == null ? null : classWeights.clone();
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
        "cross-entropy needs logits [B, C] and one class index or distribution per sample, got"
            + " logits %s and labels %s",
        logits.getShape(),
        target.getShape());
    NDArray logProbabilities = logits.logSoftmax(1);
    NDArray index = target.toType(DataType.INT64, false).reshape(-1, 1);
    NDArray negativeLogLikelihood = logProbabilities.gather(index, 1).neg();
    if (classWeights != null) {
      return weighted(logProbabilities, index, negativeLogLikelihood);
    }
    if (labelSmoothing == 0) {
      return negativeLogLikelihood.mean();
    }
    NDArray uniform = logProbabilities.mean(new int[] {1}, true).neg();
    return negativeLogLikelihood
        .mul(1 - labelSmoothing)
        .add(uniform.mul(labelSmoothing))
        .mean();
  }

  private NDArray weighted(NDArray logProbabilities, NDArray index, NDArray negativeLogLikelihood) {
    long classes = logProbabilities.getShape().get(1);
    float[] padded = java.util.Arrays.copyOf(classWeights, Math.toIntExact(classes));
    NDArray weights =
        logProbabilities.getManager().create(padded).toDevice(logProbabilities.getDevice(), false);
    NDArray targetWeights = weights.get(index.reshape(-1)).reshape(-1, 1);
    NDArray total = negativeLogLikelihood.mul(targetWeights).mul(1 - labelSmoothing);
    if (labelSmoothing > 0) {
      NDArray smoothing =
          logProbabilities.mul(weights.reshape(1, -1)).sum(new int[] {1}, true).neg();
      total = total.add(smoothing.mul(labelSmoothing / classes));
    }
    return total.sum().div(targetWeights.sum());
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
   * which for a one-hot {@code t} is the hard formula above. With class weights, each class's term is
   * weighted, {@code -sum_c w[c] t'[c] log p[c]}, as PyTorch weighs probability targets (the batch
   * mean is not renormalized).
   */
  private NDArray soft(NDArray logProbabilities, NDArray targets) {
    long classes = logProbabilities.getShape().get(1);
    NDArray smoothed =
        labelSmoothing == 0 ? targets : targets.mul(1 - labelSmoothing).add(labelSmoothing / classes);
    if (classWeights != null) {
      float[] padded = java.util.Arrays.copyOf(classWeights, Math.toIntExact(classes));
      smoothed = smoothed.mul(
          logProbabilities.getManager().create(padded).toDevice(logProbabilities.getDevice(), false).reshape(1, -1));
    }
    return smoothed.mul(logProbabilities).sum(new int[] {1}).neg().mean();
  }
}
