package io.github.metart.models.resnet;

import io.github.metart.models.blocks.AdaptiveAvgPool2d;
import io.github.metart.models.blocks.Flatten;
import io.github.metart.models.blocks.Layers;
import io.github.metart.models.blocks.MaxPool2d;
import io.github.metart.models.blocks.NamedSequence;
import io.github.metart.models.blocks.Relu;
import io.github.metart.models.spec.Family;
import io.github.metart.models.spec.ModelSpec;

/**
 * ResNet's backbone: 7x7/2 convolution with 64 filters, BN, ReLU, 3x3/2 max pool, four stages
 * ({@code layer1..layer4}) of residual units with widths 64, 128, 256 and 512 (stride 2 at the start
 * of stages 2-4), global average pooling. Depths 18 and 34 use basic units, 50, 101 and 152
 * bottleneck units. The head is the final linear layer ({@code fc} in the reference). At 1000
 * classes: resnet18 11,689,512, resnet34 21,797,672, resnet50 25,557,032, resnet101 44,549,160,
 * resnet152 60,192,808 parameters.
 *
 * <p>Beyond the reference: {@code hiddenUnits > 0} adds one hidden layer (linear, ReLU, dropout)
 * before the head, and {@code dropout > 0} without it adds dropout before the head.
 */
public final class ResNet {

  private static final int[] WIDTHS = {64, 128, 256, 512};

  private ResNet() {}

  /** The number of residual units per stage for a depth. */
  static int[] stages(int depth) {
    return switch (depth) {
      case 18 -> new int[] {2, 2, 2, 2};
      case 34, 50 -> new int[] {3, 4, 6, 3};
      case 101 -> new int[] {3, 4, 23, 3};
      case 152 -> new int[] {3, 8, 36, 3};
      default -> throw new IllegalArgumentException(
          "resnet depth must be 18, 34, 50, 101 or 152, got " + depth);
    };
  }

  /** Whether a depth uses bottleneck units (50 and deeper). */
  public static boolean usesBottleneck(int depth) {
    return depth >= 50;
  }

  /**
   * Appends ResNet's layers ({@code conv1}, {@code bn1}, {@code relu}, {@code maxpool}, {@code
   * layer1..4}, {@code avgpool}, {@code flatten}, then the optional {@code hidden} or {@code
   * dropout}) to a backbone.
   *
   * @param backbone the sequence to append to
   * @param spec a ResNet spec
   */
  public static void addLayers(NamedSequence backbone, ModelSpec spec) {
    if (spec.architecture().family() != Family.RESNET) {
      throw new IllegalArgumentException("not a ResNet spec: " + spec.describe());
    }
    int depth = spec.architecture().depth();
    boolean bottleneck = usesBottleneck(depth);
    boolean batchNorm = spec.batchNorm();
    backbone.add("conv1", Layers.conv(64, 7, 2, 3, !batchNorm));
    if (batchNorm) {
      backbone.add("bn1", Layers.batchNorm());
    }
    backbone.add("relu", new Relu());
    backbone.add("maxpool", new MaxPool2d(3, 2, 1));
    int channels = 64;
    int[] units = stages(depth);
    for (int stage = 0; stage < units.length; stage++) {
      NamedSequence layer = new NamedSequence();
      for (int unit = 0; unit < units[stage]; unit++) {
        int stride = stage > 0 && unit == 0 ? 2 : 1;
        ResidualBlock block =
            new ResidualBlock(bottleneck, channels, WIDTHS[stage], stride, batchNorm);
        layer.add(Integer.toString(unit), block);
        channels = WIDTHS[stage] * (bottleneck ? ResidualBlock.BOTTLENECK_EXPANSION : 1);
      }
      backbone.add("layer" + (stage + 1), layer);
    }
    backbone.add("avgpool", new AdaptiveAvgPool2d(1, 1));
    backbone.add("flatten", new Flatten());
    if (spec.hiddenUnits() > 0) {
      NamedSequence hidden = new NamedSequence();
      hidden.add("0", Layers.linear(spec.hiddenUnits()));
      hidden.add("1", new Relu());
      hidden.add("2", Layers.dropout(spec.dropout()));
      backbone.add("hidden", hidden);
    } else if (spec.dropout() > 0) {
      backbone.add("dropout", Layers.dropout(spec.dropout()));
    }
  }
}
