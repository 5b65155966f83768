package io.github.metart.train.fit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.evaluator.Evaluator;

/**
 * What a model's head is trained on and measured with. Dataset labels follow the record convention
 * (float32 {@code [B, 1]}: a class index, or the year normalized to 0..1).
 */
interface TrainingTask {

  /** Whether the outputs are class (or bin) scores trained with cross-entropy. */
  boolean classification();

  /** The loss targets of a batch of dataset labels (class indices, bin indices, or the labels). */
  NDArray trainingTargets(NDArray labels);

  /**
   * A fresh DJL evaluator of the task's metric; it receives the dataset labels and {@link
   * #metricPredictions(NDList)}.
   */
  Evaluator newMetric();

  /** The metric's name in the history, e.g. {@code accuracy} or {@code mean_year_error}. */
  String metricName();

  /** Whether a larger metric is better. */
  boolean higherIsBetter();

  /** What the metric sees of a batch of outputs (the outputs, or e.g. expected normalized years). */
  NDList metricPredictions(NDList outputs);
}
