package io.github.metart.train.fit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.train.config.ClassWeighting;
import java.io.IOException;

/** The class weights of a run's loss ({@link ClassWeighting}), from its training split. */
final class ClassWeights {

  private ClassWeights() {}

  /**
   * The weights, or {@code null} for none.
   *
   * @param weighting the configuration's choice
   * @param task what the head learns (its training targets are the classes)
   * @param train the training split
   * @param manager where temporary arrays live
   * @throws IllegalArgumentException when weights are asked of a task that is no classification
   */
  static float[] of(
      ClassWeighting weighting, TrainingTask task, RandomAccessDataset train, NDManager manager)
      throws IOException {
    if (weighting == ClassWeighting.NONE) {
      return null;
    }
    if (!task.classification()) {
      throw new IllegalArgumentException(
          "classWeights " + weighting.key() + " needs a classifier head, not a year regression");
    }
    int n = Math.toIntExact(train.size());
    float[] labels = new float[n];
    try (NDManager scratch = manager.newSubManager()) {
      for (int i = 0; i < n; i++) {
        if (train instanceof CachedImageDataset cached) {
          labels[i] = cached.targetAt(i); // no image read
        } else {
          labels[i] =
              train.get(scratch, i).getLabels().head().toType(DataType.FLOAT32, false).getFloat(0);
        }
      }
      NDArray targets = task.trainingTargets(scratch.create(labels, new Shape(n, 1)));
      return balanced(targets.toType(DataType.INT64, false).toLongArray());
    }
  }

  /** {@code n / (k * count)} per class index, 0 for a class without samples. */
  static float[] balanced(long[] classes) {
    int size = 0;
    for (long c : classes) {
      size = Math.max(size, Math.toIntExact(c) + 1);
    }
    long[] counts = new long[size];
    for (long c : classes) {
      counts[(int) c]++;
    }
    int present = 0;
    for (long count : counts) {
      present += count > 0 ? 1 : 0;
    }
    float[] weights = new float[size];
    for (int c = 0; c < size; c++) {
      weights[c] = counts[c] == 0 ? 0 : (float) ((double) classes.length / (present * counts[c]));
    }
    return weights;
  }
}
