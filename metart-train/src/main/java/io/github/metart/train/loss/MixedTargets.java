package io.github.metart.train.loss;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.github.metart.data.loading.MixedLabels;
import java.util.function.UnaryOperator;

/**
 * The training targets of a mixed batch ({@link MixedLabels}, from mixup or CutMix): the weighted
 * combination {@code w * t(first) + (1 - w) * t(second)} of the two labels' targets.
 *
 * <ul>
 *   <li>For cross-entropy (classes, year bins) the targets are one-hot distributions, so the result
 *       is a soft target {@code [B, C]} whose rows sum to one; {@link CrossEntropyLoss} then gives
 *       exactly {@code w CE(first) + (1 - w) CE(second)}, label smoothing included.
 *   <li>For a year regression the result is the same convex combination of the two normalized years,
 *       {@code [B, 1]}: the year of a blended image is trained towards the blend of the years. (With
 *       L1 or Huber this is not {@code w L(first) + (1 - w) L(second)}; it is the target mixup
 *       defines, as for any regression.)
 * </ul>
 */
public final class MixedTargets {

  private MixedTargets() {}

  /**
   * The targets of a batch of mixed labels.
   *
   * @param labels mixed labels {@code [B, 3]}
   * @param targets turns a batch of plain labels {@code [B, 1]} into the head's targets (class or
   *     bin indices, or normalized years)
   * @param classes the number of classes (or bins) of a cross-entropy head, 0 for a regression
   * @return a soft target {@code [B, classes]}, or the mixed regression target {@code [B, 1]}
   */
  public static NDArray of(NDArray labels, UnaryOperator<NDArray> targets, int classes) {
    checkArgument(
        MixedLabels.isMixed(labels), "mixed labels are [B, 3], got %s", labels.getShape());
    checkArgument(classes >= 0, "classes must be 0 (regression) or more, got %s", classes);
    NDArray weight = MixedLabels.weight(labels).toType(DataType.FLOAT32, false);
    NDArray first = targets.apply(MixedLabels.first(labels));
    NDArray second = targets.apply(MixedLabels.second(labels));
    if (classes == 0) {
      NDArray a = first.toType(DataType.FLOAT32, false).reshape(-1, 1);
      NDArray b = second.toType(DataType.FLOAT32, false).reshape(-1, 1);
      return a.mul(weight).add(b.mul(weight.neg().add(1)));
    }
    NDArray a = first.toType(DataType.INT64, false).reshape(-1).oneHot(classes, DataType.FLOAT32);
    NDArray b = second.toType(DataType.INT64, false).reshape(-1).oneHot(classes, DataType.FLOAT32);
    return a.mul(weight).add(b.mul(weight.neg().add(1)));
  }
}
