package io.github.metart.train.metrics;

import ai.djl.ndarray.NDArray;
import io.github.metart.data.dataset.YearTarget;
import io.github.metart.models.heads.YearHead;
import java.util.function.UnaryOperator;

/**
 * The mean absolute error in years of a year model during training.
 *
 * <p>Attach it to a DJL {@code TrainingConfig} with {@code addEvaluator}. Labels are the dataset's
 * normalized years ({@code [B, 1]} or {@code [B]}, 0..1 over {@code [minYear, maxYear]}).
 * Predictions are either one normalized year per object ({@link #MeanYearError(YearTarget)}) or a
 * year head's raw outputs ({@link #MeanYearError(YearHead)}: regression or binned-year logits,
 * turned into years the way the head predicts them).
 */
public final class MeanYearError extends YearErrorEvaluator {

  /** The default evaluator name. */
  public static final String NAME = "MeanYearError";

  /** The evaluator named {@value #NAME}, for predictions that are normalized years. */
  public MeanYearError(YearTarget target) {
    this(NAME, target);
  }

  /** An evaluator with a custom name, for predictions that are normalized years. */
  public MeanYearError(String name, YearTarget target) {
    super(name, target, UnaryOperator.identity());
  }

  /** The evaluator named {@value #NAME}, for the raw outputs of a year head. */
  public MeanYearError(YearHead head) {
    super(NAME, new YearTarget(head.minYear(), head.maxYear()), head::normalizedYears);
  }

  @Override
  NDArray score(NDArray absoluteErrorsInYears) {
    return absoluteErrorsInYears;
  }
}
