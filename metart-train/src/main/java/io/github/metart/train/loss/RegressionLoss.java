package io.github.metart.train.loss;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.github.metart.train.config.LossConfig;

/**
 * A loss between one predicted value and one target per sample (the normalized year), averaged over
 * the batch: L1 ({@code |d|}), L2 ({@code d^2}, PyTorch's {@code MSELoss}) or Huber ({@code d^2 / 2}
 * when {@code |d| < delta}, else {@code delta * (|d| - delta / 2)}), where {@code d} is prediction
 * minus target.
 *
 * <p>With interval targets, {@code [B, 2]} (normalized begin and end, as {@code
 * RegressionHead.trainingTargets} makes from the year task's interval labels), {@code d} is the
 * distance to the interval, {@code max(begin - p, 0) + max(p - end, 0)}: the loss is zero anywhere
 * inside the interval and the L1, L2 or Huber distance to the nearer end outside it.
 */
final class RegressionLoss extends Loss {

  private final LossConfig.Kind kind;
  private final double delta;

  /**
   * A loss.
   *
   * @param kind {@code L1}, {@code L2} or {@code HUBER}
   * @param delta the Huber delta, positive (ignored by L1 and L2)
   */
  public RegressionLoss(LossConfig.Kind kind, double delta) {
    super(kind.name().toLowerCase(java.util.Locale.ROOT));
    checkArgument(
        !kind.isClassification(), "%s is not a regression loss: use L1, L2 or HUBER", kind);
    checkArgument(delta > 0, "the Huber delta must be above 0, got %s", delta);
    this.kind = kind;
    this.delta = delta;
  }

  /** Which loss this is. */
  public LossConfig.Kind kind() {
    return kind;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray prediction = predictions.singletonOrThrow();
    NDArray target = labels.singletonOrThrow();
    if (isInterval(prediction, target)) {
      return of(intervalDistance(prediction, target));
    }
    checkArgument(
        prediction.size() == target.size(),
        "a regression loss needs one prediction per target, got predictions %s and labels %s",
        prediction.getShape(),
        target.getShape());
    NDArray difference = prediction.reshape(-1).sub(target.reshape(-1).toType(prediction.getDataType(), false));
    return of(difference);
  }

  /** Whether the targets are intervals: {@code [B, 2]} (begin, end) for {@code B} predictions. */
  private static boolean isInterval(NDArray prediction, NDArray target) {
    return target.getShape().dimension() == 2
        && target.getShape().get(1) == 2
        && target.getShape().get(0) == prediction.getShape().get(0)
        && prediction.size() == target.getShape().get(0);
  }

  /**
   * The distance {@code d} of each prediction {@code p} to its interval {@code [begin, end]}:
   * {@code max(begin - p, 0) + max(p - end, 0)}, zero anywhere inside it, shape {@code [B]}.
   */
  static NDArray intervalDistance(NDArray prediction, NDArray intervals) {
    NDArray p = prediction.reshape(-1);
    NDArray bounds = intervals.toType(prediction.getDataType(), false);
    NDArray below = bounds.get(":, 0").sub(p).maximum(0f);
    NDArray above = p.sub(bounds.get(":, 1")).maximum(0f);
    return below.add(above);
  }

  /** The loss of a batch of differences {@code d}, averaged. */
  private NDArray of(NDArray difference) {
    return switch (kind) {
      case L1 -> difference.abs().mean();
      case L2 -> difference.square().mean();
      case HUBER -> {
        NDArray absolute = difference.abs();
        NDArray quadratic = difference.square().mul(0.5);
        NDArray linear = absolute.sub(0.5 * delta).mul(delta);
        yield NDArrays.where(absolute.lt(delta), quadratic, linear).mean();
      }
      default -> throw new IllegalStateException("not a regression loss: " + kind);
    };
  }
}
