package io.github.metart.eval.evaluation;

import java.util.Locale;
import java.util.Optional;

/**
 * The numbers that sum up an evaluation in a line, as written under {@code headline} in {@code
 * metrics.json} and compared across runs. Each knows its JSON key, how to show it and which
 * direction is better.
 */
public enum HeadlineMetric {
  /** Share of objects classified right. */
  ACCURACY("accuracy", "accuracy", Unit.SHARE, true),
  /** Share of objects whose class is among the 3 most probable. */
  TOP3_ACCURACY("top3Accuracy", "top-3 accuracy", Unit.SHARE, true),
  /** Share of objects whose class is among the 5 most probable. */
  TOP5_ACCURACY("top5Accuracy", "top-5 accuracy", Unit.SHARE, true),
  /** Unweighted mean F1 over the classes. */
  MACRO_F1("macroF1", "macro F1", Unit.SHARE, true),
  /** Unweighted mean precision over the classes. */
  MACRO_PRECISION("macroPrecision", "macro precision", Unit.SHARE, true),
  /** Unweighted mean recall over the classes. */
  MACRO_RECALL("macroRecall", "macro recall", Unit.SHARE, true),
  /** Mean absolute error in years. */
  MEAN_YEAR_ERROR("meanYearError", "mean year error", Unit.YEARS, false),
  /** Median absolute error in years. */
  MEDIAN_YEAR_ERROR("medianYearError", "median year error", Unit.YEARS, false),
  /** Root mean squared error in years. */
  RMSE_YEARS("rmseYears", "RMSE", Unit.YEARS, false),
  /** Share of predictions at most 25 years off. */
  WITHIN_25_YEARS("within25Years", "within ±25 years", Unit.SHARE, true),
  /** Share of predictions at most 50 years off. */
  WITHIN_50_YEARS("within50Years", "within ±50 years", Unit.SHARE, true),
  /** Share of predictions inside the object's own date interval. */
  INSIDE_INTERVAL("insideInterval", "inside the object's date", Unit.SHARE, true),
  /** Mean distance in years to the object's own date interval (0 inside it). */
  MEAN_INTERVAL_ERROR("meanIntervalError", "mean error to the object's date", Unit.YEARS, false),
  /** Mean year error of always guessing the baseline year. */
  BASELINE_MEAN_YEAR_ERROR(
      "baselineMeanYearError", "baseline mean year error", Unit.YEARS, false);

  /** How a value is shown. */
  public enum Unit {
    /** A share 0..1, shown as a percentage. */
    SHARE,
    /** A number of years. */
    YEARS
  }

  private final String key;
  private final String displayName;
  private final Unit unit;
  private final boolean higherIsBetter;

  HeadlineMetric(String key, String displayName, Unit unit, boolean higherIsBetter) {
    this.key = key;
    this.displayName = displayName;
    this.unit = unit;
    this.higherIsBetter = higherIsBetter;
  }

  /** The JSON key, e.g. {@code meanYearError}. */
  public String key() {
    return key;
  }

  /** The name for people, e.g. {@code mean year error}. */
  public String displayName() {
    return displayName;
  }

  /** How values are shown. */
  public Unit unit() {
    return unit;
  }

  /** Whether a higher value is better. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The value for people: {@code 61.2 %} for shares, {@code 57.3 years} for years, {@code n/a} for NaN. */
  public String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return unit == Unit.SHARE
        ? String.format(Locale.ROOT, "%.1f %%", 100 * value)
        : String.format(Locale.ROOT, "%.1f years", value);
  }

  /** The metric with the given JSON key. */
  public static Optional<HeadlineMetric> ofKey(String key) {
    for (HeadlineMetric m : values()) {
      if (m.key.equals(key)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
