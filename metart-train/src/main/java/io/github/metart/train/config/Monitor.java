package io.github.metart.train.config;

import java.util.Locale;

/**
 * A per-epoch quantity that early stopping and the best checkpoint watch. The metric is accuracy
 * for classification (higher is better) and the mean year error for year heads (lower is better);
 * losses are always lower-is-better.
 */
public enum Monitor {
  /** The validation loss. */
  VAL_LOSS,
  /** The validation metric (accuracy, or mean year error). */
  VAL_METRIC,
  /** The training loss. */
  TRAIN_LOSS,
  /** The training metric (accuracy, or mean year error). */
  TRAIN_METRIC;

  /** Whether this quantity needs a validation dataset. */
  public boolean needsValidation() {
    return this == VAL_LOSS || this == VAL_METRIC;
  }

  /** Whether this is a metric (its direction depends on the metric) rather than a loss. */
  public boolean isMetric() {
    return this == VAL_METRIC || this == TRAIN_METRIC;
  }

  /** The history column watched, e.g. {@code val_accuracy} for the metric {@code accuracy}. */
  public String column(String metricName) {
    String prefix = this == VAL_LOSS || this == VAL_METRIC ? "val_" : "train_";
    return prefix + (isMetric() ? metricName : "loss");
  }

  /** Parses {@code val_loss}, {@code val-metric}, {@code TRAIN_LOSS} and the like. */
  public static Monitor parse(String text) {
    String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Monitor monitor : values()) {
      if (monitor.name().equals(key)) {
        return monitor;
      }
    }
    throw new IllegalArgumentException(
        "unknown monitor '" + text + "': use val_loss, val_metric, train_loss or train_metric");
  }
}
