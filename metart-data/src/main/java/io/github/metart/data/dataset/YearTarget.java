package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.dates.YearRange;

/**
 * The year task's target: the year normalized to 0..1 over {@code [minYear, maxYear]}, i.e.
 * {@code (year - minYear) / (maxYear - minYear)}; {@link #decode(double)} maps a network's output
 * back to a year. This is metart's one mapping between years and 0..1: the year heads of
 * metart-models use it too.
 *
 * @param minYear the year that maps to 0
 * @param maxYear the year that maps to 1, after {@code minYear}
 */
public record YearTarget(int minYear, int maxYear) implements Target {

  /** Checks {@code minYear < maxYear}. */
  public YearTarget {
    checkArgument(minYear < maxYear, "a year target needs minYear < maxYear, got %s..%s", minYear, maxYear);
  }

  /** The target of a year range recipe. */
  public static YearTarget of(YearRange range) {
    return new YearTarget(range.begin(), range.end());
  }

  @Override
  public Task task() {
    return Task.YEAR;
  }

  /** The range {@code [minYear, maxYear]}. */
  public YearRange range() {
    return new YearRange(minYear, maxYear);
  }

  /** {@code (year - minYear) / (maxYear - minYear)}; years outside the range map outside 0..1. */
  public double normalize(double year) {
    return (year - minYear) / (double) (maxYear - minYear);
  }

  /** The year a normalized value stands for: {@code minYear + value * (maxYear - minYear)}. */
  public double decode(double normalized) {
    return minYear + normalized * (maxYear - minYear);
  }

  /** The normalized year label of the object; throws when it has none. */
  @Override
  public float encode(LabeledObject object) {
    return (float) normalize(object.requireYear());
  }

  /**
   * The dataset labels of an object for a year-target choice, normalized with {@link
   * #normalize(double)}: {@code [year]} for {@link YearTargetChoice#RANDOM} (the stored year label),
   * {@code [midpoint]} for {@link YearTargetChoice#MIDPOINT}, and {@code [year, begin, end]} for
   * {@link YearTargetChoice#INTERVAL} (the year label first, so that metrics against the point year
   * read column 0 whatever the choice).
   *
   * @throws IllegalStateException naming the object when it has no year label or interval
   */
  public float[] labels(LabeledObject object, YearTargetChoice choice) {
    return switch (choice) {
      case RANDOM -> new float[] {encode(object)};
      case MIDPOINT -> new float[] {(float) normalize(requireYears(object).midpoint())};
      case INTERVAL -> {
        YearRange years = requireYears(object);
        yield new float[] {
          encode(object), (float) normalize(years.begin()), (float) normalize(years.end())
        };
      }
    };
  }

  private static YearRange requireYears(LabeledObject object) {
    return object
        .years()
        .orElseThrow(() -> new IllegalStateException("object " + object.objectId() + " has no year interval"));
  }
}
