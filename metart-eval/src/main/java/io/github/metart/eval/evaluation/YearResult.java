package io.github.metart.eval.evaluation;

import static java.util.Objects.requireNonNull;

import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.LargeYearError;
import io.github.metart.eval.metrics.YearBaseline;
import io.github.metart.eval.metrics.YearMetrics;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured on a year model's predictions over one split: the year errors beside the
 * constant-guess baseline, the mean year error by department, classification and object name, and
 * the objects missed the most.
 *
 * @param outcomes the outcomes measured
 * @param metrics the model's and the baseline's year errors
 * @param breakdowns mean year error per metadata field
 * @param largestErrors the objects with the largest errors, largest first
 */
public record YearResult(
    YearOutcomes outcomes,
    YearMetrics metrics,
    List<Breakdown> breakdowns,
    List<LargeYearError> largestErrors)
    implements EvaluationResult {

  /** How many of the largest errors {@link #of} keeps. */
  public static final int LARGEST_ERRORS = 100;

  /** Checks that nothing is missing. */
  public YearResult {
    requireNonNull(outcomes, "outcomes");
    requireNonNull(metrics, "metrics");
    breakdowns = List.copyOf(breakdowns);
    largestErrors = List.copyOf(largestErrors);
  }

  /**
   * Measures everything on the given predictions.
   *
   * @param outcomes the outcomes
   * @param baseline the constant guess to compare with, usually the mean training year
   */
  public static YearResult of(YearOutcomes outcomes, YearBaseline baseline) {
    return new YearResult(
        outcomes,
        YearMetrics.of(outcomes, baseline),
        Breakdown.yearErrorByEveryField(outcomes),
        LargeYearError.largest(outcomes, LARGEST_ERRORS));
  }

  @Override
  public String kind() {
    return "year";
  }

  @Override
  public int count() {
    return metrics.count();
  }

  @Override
  public Map<HeadlineMetric, Double> headline() {
    Map<HeadlineMetric, Double> headline = new LinkedHashMap<>();
    headline.put(HeadlineMetric.MEAN_YEAR_ERROR, metrics.model().meanYearError());
    headline.put(HeadlineMetric.MEDIAN_YEAR_ERROR, metrics.model().medianYearError());
    headline.put(HeadlineMetric.RMSE_YEARS, metrics.model().rootMeanSquaredError());
    headline.put(HeadlineMetric.WITHIN_25_YEARS, metrics.model().within25());
    headline.put(HeadlineMetric.WITHIN_50_YEARS, metrics.model().within50());
    headline.put(HeadlineMetric.INSIDE_INTERVAL, metrics.model().insideInterval());
    headline.put(HeadlineMetric.MEAN_INTERVAL_ERROR, metrics.model().meanIntervalError());
    headline.put(HeadlineMetric.BASELINE_MEAN_YEAR_ERROR, metrics.baseline().meanYearError());
    return Collections.unmodifiableMap(headline);
  }
}
