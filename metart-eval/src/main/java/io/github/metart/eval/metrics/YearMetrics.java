package io.github.metart.eval.metrics;

import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.YearOutcomes;

/**
 * The year errors of a model beside those of the constant-guess baseline over the same objects, so
 * that a mean year error of 60 can be judged against the 150 of always guessing the mean year.
 *
 * @param model the errors of the model's predictions
 * @param baseline the errors of always guessing {@code baselineGuess.year()}
 * @param baselineGuess the constant guess and where it comes from
 */
public record YearMetrics(YearErrorStats model, YearErrorStats baseline, YearBaseline baselineGuess) {

  /** Checks that nothing is missing. */
  public YearMetrics {
    requireNonNull(model, "model");
    requireNonNull(baseline, "baseline");
    requireNonNull(baselineGuess, "baselineGuess");
  }

  /**
   * Computes the model's year errors and the baseline's.
   *
   * @param predictions the predictions over one split
   * @param baselineGuess the constant guess, usually {@link YearBaseline#meanTrainingYear}
   */
  public static YearMetrics of(YearOutcomes predictions, YearBaseline baselineGuess) {
    requireNonNull(predictions, "predictions");
    requireNonNull(baselineGuess, "baselineGuess");
    return new YearMetrics(
        YearErrorStats.ofOutcomes(predictions.outcomes()),
        YearErrorStats.ofConstantGuess(predictions.outcomes(), baselineGuess.year()),
        baselineGuess);
  }

  /** The number of predictions. */
  public int count() {
    return model.count();
  }

  /** The model's mean absolute error in years. */
  public double meanYearError() {
    return model.meanYearError();
  }

  /**
   * How much smaller the model's mean year error is than the baseline's, as a share of the
   * baseline's: 0.6 means 60 % smaller, negative means worse than guessing. NaN when undefined.
   */
  public double improvementOverBaseline() {
    double base = baseline.meanYearError();
    if (Double.isNaN(base) || base == 0) {
      return Double.NaN;
    }
    return (base - model.meanYearError()) / base;
  }
}
