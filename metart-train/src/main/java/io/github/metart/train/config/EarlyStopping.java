package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Early stopping: training stops when the monitored quantity has not improved by more than {@code
 * minDelta} for {@code patience} epochs in a row.
 *
 * @param enabled whether early stopping is on
 * @param monitor the quantity watched
 * @param patience the number of epochs without improvement tolerated, at least 1
 * @param minDelta the smallest change that counts as an improvement, 0 or more (in the monitored
 *     unit: accuracy in 0..1, year error in years, loss in loss units)
 */
public record EarlyStopping(boolean enabled, Monitor monitor, int patience, double minDelta) {

  /** Validates the settings. */
  public EarlyStopping {
    checkArgument(monitor != null, "early stopping needs a monitor (e.g. val_metric)");
    checkArgument(patience >= 1, "early stopping patience must be at least 1, got %s", patience);
    checkArgument(
        minDelta >= 0 && Double.isFinite(minDelta),
        "early stopping minDelta must be a finite number of 0 or more, got %s",
        minDelta);
  }

  /** No early stopping: all epochs run. */
  public static EarlyStopping disabled() {
    return new EarlyStopping(false, Monitor.VAL_METRIC, 5, 0);
  }

  /** Early stopping on the given quantity with a patience of 5 epochs. */
  public static EarlyStopping on(Monitor monitor) {
    return new EarlyStopping(true, monitor, 5, 0);
  }

  /** These settings with another patience. */
  public EarlyStopping withPatience(int newPatience) {
    return new EarlyStopping(enabled, monitor, newPatience, minDelta);
  }

  /** These settings with another minimum improvement. */
  public EarlyStopping withMinDelta(double newMinDelta) {
    return new EarlyStopping(enabled, monitor, patience, newMinDelta);
  }

  /** One line such as {@code on val_metric, patience 5}. */
  @JsonIgnore
  public String describe() {
    if (!enabled) {
      return "off";
    }
    return "on "
        + monitor.name().toLowerCase(java.util.Locale.ROOT)
        + ", patience "
        + patience
        + (minDelta > 0 ? ", min delta " + minDelta : "");
  }
}
