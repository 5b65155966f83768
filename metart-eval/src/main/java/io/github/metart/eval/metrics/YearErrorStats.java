package io.github.metart.eval.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.YearOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How far predicted years are from the actual ones, in years.
 *
 * <p>All values are NaN when there are no predictions ({@code count == 0}).
 *
 * @param count the number of predictions
 * @param meanYearError the mean absolute error in years
 * @param medianYearError the median absolute error in years (mean of the two middle values for an
 *     even count)
 * @param rootMeanSquaredError the root of the mean squared error, in years
 * @param meanSignedError the mean of predicted minus actual: positive when predictions run late
 * @param within25 the share of predictions at most 25 years from the actual year
 * @param within50 the share of predictions at most 50 years from the actual year
 * @param insideInterval the share of predictions that, rounded to a whole year, fall inside the
 *     object's own date interval
 * @param meanIntervalError the mean distance in years from the prediction to the object's own date
 *     interval: 0 inside {@code [begin, end]}, else the distance to the nearer end (see {@link
 *     YearOutcome#intervalError()})
 */
public record YearErrorStats(
    int count,
    double meanYearError,
    double medianYearError,
    double rootMeanSquaredError,
    double meanSignedError,
    double within25,
    double within50,
    double insideInterval,
    double meanIntervalError) {

  /** Validates the count. */
  public YearErrorStats {
    checkArgument(count >= 0, "count must be 0 or more, got %s", count);
  }

  /** The statistics of the model's predicted years. */
  public static YearErrorStats ofOutcomes(List<YearOutcome> predictions) {
    return of(predictions, YearOutcome::predictedYear);
  }

  /** The statistics of always guessing the same year for every object. */
  public static YearErrorStats ofConstantGuess(List<YearOutcome> predictions, double year) {
    checkArgument(Double.isFinite(year), "the constant guess must be finite, got %s", year);
    return of(predictions, p -> year);
  }

  private static YearErrorStats of(
      List<YearOutcome> predictions, ToDoubleFunction<YearOutcome> guess) {
    requireNonNull(predictions, "predictions");
    int n = predictions.size();
    if (n == 0) {
      return new YearErrorStats(
          0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN);
    }
    double[] absolute = new double[n];
    double sumAbsolute = 0;
    double sumSquared = 0;
    double sumSigned = 0;
    int within25 = 0;
    int within50 = 0;
    int inside = 0;
    double sumInterval = 0;
    for (int i = 0; i < n; i++) {
      YearOutcome p = predictions.get(i);
      double predicted = guess.applyAsDouble(p);
      double error = predicted - p.actualYear();
      double abs = Math.abs(error);
      absolute[i] = abs;
      sumAbsolute += abs;
      sumSquared += error * error;
      sumSigned += error;
      if (abs <= 25) {
        within25++;
      }
      if (abs <= 50) {
        within50++;
      }
      if (YearOutcome.insideInterval(predicted, p.intervalBegin(), p.intervalEnd())) {
        inside++;
      }
      sumInterval += YearOutcome.intervalError(predicted, p.intervalBegin(), p.intervalEnd());
    }
    return new YearErrorStats(
        n,
        sumAbsolute / n,
        median(absolute),
        Math.sqrt(sumSquared / n),
        sumSigned / n,
        (double) within25 / n,
        (double) within50 / n,
        (double) inside / n,
        sumInterval / n);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * The share of predictions at most {@code years} from the actual year; NaN without predictions.
   */
  public static double shareWithin(List<YearOutcome> predictions, double years) {
    checkArgument(years >= 0, "the tolerance must be 0 or more years, got %s", years);
    if (predictions.isEmpty()) {
      return Double.NaN;
    }
    long hits = predictions.stream().filter(p -> p.absoluteError() <= years).count();
    return (double) hits / predictions.size();
  }
}
