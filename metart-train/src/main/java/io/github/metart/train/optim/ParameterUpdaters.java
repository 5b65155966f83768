package io.github.metart.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.metart.train.config.GradientClipping;
import io.github.metart.train.config.OptimizerConfig;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the {@link ParameterUpdater} of a run: fused when the engine supports it. */
public final class ParameterUpdaters {

  private static final Logger LOG = LoggerFactory.getLogger(ParameterUpdaters.class);

  private ParameterUpdaters() {}

  /**
   * An updater.
   *
   * @param optimizer the optimizer
   * @param clipping the gradient clipping
   * @param parameters the trainable parameters
   * @param state the optimizer state for these parameters (owned by the caller)
   * @param preferFused whether to use PyTorch's fused kernels when they work here
   */
  public static ParameterUpdater create(
      OptimizerConfig optimizer,
      GradientClipping clipping,
      ReplicatedParameters parameters,
      OptimizerState state,
      boolean preferFused) {
    if (preferFused) {
      try {
        FusedStepProgram program = FusedStepProgram.get();
        selfTest(program, optimizer, parameters);
        return new FusedUpdater(program, optimizer, clipping, parameters, state);
      } catch (RuntimeException e) {
        LOG.warn("{}; falling back to unfused updates (slower)", e.getMessage());
      }
    }
    return new UnfusedUpdater(optimizer, clipping, parameters, state);
  }

  /**
   * Whether fused updates work on this engine, for diagnostics.
   *
   * @return {@code null} when they do, else the reason why not
   */
  public static String fusedUnavailableReason() {
    try {
      FusedStepProgram.get();
      return null;
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  /** Runs the optimizer's kernel once on two-element scratch arrays of the main device. */
  private static void selfTest(
      FusedStepProgram program, OptimizerConfig optimizer, ReplicatedParameters parameters) {
    NDArray anyParameter = parameters.main().get(0);
    try (NDManager scratch = anyParameter.getManager().newSubManager(anyParameter.getDevice())) {
      NDArray weight = scratch.ones(new Shape(2), DataType.FLOAT32);
      NDArray gradient = scratch.ones(new Shape(2), DataType.FLOAT32);
      ReplicatedParameters probe = ReplicatedParameters.single(List.of("probe"), List.of(weight));
      try (OptimizerState state = OptimizerState.zeros(optimizer, probe, scratch);
          FusedUpdater updater =
              new FusedUpdater(program, optimizer, GradientClipping.none(), probe, state)) {
        updater.apply(List.of(gradient), 0.5);
        float updated = weight.getFloat(0);
        if (!(updated < 1f)) {
          throw new IllegalStateException(
              "the fused " + optimizer.describe() + " kernel did not update a probe weight");
        }
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IllegalStateException(
          "PyTorch's fused kernel for "
              + optimizer.describe()
              + " failed on "
              + anyParameter.getDevice()
              + ": "
              + message.strip().lines().findFirst().orElse(message),
          e);
    }
  }
}
