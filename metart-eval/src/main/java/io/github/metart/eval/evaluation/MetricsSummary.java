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

  /**
   * One summary of the evaluations of one model's tasks (culture and year of a culture+year
   * model): the kinds joined with {@code +}, the first count, the headlines one after the other
   * (their metrics differ); a single summary unchanged.
   */
  public static MetricsSummary combined(java.util.List<MetricsSummary> summaries) {
    if (summaries.size() == 1) {
      return summaries.get(0);
    }
    Map<HeadlineMetric, Double> headline = new LinkedHashMap<>();
    summaries.forEach(s -> headline.putAll(s.headline()));
    MetricsSummary first = summaries.get(0);
    return new MetricsSummary(
        first.model(),
        first.split(),
        String.join("+", summaries.stream().map(MetricsSummary::kind).toList()),
        first.count(),
        headline);
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
