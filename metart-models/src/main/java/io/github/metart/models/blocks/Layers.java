package io.github.metart.models.blocks;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;

/** Factories for the parameterized DJL layers, configured the way the reference networks use them. */
public final class Layers {

  /** PyTorch's batch-norm epsilon. */
  public static final float BATCH_NORM_EPSILON = 1e-5f;

  /**
   * DJL's batch-norm momentum (weight of the old running statistic) equal to PyTorch's default
   * momentum of 0.1 (weight of the new batch statistic).
   */
  public static final float BATCH_NORM_MOMENTUM = 0.9f;

  private Layers() {}

  /**
   * A square 2-D convolution.
   *
   * @param filters output channels
   * @param kernel kernel size
   * @param stride stride
   * @param padding zero padding on each side
   * @param bias whether the layer has a bias (not when a batch norm follows, in ResNets)
   */
  public static Block conv(int filters, int kernel, int stride, int padding, boolean bias) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(padding, padding))
        .optDilation(new Shape(1, 1))
        .optBias(bias)
        .build();
  }

  /** Batch normalization over the channel axis with PyTorch's defaults. */
  public static Block batchNorm() {
    return BatchNorm.builder()
        .optAxis(1)
        .optEpsilon(BATCH_NORM_EPSILON)
        .optMomentum(BATCH_NORM_MOMENTUM)
        .build();
  }

  /** A fully connected layer with bias. */
  public static Block linear(int units) {
    return Linear.builder().setUnits(units).optBias(true).build();
  }

  /** Dropout with the given rate (0 keeps everything). */
  public static Block dropout(double rate) {
    return Dropout.builder().optRate((float) rate).build();
  }
}
