package io.github.metart.eval.experiment;

import io.github.metart.eval.evaluation.MetricsSummary;
import io.github.metart.eval.plots.RunCurves;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one run of an experiment ended up.
 *
 * @param run the run
 * @param how what this invocation did for it
 * @param folder the run's folder ({@code train/} and {@code report/} inside)
 * @param metrics its evaluation's headline
 * @param curves its training curves
 */
public record RunOutcome(
    PlannedRun run, How how, Path folder, MetricsSummary metrics, Optional<RunCurves> curves) {

  /** What an invocation did for a run. */
  public enum How {
    /** Trained from the start and evaluated. */
    TRAINED,
    /** Continued from its last checkpoint (or only evaluated, when training had finished) . */
    RESUMED,
    /** Done in an earlier invocation: read back. */
    SKIPPED
  }

  /** Validates the fields. */
  public RunOutcome {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(how, "how");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(curves, "curves");
  }
}
