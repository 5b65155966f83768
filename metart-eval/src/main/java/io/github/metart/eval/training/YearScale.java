package io.github.metart.eval.training;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The year range a year model's targets are normalized over: a target {@code t} in 0..1 stands for
 * the year {@code minYear + t * (maxYear - minYear)}.
 *
 * @param minYear the year that 0 stands for (B.C. negative)
 * @param maxYear the year that 1 stands for, after {@code minYear}
 */
public record YearScale(int minYear, int maxYear) {

  /** Validates an increasing range. */
  public YearScale {
    checkArgument(
        maxYear > minYear,
        "the year range must increase: minYear %s, maxYear %s",
        minYear,
        maxYear);
  }

  /** The number of years between 0 and 1. */
  public int span() {
    return maxYear - minYear;
  }

  /** The year a normalized value stands for. */
  public double toYear(double normalized) {
    return minYear + normalized * span();
  }

  /** The normalized value of a year. */
  public double normalize(double year) {
    return (year - minYear) / span();
  }
}
