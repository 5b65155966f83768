package io.github.metart.examples.endtoend;

import io.github.metart.data.dataset.Manifest;
import io.github.metart.eval.evaluation.EvaluationReport;
import io.github.metart.eval.evaluation.HeadlineMetric;
import io.github.metart.examples.demo.DemoCollection;
import io.github.metart.train.fit.FitResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a demo run produced: the generated collection, both tasks' datasets, training runs and test
 * evaluations, and where everything is.
 *
 * @param size the demo size that ran
 * @param directory the demo's output folder
 * @param collection the generated collection
 * @param culture the culture task
 * @param year the year task
 * @param reportPage the index page of the report folder
 * @param elapsed the wall-clock time of the whole run
 */
public record DemoResult(
    DemoSize size,
    Path directory,
    DemoCollection collection,
    Task culture,
    Task year,
    Path reportPage,
    Duration elapsed) {

  /** Validates the fields. */
  public DemoResult {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(culture, "culture");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(reportPage, "reportPage");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * One task of the demo.
   *
   * @param manifest the prepared dataset's manifest (labels, counts per split)
   * @param preparedFolder the prepared folder (splits, manifest, image cache)
   * @param fit how training went
   * @param evaluation the test-split evaluation of the trained model
   * @param reportFolder the task's report folder ({@code index.html}, {@code metrics.json}, ...)
   * @param trainingTime the wall-clock time of training
   */
  public record Task(
      Manifest manifest,
      Path preparedFolder,
      FitResult fit,
      EvaluationReport evaluation,
      Path reportFolder,
      Duration trainingTime) {

    /** Validates the fields. */
    public Task {
      Objects.requireNonNull(manifest, "manifest");
      Objects.requireNonNull(preparedFolder, "preparedFolder");
      Objects.requireNonNull(fit, "fit");
      Objects.requireNonNull(evaluation, "evaluation");
      Objects.requireNonNull(reportFolder, "reportFolder");
      Objects.requireNonNull(trainingTime, "trainingTime");
    }

    /** A headline metric of the evaluation, NaN when it has none. */
    public double metric(HeadlineMetric metric) {
      return evaluation.headline().getOrDefault(metric, Double.NaN);
    }
  }

  /** The culture classifier's test accuracy, 0..1. */
  public double accuracy() {
    return culture.metric(HeadlineMetric.ACCURACY);
  }

  /** The accuracy of guessing at random: one over the number of labels. */
  public double chanceAccuracy() {
    return 1.0 / culture.manifest().labels().size();
  }

  /** The year regressor's mean absolute test error in years. */
  public double meanYearError() {
    return year.metric(HeadlineMetric.MEAN_YEAR_ERROR);
  }

  /** The mean absolute test error of always guessing the mean training year. */
  public double baselineYearError() {
    return year.metric(HeadlineMetric.BASELINE_MEAN_YEAR_ERROR);
  }
}
