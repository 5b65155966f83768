package io.github.metart.eval.plots;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.HistoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The per-epoch values of one training run, as plain numbers: the input of the curve charts and of
 * comparisons between runs; {@link #of(String, History)} reads a training history.
 *
 * <p>Series are named {@code "<split> <metric>"}, e.g. {@code train loss}, {@code validation
 * loss}, {@code validation accuracy}, {@code validation mean year error} (see the constants);
 * series that share a metric are drawn on one chart. A value missing for an epoch is NaN.
 *
 * @param run the run's name, e.g. {@code resnet18-dropout0.5}
 * @param epochs the epoch numbers, strictly increasing, 1 or more
 * @param series the named series in display order, each with one value per epoch
 */
public record RunCurves(String run, List<Integer> epochs, Map<String, List<Double>> series) {

  /** The training loss per epoch. */
  public static final String TRAIN_LOSS = "train loss";

  /** The validation loss per epoch. */
  public static final String VALIDATION_LOSS = "validation loss";

  /** The training accuracy per epoch. */
  public static final String TRAIN_ACCURACY = "train accuracy";

  /** The validation accuracy per epoch. */
  public static final String VALIDATION_ACCURACY = "validation accuracy";

  /** The training mean year error per epoch. */
  public static final String TRAIN_YEAR_ERROR = "train mean year error";

  /** The validation mean year error per epoch. */
  public static final String VALIDATION_YEAR_ERROR = "validation mean year error";

  private static final List<String> SPLIT_PREFIXES = List.of("train ", "validation ", "test ");

  /** Validates the run name, the epochs and the series lengths. */
  public RunCurves {
    requireNonNull(run, "run");
    checkArgument(!run.isBlank(), "a run needs a name");
    epochs = List.copyOf(requireNonNull(epochs, "epochs"));
    for (int i = 0; i < epochs.size(); i++) {
      checkArgument(epochs.get(i) >= 1, "run %s: epoch numbers start at 1, got %s", run, epochs.get(i));
      checkArgument(
          i == 0 || epochs.get(i) > epochs.get(i - 1),
          "run %s: epochs must increase, got %s after %s",
          run,
          epochs.get(i),
          i == 0 ? null : epochs.get(i - 1));
    }
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> e : requireNonNull(series, "series").entrySet()) {
      checkArgument(!e.getKey().isBlank(), "run %s: a series needs a name", run);
      checkArgument(
          e.getValue().size() == epochs.size(),
          "run %s: series '%s' has %s values for %s epochs",
          run,
          e.getKey(),
          e.getValue().size(),
          epochs.size());
      copy.put(e.getKey(), List.copyOf(e.getValue()));
    }
    series = Collections.unmodifiableMap(copy);
  }

  /** The curves of a history, named {@code run}; empty when the history has no epoch yet. */
  public static Optional<RunCurves> of(String run, History history) {
    if (history.epochs().isEmpty()) {
      return Optional.empty();
    }
    String metric = history.metricName().replace('_', ' ');
    Builder curves = builder(run);
    for (EpochRecord record : history.epochs()) {
      Map<String, Double> values = new LinkedHashMap<>();
      values.put(TRAIN_LOSS, record.trainLoss());
      values.put(VALIDATION_LOSS, record.valLoss());
      values.put("train " + metric, record.trainMetric());
      values.put("validation " + metric, record.valMetric());
      curves.epoch(record.epoch(), values);
    }
    return Optional.of(curves.build());
  }

  /**
   * The curves of the run whose {@code history.json} is in {@code trainingFolder}; empty when the
   * folder has none.
   *
   * @throws IOException naming the file when it exists but cannot be read
   */
  public static Optional<RunCurves> read(String run, Path trainingFolder) throws IOException {
    if (!Files.isRegularFile(trainingFolder.resolve(HistoryFiles.JSON))) {
      return Optional.empty();
    }
    return of(run, HistoryFiles.read(trainingFolder).history());
  }

  /** A builder that adds one epoch at a time. */
  public static Builder builder(String run) {
    return new Builder(run);
  }

  /** The metric of a series name without its split, e.g. {@code loss} for {@code train loss}. */
  public static String metricOf(String seriesName) {
    for (String prefix : SPLIT_PREFIXES) {
      if (seriesName.startsWith(prefix) && seriesName.length() > prefix.length()) {
        return seriesName.substring(prefix.length());
      }
    }
    return seriesName;
  }

  /**
   * Whether higher values of a series are better: true for accuracies, F1, precision, recall and
   * shares within a tolerance; false for losses and errors.
   */
  public static boolean higherIsBetter(String seriesName) {
    String metric = metricOf(seriesName).toLowerCase(java.util.Locale.ROOT);
    return metric.contains("accuracy")
        || metric.contains("f1")
        || metric.contains("precision")
        || metric.contains("recall")
        || metric.contains("within");
  }

  /** The series names in display order. */
  public List<String> seriesNames() {
    return List.copyOf(series.keySet());
  }

  /** Whether the run has the named series. */
  public boolean has(String seriesName) {
    return series.containsKey(seriesName);
  }

  /** The values of one series. */
  public List<Double> values(String seriesName) {
    List<Double> values = series.get(seriesName);
    checkArgument(
        values != null, "run %s has no series '%s'; it has %s", run, seriesName, series.keySet());
    return values;
  }

  /** The last value of a series that is not NaN, if any. */
  public OptionalDouble last(String seriesName) {
    List<Double> values = values(seriesName);
    for (int i = values.size() - 1; i >= 0; i--) {
      if (!Double.isNaN(values.get(i))) {
        return OptionalDouble.of(values.get(i));
      }
    }
    return OptionalDouble.empty();
  }

  /** The smallest (or largest) value of a series that is not NaN, if any. */
  public OptionalDouble best(String seriesName, boolean lowerIsBetter) {
    return values(seriesName).stream()
        .filter(v -> !Double.isNaN(v))
        .mapToDouble(Double::doubleValue)
        .reduce(lowerIsBetter ? Math::min : Math::max);
  }

  /** Collects a run's values epoch by epoch; series missing in an epoch get NaN there. */
  public static final class Builder {
    private final String run;
    private final List<Integer> epochs = new ArrayList<>();
    private final Map<String, List<Double>> series = new LinkedHashMap<>();

    private Builder(String run) {
      this.run = run;
    }

    /**
     * Adds one epoch's values.
     *
     * @param epoch the epoch number, after the previous one
     * @param values the values by series name (insertion order sets the display order)
     */
    public Builder epoch(int epoch, Map<String, ? extends Number> values) {
      requireNonNull(values, "values");
      for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
        List<Double> list = series.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        while (list.size() < epochs.size()) {
          list.add(Double.NaN);
        }
        list.add(e.getValue() == null ? Double.NaN : e.getValue().doubleValue());
      }
      epochs.add(epoch);
      for (List<Double> list : series.values()) {
        while (list.size() < epochs.size()) {
          list.add(Double.NaN);
        }
      }
      return this;
    }

    /** The validated curves. */
    public RunCurves build() {
      return new RunCurves(run, epochs, series);
    }
  }
}
