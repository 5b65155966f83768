package io.github.metart.models.heads;

import java.util.Arrays;
import java.util.Locale;

/**
 * A predicted year, with the normalized value it came from and, for a binned-year head, the
 * probability of each bin. Immutable.
 */
public final class YearPrediction implements Prediction {

  private final double year;
  private final double normalized;
  private final float[] binProbabilities;

  /**
   * Creates a prediction.
   *
   * @param year the predicted year (B.C. negative, fractional)
   * @param normalized the prediction on the 0..1 scale of the head's year range
   * @param binProbabilities the bin probabilities of a binned-year head; empty for regression
   */
  public YearPrediction(double year, double normalized, float[] binProbabilities) {
    this.year = year;
    this.normalized = normalized;
    this.binProbabilities = binProbabilities.clone();
  }

  /** The predicted year (fractional; B.C. negative). */
  public double year() {
    return year;
  }

  /** The predicted year rounded to a whole year. */
  public long roundedYear() {
    return Math.round(year);
  }

  /** The prediction on the 0..1 scale of the head's year range. */
  public double normalized() {
    return normalized;
  }

  /** A copy of the bin probabilities (binned-year head), empty for a regression head. */
  public float[] binProbabilities() {
    return binProbabilities.clone();
  }

  @Override
  public String describe() {
    return Long.toString(roundedYear());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof YearPrediction that
        && Double.compare(year, that.year) == 0
        && Double.compare(normalized, that.normalized) == 0
        && Arrays.equals(binProbabilities, that.binProbabilities);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(year) * 31 + Arrays.hashCode(binProbabilities);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "YearPrediction[%.2f (%.4f)]", year, normalized);
  }
}
