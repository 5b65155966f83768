package io.github.metart.train.history;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-epoch record of a run, in epoch order, with the name and direction of its metric.
 * Immutable: {@link #plus(EpochRecord)} returns a new history.
 *
 * @param metricName {@code accuracy} or {@code mean_year_error} (or another metric's name)
 * @param higherIsBetter whether a larger metric is better (accuracy) or worse (year error)
 * @param epochs the records, numbered 1, 2, 3...
 */
public record History(String metricName, boolean higherIsBetter, List<EpochRecord> epochs) {

  /** Validates the history. */
  public History {
    checkArgument(
        metricName != null && metricName.matches("[a-z][a-z0-9_]*"),
        "the metric name must be lower-case letters, digits and underscores, got '%s'",
        metricName);
    epochs = List.copyOf(epochs);
    for (int i = 0; i < epochs.size(); i++) {
      checkArgument(
          epochs.get(i).epoch() == i + 1,
          "epoch records must be numbered 1, 2, 3...; record %s is numbered %s",
          i + 1,
          epochs.get(i).epoch());
    }
  }

  /** An empty history. */
  public static History empty(String metricName, boolean higherIsBetter) {
    return new History(metricName, higherIsBetter, List.of());
  }

  /** This history with one more epoch. */
  public History plus(EpochRecord record) {
    List<EpochRecord> more = new ArrayList<>(epochs);
    more.add(record);
    return new History(metricName, higherIsBetter, more);
  }

  /** This history cut to its first {@code count} epochs. */
  public History first(int count) {
    return new History(metricName, higherIsBetter, epochs.subList(0, Math.min(count, size())));
  }

  /** The number of epochs recorded. */
  public int size() {
    return epochs.size();
  }

  /** The last epoch, if any. */
  public Optional<EpochRecord> last() {
    return epochs.isEmpty() ? Optional.empty() : Optional.of(epochs.get(epochs.size() - 1));
  }

  /** This history without timing: what two runs with the same seed must agree on. */
  public History withoutTiming() {
    return new History(
        metricName, higherIsBetter, epochs.stream().map(EpochRecord::withoutTiming).toList());
  }
}
