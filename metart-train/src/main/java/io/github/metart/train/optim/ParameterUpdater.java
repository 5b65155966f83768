package io.github.metart.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.List;

/**
 * Turns a step's losses into updated weights: computes the gradients of {@code sum_k weight_k *
 * loss_k} (one loss per device replica), reduces them onto the main replica, clips them, applies
 * the optimizer in place and copies the result to the other replicas. Obtain one from {@link
 * ParameterUpdaters#create}.
 */
public interface ParameterUpdater extends AutoCloseable {

  /**
   * One training step's update.
   *
   * @param collector the gradient collector the forward pass ran in (still open)
   * @param losses one scalar loss per replica, in replica order
   * @param weights the weight of each loss in the step's total (its share of the batch)
   * @param learningRate the learning rate of this step
   * @return the global gradient norm before clipping when norm clipping is on, else NaN
   */
  double step(
      GradientCollector collector, List<NDArray> losses, double[] weights, double learningRate);

  /**
   * Gradient accumulation: adds the gradients of {@code sum_k weight_k * loss_k} to what the next
   * {@link #step} updates with, without updating. The step after one or more accumulations uses
   * the sum of their gradients and its own (clipped together), then starts afresh.
   *
   * @param collector the gradient collector the forward pass ran in (still open)
   * @param losses one scalar loss per replica, in replica order
   * @param weights the weight of each loss in the update's total (its share of the images)
   */
  void accumulate(GradientCollector collector, List<NDArray> losses, double[] weights);

  /**
   * Applies the optimizer to the main replica with the given gradients (no clipping, no
   * replication): the update alone, for benchmarks and tests.
   *
   * @param gradients one gradient per parameter, on the main device
   * @param learningRate the learning rate
   */
  void apply(List<NDArray> gradients, double learningRate);

  /**
   * Sets the learning-rate factor of every parameter for the coming steps and updates, as PyTorch's
   * parameter groups do: parameter {@code i} is updated with {@code learningRate * factors[i]}. A
   * factor of 0 freezes the parameter: no gradient is requested for it, it is not updated, its
   * optimizer state (momentum, moments, step) stays as it is, and it does not count in gradient
   * clipping. All factors are 1 when the updater is created.
   *
   * @param factors one factor per parameter, in {@link ReplicatedParameters#names()} order, each 0
   *     or more, at least one above 0
   * @throws IllegalArgumentException for another count, a negative or non-finite factor, or all 0
   */
  void learningRateFactors(double[] factors);

  /** The optimizer state (momentum, moments, update count). */
  OptimizerState state();

  /** One line naming the implementation, e.g. {@code fused (PyTorch _fused_sgd_)}. */
  String describe();

  /** Frees the native resources of this updater (not the parameters, not the state). */
  @Override
  void close();
}
