package io.github.metart.eval.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an experiment produced.
 *
 * @param directory the experiment's folder
 * @param runs every finished run, in plan order
 * @param reportPage the comparison of the finished runs ({@code report/index.html}; written when
 *     at least one run finished)
 * @param sweepPages each sweep's comparison page, when there are several sweeps
 * @param resultsCsv one line per finished run with its knobs and headline metrics
 * @param unfinished the runs that had not finished when this worker ended (failed, or held by
 *     other workers), in plan order; empty when the experiment is complete
 */
public record ExperimentResult(
    Path directory,
    List<RunOutcome> runs,
    Path reportPage,
    Map<String, Path> sweepPages,
    Path resultsCsv,
    List<RunState> unfinished) {

  /** Copies the collections. */
  public ExperimentResult {
    Objects.requireNonNull(directory, "directory");
    runs = List.copyOf(runs);
    Objects.requireNonNull(reportPage, "reportPage");
    sweepPages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sweepPages));
    Objects.requireNonNull(resultsCsv, "resultsCsv");
    unfinished = List.copyOf(unfinished);
  }

  /** How many runs this invocation did in a given way. */
  public long count(RunOutcome.How how) {
    return runs.stream().filter(r -> r.how() == how).count();
  }
}
