package io.github.metart.eval.training;

import ai.djl.ndarray.NDArray;

/**
 * The mean absolute error in years of a year model during training, from its normalized 0..1
 * outputs and targets over {@code [minYear, maxYear]}.
 *
 * <p>Attach it to a DJL {@code TrainingConfig} with {@code addEvaluator}; labels and predictions
 * hold one normalized year per object, shape {@code [B, 1]} or {@code [B]}.
 */
public final class MeanYearError extends YearErrorEvaluator {

  /** The default evaluator name. */
  public static final String NAME = "MeanYearError";

  /** The evaluator named {@value #NAME}. */
  public MeanYearError(YearScale scale) {
    this(NAME, scale);
  }

  /** An evaluator with a custom name. */
  public MeanYearError(String name, YearScale scale) {
    super(name, scale);
  }

  @Override
  NDArray score(NDArray absoluteErrorsInYears) {
    return absoluteErrorsInYears;
  }
}
