package io.github.metart.eval.outcomes;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The outcome of one evaluated object for a year model: the model's predicted year joined to the
 * truth, i.e. the actual (target) year and the object's own date interval from the Met's begin and
 * end dates. (A model's output alone is a {@link io.github.metart.models.heads.YearPrediction}.)
 *
 * <p>Years are calendar years with B.C. negative ({@code -500} is 500 B.C.). The actual year is
 * the target the model was trained on; the interval is what the Met knows, so a prediction inside
 * it is right even when it misses the target.
 *
 * @param object the object's Met metadata
 * @param actualYear the target year (finite)
 * @param predictedYear the predicted year (finite)
 * @param intervalBegin the first year of the object's date interval
 * @param intervalEnd the last year of the object's date interval, not before {@code intervalBegin}
 */
public record YearOutcome(
    ObjectMetadata object,
    double actualYear,
    double predictedYear,
    int intervalBegin,
    int intervalEnd) {

  /** Validates finite years and an ordered interval. */
  public YearOutcome {
    requireNonNull(object, "object");
    checkArgument(
        Double.isFinite(actualYear),
        "object %s: actual year must be finite, got %s",
        object.objectId(),
        (Object) actualYear);
    checkArgument(
        Double.isFinite(predictedYear),
        "object %s: predicted year must be finite, got %s",
        object.objectId(),
        (Object) predictedYear);
    checkArgument(
        intervalBegin <= intervalEnd,
        "object %s: date interval begins (%s) after it ends (%s)",
        object.objectId(),
        intervalBegin,
        intervalEnd);
  }

  /** The signed error in years, predicted minus actual (positive: predicted too late). */
  public double error() {
    return predictedYear - actualYear;
  }

  /** The absolute error in years. */
  public double absoluteError() {
    return Math.abs(predictedYear - actualYear);
  }

  /**
   * Whether the predicted year, rounded to the nearest whole year (halves up), lies inside the
   * object's date interval (both ends included).
   */
  public boolean insideInterval() {
    return insideInterval(predictedYear, intervalBegin, intervalEnd);
  }

  /**
   * Whether a year, rounded to the nearest whole year (halves up), lies inside {@code [begin,
   * end]}.
   */
  public static boolean insideInterval(double year, int begin, int end) {
    long rounded = Math.round(year);
    return rounded >= begin && rounded <= end;
  }

  /**
   * The distance in years from the predicted year to the object's date interval: 0 inside it (both
   * ends included), else the distance to the nearer end.
   */
  public double intervalError() {
    return intervalError(predictedYear, intervalBegin, intervalEnd);
  }

  /**
   * The distance in years from {@code year} to {@code [begin, end]}: {@code max(begin - year, 0) +
   * max(year - end, 0)}, so 0 anywhere inside the interval.
   */
  public static double intervalError(double year, int begin, int end) {
    return Math.max(begin - year, 0) + Math.max(year - end, 0);
  }
}
