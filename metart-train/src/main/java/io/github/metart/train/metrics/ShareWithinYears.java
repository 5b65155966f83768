package io.github.metart.train.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.github.metart.data.dataset.YearTarget;
import io.github.metart.models.heads.YearHead;
import java.util.function.UnaryOperator;

/**
 * The share of objects whose predicted year is at most a given number of years from the target.
 * Labels are the dataset's normalized years; predictions are normalized years or a year head's raw
 * outputs (see {@link MeanYearError}).
 */
public final class ShareWithinYears extends YearErrorEvaluator {

  private final double years;

  /**
   * The evaluator named {@code Within<years>Years}, e.g. {@code Within50Years}, for predictions
   * that are normalized years.
   */
  public ShareWithinYears(double years, YearTarget target) {
    this(defaultName(years), years, target);
  }

  /** An evaluator with a custom name, for predictions that are normalized years. */
  public ShareWithinYears(String name, double years, YearTarget target) {
    this(name, years, target, UnaryOperator.identity());
  }

  /** The evaluator named {@code Within<years>Years}, for the raw outputs of a year head. */
  public ShareWithinYears(double years, YearHead head) {
    this(
        defaultName(years),
        years,
        new YearTarget(head.minYear(), head.maxYear()),
        head::normalizedYears);
  }

  private ShareWithinYears(
      String name, double years, YearTarget target, UnaryOperator<NDArray> toNormalizedYears) {
    super(name, target, toNormalizedYears);
    checkArgument(years >= 0, "the tolerance must be 0 or more years, got %s", years);
    this.years = years;
  }

  private static String defaultName(double years) {
    return years == Math.rint(years) ? "Within" + (long) years + "Years" : "Within" + years + "Years";
  }

  /** The tolerance in years. */
  public double years() {
    return years;
  }

  @Override
  NDArray score(NDArray absoluteErrorsInYears) {
    return absoluteErrorsInYears.lte(years).toType(DataType.FLOAT32, false);
  }
}
