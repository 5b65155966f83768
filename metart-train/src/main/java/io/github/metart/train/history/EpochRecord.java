package io.github.metart.train.history;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What one epoch achieved. Values that were not measured (no validation data) are {@code NaN}.
 *
 * @param epoch the epoch number, from 1
 * @param trainLoss the mean training loss over the epoch's samples
 * @param trainMetric the training metric over the epoch's samples (accuracy in 0..1, or the mean
 *     year error in years), measured in training mode
 * @param valLoss the mean validation loss, or NaN
 * @param valMetric the validation metric, or NaN
 * @param learningRate the learning rate at the epoch's first step
 * @param seconds the epoch's wall-clock time, validation included
 * @param imagesPerSecond training images per second of training time
 */
public record EpochRecord(
    int epoch,
    double trainLoss,
    double trainMetric,
    double valLoss,
    double valMetric,
    double learningRate,
    double seconds,
    double imagesPerSecond) {

  /** Validates the record. */
  public EpochRecord {
    checkArgument(epoch >= 1, "epoch numbers start at 1, got %s", epoch);
  }

  /** Whether validation was measured. */
  public boolean hasValidation() {
    return !Double.isNaN(valLoss);
  }

  /**
   * The value of a history column or monitor: {@code train_loss}, {@code val_loss}, or a metric
   * column such as {@code val_accuracy} or {@code train_mean_year_error} ({@code val_} and {@code
   * train_} prefixes pick the split).
   *
   * @throws IllegalArgumentException for a name that is neither
   */
  public double value(String column) {
    return switch (column) {
      case "train_loss" -> trainLoss;
      case "val_loss" -> valLoss;
      default -> {
        if (column.startsWith("val_")) {
          yield valMetric;
        }
        checkArgument(column.startsWith("train_"), "unknown history column '%s'", column);
        yield trainMetric;
      }
    };
  }

  /**
   * This record without its timing (seconds and images per second set to 0): what two runs with the
   * same seed must agree on.
   */
  public EpochRecord withoutTiming() {
    return new EpochRecord(epoch, trainLoss, trainMetric, valLoss, valMetric, learningRate, 0, 0);
  }
}
