package io.github.metart.train.fit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import io.github.metart.data.dataset.YearTargetChoice;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.loss.Losses;

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

  /** What the metric sees of a batch of dataset labels (the labels, or e.g. the class indices). */
  default NDList metricLabels(NDList labels) {
    return labels;
  }

  /**
   * The loss of the task for the chosen (or default) loss configuration.
   *
   * @param classWeights the classification loss's class weights, or {@code null} for none
   */
  default Loss loss(LossConfig chosen, TrainingConfig config, float[] classWeights) {
    return Losses.of(chosen, classWeights);
  }

  /**
   * The number of label values per record a dataset for this task has under a configuration: 1
   * for cultures (the default), the year target's width for years ({@link
   * YearTargetChoice#labelWidth()}).
   */
  default int labelWidth(TrainingConfig config) {
    return 1;
  }
}
