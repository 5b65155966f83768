package io.github.metart.eval.training;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The share of objects whose predicted year is at most a given number of years from the target,
 * from normalized 0..1 outputs and targets over {@code [minYear, maxYear]}.
 */
public final class ShareWithinYears extends YearErrorEvaluator {

  private final double years;

  /** The evaluator named {@code Within<years>Years}, e.g. {@code Within50Years}. */
  public ShareWithinYears(double years, YearScale scale) {
    this(defaultName(years), years, scale);
  }

  /** An evaluator with a custom name. */
  public ShareWithinYears(String name, double years, YearScale scale) {
    super(name, scale);
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
