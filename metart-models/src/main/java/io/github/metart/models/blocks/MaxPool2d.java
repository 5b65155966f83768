package io.github.metart.models.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import com.google.common.base.Preconditions;

/**
 * 2-D max pooling over square windows, output size {@code floor((x + 2p - k) / s) + 1} per
 * spatial axis (PyTorch's {@code MaxPool2d} without ceil mode).
 */
public final class MaxPool2d extends StatelessBlock {

  private final int kernel;
  private final int stride;
  private final int padding;

  /**
   * Creates the layer.
   *
   * @param kernel the window size, at least 1
   * @param stride the step between windows, at least 1
   * @param padding the implicit padding on each side, at most half the window
   */
  public MaxPool2d(int kernel, int stride, int padding) {
    Preconditions.checkArgument(kernel >= 1, "kernel must be at least 1, got %s", kernel);
    Preconditions.checkArgument(stride >= 1, "stride must be at least 1, got %s", stride);
    Preconditions.checkArgument(
        padding >= 0 && 2 * padding <= kernel,
        "padding must be between 0 and half the kernel (%s), got %s",
        kernel,
        padding);
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
  }

  /** The output length along one spatial axis of the given length (may be 0 or less if too small). */
  public static long outputLength(long length, int kernel, int stride, int padding) {
    return Math.floorDiv(length + 2L * padding - kernel, stride) + 1;
  }

  @Override
  protected NDArray apply(NDArray input) {
    return Pool.maxPool2d(
        input,
        new Shape(kernel, kernel),
        new Shape(stride, stride),
        new Shape(padding, padding),
        false);
  }

  @Override
  protected Shape outputShape(Shape input) {
    return new Shape(
        input.get(0),
        input.get(1),
        outputLength(input.get(2), kernel, stride, padding),
        outputLength(input.get(3), kernel, stride, padding));
  }

  @Override
  public String toString() {
    return "MaxPool2d(kernel=" + kernel + ", stride=" + stride + ", padding=" + padding + ")";
  }
}
