package io.github.metart.eval.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.evaluation.EvaluationReport;
import io.github.metart.eval.evaluation.HeadlineMetric;
import io.github.metart.eval.evaluation.MetricsSummary;
import io.github.metart.eval.plots.RunCurves;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run on a comparison page: its name, its final numbers and, when known, its training curves
 * and a link to its own page.
 *
 * @param name the run's name, e.g. {@code dropout 0.5}
 * @param headline the run's headline metrics (may be empty)
 * @param curves the run's per-epoch values, if any
 * @param link the run's own page relative to the comparison page, e.g. {@code
 *     runs/dropout-0.5/index.html}, if any
 */
public record ComparedRun(
    String name,
    Map<HeadlineMetric, Double> headline,
    Optional<RunCurves> curves,
    Optional<String> link) {

  /** Validates the name and copies the headline. */
  public ComparedRun {
    requireNonNull(name, "name");
    checkArgument(!name.isBlank(), "a compared run needs a name");
    headline = Collections.unmodifiableMap(new LinkedHashMap<>(headline));
    requireNonNull(curves, "curves");
    requireNonNull(link, "link");
    link.ifPresent(
        l ->
            checkArgument(
                !l.contains("://") && !l.startsWith("/"),
                "run %s: the link must be relative to the comparison page, got %s",
                name,
                l));
  }

  /** A run known by its headline numbers. */
  public static ComparedRun of(String name, Map<HeadlineMetric, Double> headline) {
    return new ComparedRun(name, headline, Optional.empty(), Optional.empty());
  }

  /** A run known by its evaluation. */
  public static ComparedRun of(String name, EvaluationReport evaluation) {
    return of(name, evaluation.headline());
  }

  /** A run known by a {@code metrics.json} read back. */
  public static ComparedRun of(String name, MetricsSummary summary) {
    return of(name, summary.headline());
  }

  /** A run known only by its training curves, named after them. */
  public static ComparedRun of(RunCurves curves) {
    return new ComparedRun(curves.run(), Map.of(), Optional.of(curves), Optional.empty());
  }

  /** The same run with training curves. */
  public ComparedRun withCurves(RunCurves curves) {
    return new ComparedRun(name, headline, Optional.of(curves), link);
  }

  /** The same run with a link to its own page, relative to the comparison page. */
  public ComparedRun withLink(String relativeLink) {
    return new ComparedRun(name, headline, curves, Optional.of(relativeLink));
  }
}
