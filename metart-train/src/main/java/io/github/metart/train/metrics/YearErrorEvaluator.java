package io.github.metart.train.metrics;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.evaluator.Evaluator;
import io.github.metart.data.dataset.YearTarget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The base of evaluators that score year outputs: it turns the network's outputs into normalized
 * years (unchanged for a plain regression output, or through a {@code YearHead}), compares them
 * with labels of shape {@code [B]} or {@code [B, 1]} (normalized years, as in the dataset; of
 * interval labels {@code [B, 3]} the first column, the year label), and
 * accumulates a per-object score in years per key.
 */
abstract class YearErrorEvaluator extends Evaluator {

  private final YearTarget target;
  private final double yearsPerUnit;
  private final UnaryOperator<NDArray> toNormalizedYears;
  private final Map<String, Double> sums = new ConcurrentHashMap<>();

  YearErrorEvaluator(String name, YearTarget target, UnaryOperator<NDArray> toNormalizedYears) {
    super(name);
    this.target = requireNonNull(target, "target");
    this.yearsPerUnit = target.decode(1) - target.decode(0); // years per unit of normalized year
    this.toNormalizedYears = requireNonNull(toNormalizedYears, "toNormalizedYears");
  }

  /** The dataset's year target: the year range labels and outputs are normalized over. */
  public YearTarget target() {
    return target;
  }

  /** The per-object score from absolute errors in years (same shape as the input). */
  abstract NDArray score(NDArray absoluteErrorsInYears);

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

  /** {@inheritDoc} The mean score over the batch, a scalar. */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return score(absoluteErrorsInYears(labels, predictions)).mean();
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
      sum = score(errors).sum().toType(DataType.FLOAT64, false).getDouble();
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
