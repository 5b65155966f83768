package io.github.metart.data.loading;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * The labels of a mixed batch (mixup or CutMix, see {@link Augmentation#mixup()}): float32 {@code
 * [B, 3]}, per sample its own label, the label it was mixed with, and the weight of its own label
 * in {@code [0.5, 1]} (the columns are ordered so that the first label weighs most). A label is
 * what an unmixed batch holds ({@code [B, 1]}: a class index or a normalized year); the training
 * target is {@code w * target(first) + (1 - w) * target(second)}: a soft class distribution for
 * cross-entropy, the same convex combination of the two normalized years for a year regression.
 */
public final class MixedLabels {

  /** The columns of mixed labels. */
  public static final int COLUMNS = 3;

  private MixedLabels() {}

  /** Whether a batch of labels is mixed ({@code [B, 3]}) rather than plain ({@code [B, 1]}). */
  public static boolean isMixed(NDArray labels) {
    return labels.getShape().dimension() == 2 && labels.getShape().get(1) == COLUMNS;
  }

  /** The first (heavier) label of every sample, {@code [B, 1]}: what a metric compares with. */
  public static NDArray first(NDArray labels) {
    return labels.get(new NDIndex(":, 0:1"));
  }

  /** The second label of every sample, {@code [B, 1]}. */
  public static NDArray second(NDArray labels) {
    return labels.get(new NDIndex(":, 1:2"));
  }

  /** The weight of the first label of every sample, {@code [B, 1]}. */
  public static NDArray weight(NDArray labels) {
    return labels.get(new NDIndex(":, 2:3"));
  }

  /** Plain labels as they are; of mixed labels the first one (for metrics), {@code [B, 1]}. */
  public static NDArray dominant(NDArray labels) {
    return isMixed(labels) ? first(labels) : labels;
  }
}
