package io.github.metart.eval.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collection;

/**
 * The constant guess a year model is compared with: always predicting one year, by default the
 * mean year of the training split. A model that does not beat it has learned nothing about dates.
 *
 * <p>A <em>fallback</em> baseline is the mean of the evaluated split itself, used when no training
 * mean was given: it has seen the answers, so it looks better than a real constant guess would.
 * Every output states it ({@link #describe()}).
 *
 * @param year the year always guessed (finite)
 * @param source where the year comes from, e.g. {@code mean training year}
 * @param fallback whether the year is a fallback taken from the evaluated split, not from training
 */
public record YearBaseline(double year, String source, boolean fallback) {

  /** What every output says about a fallback baseline. */
  public static final String FALLBACK_NOTE =
      "a fallback: no training mean was given, so the baseline is the mean of the evaluated split"
          + " itself, which has seen the answers and looks better than a real constant guess";

  /** Validates a finite year and a non-blank source. */
  public YearBaseline {
    checkArgument(Double.isFinite(year), "baseline year must be finite, got %s", year);
    requireNonNull(source, "source");
    checkArgument(!source.isBlank(), "say where the baseline year comes from");
  }

  /** A baseline that is not a fallback. */
  public YearBaseline(double year, String source) {
    this(year, source, false);
  }

  /**
   * The fallback when no training mean is given: the mean year of the evaluated split.
   *
   * @param years the actual years of the evaluated split, at least one
   * @param split the split's name, e.g. {@code test}
   */
  public static YearBaseline meanOfEvaluatedSplit(double[] years, String split) {
    requireNonNull(split, "split");
    YearBaseline mean = meanOf(years, "mean year of the evaluated " + split + " split");
    return new YearBaseline(mean.year(), mean.source(), true);
  }

  /**
   * One phrase for reports: the source, e.g. {@code mean training year}, and for a fallback the
   * {@link #FALLBACK_NOTE}.
   */
  public String describe() {
    return fallback ? source + ", " + FALLBACK_NOTE : source;
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
