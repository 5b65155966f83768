package io.github.metart.eval.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headline of an evaluation as read back from a {@code metrics.json}: enough to compare runs
 * that were evaluated in other processes.
 *
 * @param model the evaluated model's name
 * @param split the evaluated split
 * @param kind {@code classification} or {@code year}
 * @param count the number of evaluated objects
 * @param headline the headline metrics in their written order
 */
public record MetricsSummary(
    String model, String split, String kind, int count, Map<HeadlineMetric, Double> headline) {

  /** Copies the headline. */
  public MetricsSummary {
    requireNonNull(model, "model");
    requireNonNull(split, "split");
    requireNonNull(kind, "kind");
    headline = Collections.unmodifiableMap(new LinkedHashMap<>(headline));
  }

  /** The summary of a report in memory. */
  public static MetricsSummary of(EvaluationReport report) {
    return new MetricsSummary(
        report.model(),
        report.split(),
        report.result().kind(),
        report.result().count(),
        report.headline());
  }
}
