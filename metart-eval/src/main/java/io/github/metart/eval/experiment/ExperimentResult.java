package io.github.metart.eval.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an experiment produced.
 *
 * @param directory the experiment's folder
 * @param runs every run, in plan order
 * @param reportPage the comparison of all runs ({@code report/index.html})
 * @param sweepPages each sweep's comparison page, when there are several sweeps
 * @param resultsCsv one line per run with its knobs and headline metrics
 */
public record ExperimentResult(
    Path directory, List<RunOutcome> runs, Path reportPage, Map<String, Path> sweepPages, Path resultsCsv) {

  /** Copies the collections. */
  public ExperimentResult {
    Objects.requireNonNull(directory, "directory");
    runs = List.copyOf(runs);
    Objects.requireNonNull(reportPage, "reportPage");
    sweepPages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sweepPages));
    Objects.requireNonNull(resultsCsv, "resultsCsv");
  }

  /** How many runs this invocation did in a given way. */
  public long count(RunOutcome.How how) {
    return runs.stream().filter(r -> r.how() == how).count();
  }
}
