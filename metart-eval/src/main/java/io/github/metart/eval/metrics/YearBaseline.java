package io.github.metart.eval.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collection;

/**
 * The constant guess a year model is compared with: always predicting one year, by default the
 * mean year of the training split. A model that does not beat it has learned nothing about dates.
 *
 * @param year the year always guessed (finite)
 * @param source where the year comes from, e.g. {@code mean training year}
 */
public record YearBaseline(double year, String source) {

  /** Validates a finite year and a non-blank source. */
  public YearBaseline {
    checkArgument(Double.isFinite(year), "baseline year must be finite, got %s", year);
    requireNonNull(source, "source");
    checkArgument(!source.isBlank(), "say where the baseline year comes from");
  }

  /** The mean training year, computed elsewhere (e.g. stored with the dataset). */
  public static YearBaseline meanTrainingYear(double year) {
    return new YearBaseline(year, "mean training year");
  }

  /**
   * The mean of the given years.
   *
   * @param years at least one year
   * @param source what the years are, e.g. {@code mean training year}
   */
  public static YearBaseline meanOf(Collection<? extends Number> years, String source) {
    requireNonNull(years, "years");
    checkArgument(!years.isEmpty(), "the baseline needs at least one year (%s)", source);
    double sum = 0;
    for (Number year : years) {
      sum += year.doubleValue();
    }
    return new YearBaseline(sum / years.size(), source);
  }

  /** The mean of the given years. */
  public static YearBaseline meanOf(double[] years, String source) {
    requireNonNull(years, "years");
    checkArgument(years.length > 0, "the baseline needs at least one year (%s)", source);
    double sum = 0;
    for (double year : years) {
      sum += year;
    }
    return new YearBaseline(sum / years.length, source);
  }
}
