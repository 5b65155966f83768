package io.github.metart.models.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import com.google.common.base.Preconditions;

/**
 * Adaptive average pooling to a fixed {@code outHeight x outWidth} grid, for any input size
 * (PyTorch's {@code AdaptiveAvgPool2d}).
 *
 * <p>Output cell {@code (i, j)} is the mean of input rows {@code [floor(i*H/oh), ceil((i+1)*H/oh))}
 * and columns {@code [floor(j*W/ow), ceil((j+1)*W/ow))}. Windows may overlap when the size does not
 * divide evenly, and an input smaller than the output is spread over several cells (a 1x1 map
 * becomes a constant 6x6 map). Because the windows are rectangles, the average is separable: the
 * general case is two matrix products, {@code R . X . C^T}, with averaging matrices {@code R}
 * ({@code oh x H}) and {@code C} ({@code ow x W}); it is exact and differentiable. Evenly
 * divisible sizes take a plain average pooling, and a 1x1 output takes the global mean.
 */
public final class AdaptiveAvgPool2d extends StatelessBlock {

  private final int outHeight;
  private final int outWidth;

  /**
   * Creates the layer.
   *
   * @param outHeight the output height, at least 1
   * @param outWidth the output width, at least 1
   */
  public AdaptiveAvgPool2d(int outHeight, int outWidth) {
    Preconditions.checkArgument(
        outHeight >= 1 && outWidth >= 1,
        "output size must be at least 1x1, got %sx%s",
        outHeight,
        outWidth);
    this.outHeight = outHeight;
    this.outWidth = outWidth;
  }

  /** The output height. */
  public int outHeight() {
    return outHeight;
  }

  /** The output width. */
  public int outWidth() {
    return outWidth;
  }

  @Override
  protected NDArray apply(NDArray input) {
    Shape shape = input.getShape();
    Preconditions.checkArgument(
        shape.dimension() == 4, "adaptive pooling expects [B, C, H, W], got %s", shape);
    long height = shape.get(2);
    long width = shape.get(3);
    if (outHeight == 1 && outWidth == 1) {
      return input.mean(new int[] {3}, true).mean(new int[] {2}, true);
    }
    if (height % outHeight == 0 && width % outWidth == 0) {
      Shape window = new Shape(height / outHeight, width / outWidth);
      return Pool.avgPool2d(input, window, window, new Shape(0, 0), false, true);
    }
    NDManager manager = input.getManager();
    NDArray rows = averagingMatrix(manager, height, outHeight, input);
    NDArray columns = averagingMatrix(manager, width, outWidth, input);
    // [oh, H] x ([B, C, H, W] x [W, ow]) -> [B, C, oh, ow]
    return rows.matMul(input.matMul(columns.transpose()));
  }

  @Override
  protected Shape outputShape(Shape input) {
    return new Shape(input.get(0), input.get(1), outHeight, outWidth);
  }

  /** First input index of output cell {@code i}: {@code floor(i * in / out)}. */
  static long windowStart(long i, long in, long out) {
    return Math.floorDiv(i * in, out);
  }

  /** One past the last input index of output cell {@code i}: {@code ceil((i + 1) * in / out)}. */
  static long windowEnd(long i, long in, long out) {
    return -Math.floorDiv(-(i + 1) * in, out);
  }

  private static NDArray averagingMatrix(NDManager manager, long in, int out, NDArray like) {
    int columns = Math.toIntExact(in);
    float[] weights = new float[out * columns];
    for (int i = 0; i < out; i++) {
      long start = windowStart(i, in, out);
      long end = windowEnd(i, in, out);
      float weight = 1f / (end - start);
      for (long j = start; j < end; j++) {
        weights[i * columns + (int) j] = weight;
      }
    }
    return manager
        .create(weights, new Shape(out, in))
        .toDevice(like.getDevice(), false)
        .toType(like.getDataType(), false);
  }

  @Override
  public String toString() {
    return "AdaptiveAvgPool2d(" + outHeight + "x" + outWidth + ")";
  }
}
