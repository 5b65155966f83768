package io.github.metart.examples.workflow;

import io.github.metart.eval.plots.RunCurves;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.HistoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A training history as the curves the reports draw: {@code train loss}, {@code validation loss},
 * {@code train accuracy} / {@code train mean year error} and their validation counterparts (series
 * names of {@link RunCurves}); values that were not measured are NaN.
 */
public final class HistoryCurves {

  private HistoryCurves() {}

  /** The curves of a history, named {@code run}; empty when the history has no epoch yet. */
  public static Optional<RunCurves> of(String run, History history) {
    if (history.epochs().isEmpty()) {
      return Optional.empty();
    }
    String metric = history.metricName().replace('_', ' ');
    RunCurves.Builder curves = RunCurves.builder(run);
    for (EpochRecord record : history.epochs()) {
      Map<String, Double> values = new LinkedHashMap<>();
      values.put(RunCurves.TRAIN_LOSS, record.trainLoss());
      values.put(RunCurves.VALIDATION_LOSS, record.valLoss());
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
}
