package io.github.metart.train.metrics;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.evaluator.Evaluator;
import io.github.metart.data.dataset.YearTarget;
import io.github.metart.models.heads.YearHead;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The mean absolute error in years of a year model during training.
 *
 * <p>Attach it to a DJL {@code TrainingConfig} with {@code addEvaluator}. Labels are the dataset's
 * normalized years ({@code [B, 1]} or {@code [B]}, 0..1 over {@code [minYear, maxYear]}; of interval
 * labels {@code [B, 3]} the first column, the year label). Predictions are either one normalized year
 * per object ({@link #MeanYearError(YearTarget)}) or a year head's raw outputs ({@link
 * #MeanYearError(YearHead)}: regression or binned-year logits, turned into years the way the head
 * predicts them).
 */
public final class MeanYearError extends Evaluator {

  /** The default evaluator name. */
  public static final String NAME = "MeanYearError";

  private final YearTarget target;
  private final double yearsPerUnit;
  private final UnaryOperator<NDArray> toNormalizedYears;
  private final Map<String, Double> sums = new ConcurrentHashMap<>();

  private MeanYearError(String name, YearTarget target, UnaryOperator<NDArray> toNormalizedYears) {
    super(name);
    this.target = requireNonNull(target, "target");
    this.yearsPerUnit = target.decode(1) - target.decode(0); // years per unit of normalized year
    this.toNormalizedYears = requireNonNull(toNormalizedYears, "toNormalizedYears");
  }

  /** The evaluator named {@value #NAME}, for predictions that are normalized years. */
  public MeanYearError(YearTarget target) {
    this(NAME, target);
  }

  /** An evaluator with a custom name, for predictions that are normalized years. */
  public MeanYearError(String name, YearTarget target) {
    this(name, target, UnaryOperator.identity());
  }

  /** The evaluator named {@value #NAME}, for the raw outputs of a year head. */
  public MeanYearError(YearHead head) {
    this(NAME, new YearTarget(head.minYear(), head.maxYear()), head::normalizedYears);
  }

  /** The dataset's year target: the year range labels and outputs are normalized over. */
  public YearTarget target() {
    return target;
  }

  /** The absolute error in years of every object, shape {@code [B]}. */
  NDArray absoluteErrorsInYears(NDList labels, NDList predictions) {
    NDArray label = labels.head();
    if (label.getShape().dimension() == 2 && label.getShape().get(1) > 1) {
      label = label.get(":, 0"); // interval labels [B, 3]: the year label comes first
    }
    NDArray prediction = toNormalizedYears.apply(predictions.head());
    if (label.size() != prediction.size()
        || label.getShape().get(0) != prediction.getShape().get(0)) {
      throw new IllegalArgumentException(
          getName()
              + ": one normalized year per object is expected, got labels "
              + label.getShape()
              + " and predictions "
              + prediction.getShape());
    }
    return prediction
        .toType(DataType.FLOAT32, false)
        .flatten()
        .sub(label.toType(DataType.FLOAT32, false).flatten())
        .abs()
        .mul(yearsPerUnit);
  }

  /** {@inheritDoc} The mean error in years over the batch, a scalar. */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return absoluteErrorsInYears(labels, predictions).mean();
  }

  @Override
  public void addAccumulator(String key) {
    totalInstances.put(key, 0L);
    sums.put(key, 0.0);
  }

  @Override
  public void updateAccumulator(String key, NDList labels, NDList predictions) {
    updateAccumulators(new String[] {key}, labels, predictions);
  }

  @Override
  public void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
    long count;
    double sum;
    try (NDScope scope = new NDScope()) { // closes the intermediate arrays of this update
      scope.suppressNotUsedWarning();
      NDArray errors = absoluteErrorsInYears(labels, predictions);
      count = errors.size();
      sum = errors.sum().toType(DataType.FLOAT64, false).getDouble();
    }
    for (String key : keys) {
      totalInstances.compute(key, (k, v) -> v == null ? count : v + count);
      sums.compute(key, (k, v) -> v == null ? sum : v + sum);
    }
  }

  @Override
  public void resetAccumulator(String key) {
    totalInstances.put(key, 0L);
    sums.put(key, 0.0);
  }

  /** {@inheritDoc} NaN before any object was seen. */
  @Override
  public float getAccumulator(String key) {
    Long total = totalInstances.get(key);
    if (total == null) {
      throw new IllegalArgumentException(getName() + ": no accumulator named '" + key + "'");
    }
    return total == 0 ? Float.NaN : (float) (sums.get(key) / total);
  }
}
