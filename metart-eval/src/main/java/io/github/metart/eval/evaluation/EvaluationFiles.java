package io.github.metart.eval.evaluation;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The files an {@link EvaluationReport} was written to.
 *
 * @param metricsJson {@code metrics.json}: every metric, machine-readable
 * @param markdown {@code report.md}: the same for people
 * @param predictionsCsv {@code predictions.csv}: one row per object with its Met URL
 */
public record EvaluationFiles(Path metricsJson, Path markdown, Path predictionsCsv) {

  /** The metrics file name. */
  public static final String METRICS_JSON = "metrics.json";

  /** The Markdown report file name. */
  public static final String REPORT_MD = "report.md";

  /** The per-object predictions file name. */
  public static final String PREDICTIONS_CSV = "predictions.csv";

  /** Checks that nothing is missing. */
  public EvaluationFiles {
    requireNonNull(metricsJson, "metricsJson");
    requireNonNull(markdown, "markdown");
    requireNonNull(predictionsCsv, "predictionsCsv");
  }
}
