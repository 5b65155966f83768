package io.github.metart.eval.evaluation;

import io.github.metart.models.predict.TestTimeAugmentation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.metrics.YearBaseline;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.nio.file.Path;
import java.util.Map;

/**
 * The evaluation of one model on one split: what was measured, with the names needed to tell
 * reports apart. Written as {@code metrics.json}, {@code report.md} and {@code predictions.csv} by
 * {@link #writeTo(Path)}; the HTML page with figures comes from {@code
 * io.github.metart.eval.report.RunReport}.
 *
 * @param model the model's name, e.g. {@code resnet18} or the model folder's name
 * @param split the split evaluated, e.g. {@code test}
 * @param result what was measured
 * @param testTimeAugmentation how each prediction was averaged over views of its image ({@code
 *     null} reads as none)
 */
public record EvaluationReport(
    String model, String split, EvaluationResult result, TestTimeAugmentation testTimeAugmentation) {

  /** Validates the names. */
  public EvaluationReport {
    requireNonNull(model, "model");
    requireNonNull(split, "split");
    requireNonNull(result, "result");
    testTimeAugmentation = testTimeAugmentation == null ? TestTimeAugmentation.NONE : testTimeAugmentation;
    checkArgument(!model.isBlank(), "name the evaluated model");
    checkArgument(!split.isBlank(), "name the evaluated split");
  }

  /** An evaluation without test-time augmentation. */
  public EvaluationReport(String model, String split, EvaluationResult result) {
    this(model, split, result, TestTimeAugmentation.NONE);
  }

  /** This evaluation, saying its predictions were averaged with {@code augmentation}. */
  public EvaluationReport withTestTimeAugmentation(TestTimeAugmentation augmentation) {
    return new EvaluationReport(model, split, result, augmentation);
  }

  /** The evaluation of a classifier's predictions. */
  public static EvaluationReport classification(
      String model, String split, ClassOutcomes predictions) {
    return new EvaluationReport(model, split, ClassificationResult.of(predictions));
  }

  /** The evaluation of a year model's predictions against a constant-guess baseline. */
  public static EvaluationReport year(
      String model, String split, YearOutcomes predictions, YearBaseline baseline) {
    return new EvaluationReport(model, split, YearResult.of(predictions, baseline));
  }

  /** The numbers that sum the evaluation up, in display order. */
  public Map<HeadlineMetric, Double> headline() {
    return result.headline();
  }

  /**
   * One line for logs and the command line, e.g. {@code resnet18 on test (812 objects): accuracy
   * 61.2 %, ...}; it says so when a year baseline is a {@linkplain YearBaseline#fallback() fallback}.
   */
  public String summaryLine() {
    StringBuilder line =
        new StringBuilder()
            .append(model)
            .append(" on ")
            .append(split)
            .append(" (")
            .append(result.count())
            .append(" objects):");
    String separator = " ";
    for (Map.Entry<HeadlineMetric, Double> e : headline().entrySet()) {
      line.append(separator).append(e.getKey().displayName()).append(' ').append(e.getKey().format(e.getValue()));
      separator = ", ";
    }
    if (result instanceof YearResult years && years.metrics().baselineGuess().fallback()) {
      line.append(" (baseline: ")
          .append(years.metrics().baselineGuess().source())
          .append(", a fallback: no training mean given)");
    }
    return line.toString();
  }

  /**
   * Writes {@code metrics.json}, {@code report.md} and {@code predictions.csv} into a folder,
   * creating it.
   *
   * @return the written files
   */
  public EvaluationFiles writeTo(Path folder) {
    requireNonNull(folder, "folder");
    return new EvaluationFiles(
        MetricsJson.write(this, folder.resolve(EvaluationFiles.METRICS_JSON)),
        MarkdownReport.write(this, folder.resolve(EvaluationFiles.REPORT_MD)),
        PredictionsCsv.write(this, folder.resolve(EvaluationFiles.PREDICTIONS_CSV)));
  }
}
