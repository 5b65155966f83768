package io.github.metart.train.checkpoint;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The running sums of the epoch in progress, saved so that an epoch resumed from a mid-epoch
 * checkpoint reports the same means as one that ran through.
 *
 * @param lossSum the sum over samples of the training loss
 * @param metricSum the sum over samples of the training metric
 * @param samples the number of training samples seen this epoch
 * @param seconds training seconds spent this epoch before the checkpoint
 * @param learningRate the learning rate at the epoch's first step (NaN before it)
 */
public record EpochTotals(
    double lossSum, double metricSum, long samples, double seconds, double learningRate) {

  /** Validates the totals. */
  public EpochTotals {
    checkArgument(samples >= 0, "samples must be 0 or more, got %s", samples);
    checkArgument(seconds >= 0, "seconds must be 0 or more, got %s", seconds);
  }

  /** The totals of an epoch that has not started. */
  public static EpochTotals zero() {
    return new EpochTotals(0, 0, 0, 0, Double.NaN);
  }

  /** These totals after a batch. */
  public EpochTotals plus(
      double batchLossMean, double batchMetricMean, int batchSamples, double batchSeconds,
      double batchLearningRate) {
    return new EpochTotals(
        lossSum + batchLossMean * batchSamples,
        metricSum + batchMetricMean * batchSamples,
        samples + batchSamples,
        seconds + batchSeconds,
        Double.isNaN(learningRate) ? batchLearningRate : learningRate);
  }

  /** The mean loss so far (NaN before the first sample). */
  public double meanLoss() {
    return samples == 0 ? Double.NaN : lossSum / samples;
  }

  /** The mean metric so far (NaN before the first sample). */
  public double meanMetric() {
    return samples == 0 ? Double.NaN : metricSum / samples;
  }
}
