package io.github.metart.eval.report;

import static java.util.Objects.requireNonNull;

import io.github.metart.eval.evaluation.EvaluationFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files a report page was written to.
 *
 * @param page the HTML page
 * @param figures the PNG figures it shows
 * @param evaluation the metrics, Markdown and predictions files beside it, for a run with an
 *     evaluation
 */
public record ReportFiles(Path page, List<Path> figures, Optional<EvaluationFiles> evaluation) {

  /** Copies the figure list. */
  public ReportFiles {
    requireNonNull(page, "page");
    figures = List.copyOf(figures);
    requireNonNull(evaluation, "evaluation");
  }
}
