package io.github.metart.train.fit;

import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.history.EpochRecord;

/** Resolves and reads the monitored quantities of a run. */
final class Monitors {

  private Monitors() {}

  /** The quantity that decides the best checkpoint. */
  static Monitor best(TrainingConfig config, boolean hasValidation) {
    if (config.monitor() != null) {
      return config.monitor();
    }
    if (config.earlyStopping().enabled()) {
      return config.earlyStopping().monitor();
    }
    return hasValidation ? Monitor.VAL_METRIC : Monitor.TRAIN_LOSS;
  }

  /** Fails when a monitor needs validation data that the run does not have. */
  static void checkAvailable(Monitor monitor, boolean hasValidation, String user) {
    if (monitor.needsValidation() && !hasValidation) {
      throw new IllegalArgumentException(
          user
              + " watches "
              + monitor.name().toLowerCase(java.util.Locale.ROOT)
              + " but there is no validation dataset: add validation data or watch train_loss"
              + " or train_metric");
    }
  }

  /** The value of a monitored quantity in an epoch's record. */
  static double value(Monitor monitor, EpochRecord record) {
    return switch (monitor) {
      case VAL_LOSS -> record.valLoss();
      case VAL_METRIC -> record.valMetric();
      case TRAIN_LOSS -> record.trainLoss();
      case TRAIN_METRIC -> record.trainMetric();
    };
  }

  /** Whether larger values of the quantity are better. */
  static boolean higherIsBetter(Monitor monitor, TrainingTask task) {
    return monitor.isMetric() && task.higherIsBetter();
  }
}
