package io.github.metart.models.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import com.google.common.base.Preconditions;
import java.util.Locale;

/**
 * Tries the fault {@link ConvolutionGuard} protects from on this machine, as PyTorch is set up right
 * now: the input gradient of a 16 → 8 channel 3×3 convolution in float32 (oneDNN's kernels, where
 * enabled) against the same in float64 (PyTorch's own kernels). Before each try, freed memory is
 * filled with NaN so that a kernel that reads uninitialized memory shows it.
 *
 * @param tries the tries made
 * @param wrong the tries whose float32 gradient was not finite or off by more than {@link #TOLERANCE}
 */
public record ConvolutionProbe(int tries, int wrong) {

  /** The largest difference between the float32 and float64 gradients that counts as right. */
  public static final double TOLERANCE = 1e-3;

  /** Validates the counts. */
  public ConvolutionProbe {
    Preconditions.checkArgument(tries > 0 && wrong >= 0 && wrong <= tries, "bad counts");
  }

  /**
   * Runs the probe on the CPU.
   *
   * @param tries how many times (each a few milliseconds); 32 make a miss of the fault very unlikely
   */
  public static ConvolutionProbe run(int tries) {
    Preconditions.checkArgument(tries > 0, "tries must be positive, got %s", tries);
    Engine engine = MetEngine.engine();
    int wrong = 0;
    try (NDManager manager = MetEngine.newManager(Device.cpu())) {
      for (int i = 0; i < tries; i++) {
        try (NDManager dirty = manager.newSubManager()) {
          for (int size = 256; size <= 16_384; size *= 2) {
            dirty.full(new Shape(size), Float.NaN);
          }
        }
        try (NDManager scope = manager.newSubManager()) {
          NDArray input = scope.randomUniform(-1, 1, new Shape(2, 16, 8, 8));
          NDArray weight = scope.randomUniform(-1, 1, new Shape(8, 16, 3, 3));
          NDArray outputWeights = scope.randomUniform(-1, 1, new Shape(2, 8, 8, 8));
          NDArray single = inputGradient(engine, input, weight, outputWeights);
          NDArray reference =
              inputGradient(
                  engine,
                  input.toType(DataType.FLOAT64, true),
                  weight.toType(DataType.FLOAT64, true),
                  outputWeights.toType(DataType.FLOAT64, true));
          double difference =
              single.toType(DataType.FLOAT64, false).sub(reference).abs().max().getDouble();
          if (!(difference <= TOLERANCE)) {
            wrong++;
          }
        }
      }
    }
    return new ConvolutionProbe(tries, wrong);
  }

  private static NDArray inputGradient(
      Engine engine, NDArray input, NDArray weight, NDArray outputWeights) {
    input.setRequiresGradient(true);
    try (GradientCollector collector = engine.newGradientCollector()) {
      NDArray output =
          Conv2d.conv2d(
                  input, weight, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
              .singletonOrThrow();
      collector.backward(output.mul(outputWeights).sum());
    }
    return input.getGradient();
  }

  /** Whether any try came out wrong. */
  public boolean corrupts() {
    return wrong > 0;
  }

  /** E.g. {@code 12 of 32 convolution input gradients wrong}. */
  public String describe() {
    return wrong == 0
        ? String.format(Locale.ROOT, "all %d convolution input gradients right", tries)
        : String.format(Locale.ROOT, "%d of %d convolution input gradients wrong", wrong, tries);
  }
}
