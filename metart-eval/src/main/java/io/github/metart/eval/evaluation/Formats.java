package io.github.metart.eval.evaluation;

import java.util.Locale;

/** How metart reports show numbers: shares as percentages, years with one decimal, NaN as n/a. */
public final class Formats {

  /** What undefined values (NaN) are shown as. */
  public static final String NOT_AVAILABLE = "n/a";

  private Formats() {}

  /** A share 0..1 as a percentage, e.g. {@code 61.2 %}. */
  public static String share(double share) {
    return Double.isNaN(share) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  /**
   * A count with its share beside it, e.g. {@code 12 (40.0 %)}; the count alone when the share is
   * undefined (NaN).
   */
  public static String countWithShare(long count, double share) {
    return Double.isNaN(share) ? Long.toString(count) : count + " (" + share(share) + ")";
  }

  /** A number of years with one decimal, e.g. {@code 57.3}. */
  public static String years(double years) {
    return Double.isNaN(years) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.1f", years);
  }

  /** A ratio with three decimals, e.g. {@code 0.612}. */
  public static String ratio(double value) {
    return Double.isNaN(value) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.3f", value);
  }

  /** A year as people write it: {@code 1850}, {@code 500 B.C.}; fractions are rounded. */
  public static String calendarYear(double year) {
    if (Double.isNaN(year)) {
      return NOT_AVAILABLE;
    }
    long rounded = Math.round(year);
    return rounded < 0 ? -rounded + " B.C." : Long.toString(rounded);
  }
}
