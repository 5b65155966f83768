package io.github.metart.models.vgg;

import io.github.metart.models.blocks.AdaptiveAvgPool2d;
import io.github.metart.models.blocks.Flatten;
import io.github.metart.models.blocks.Layers;
import io.github.metart.models.blocks.MaxPool2d;
import io.github.metart.models.blocks.NamedSequence;
import io.github.metart.models.blocks.Relu;
import io.github.metart.models.spec.Family;
import io.github.metart.models.spec.ModelSpec;

/**
 * VGG's backbone: 3x3 convolutions (padding 1, with bias, optional batch norm after each) in five
 * groups closed by 2x2/2 max pools, adaptive average pooling to 7x7, and two hidden fully connected
 * layers, each followed by ReLU and dropout (25088 → 4096 → 4096 in the reference). The head adds
 * the last linear layer. At 1000 classes: vgg11 132,863,336, vgg13 133,047,848, vgg16 138,357,544,
 * vgg19 143,667,240 parameters (batch norm adds two per channel).
 */
public final class Vgg {

  /** Side of the feature grid the adaptive pooling produces. */
  public static final int POOLED_SIZE = 7;

  private static final int POOL = 0;

  private Vgg() {}

  /**
   * The convolution plan of a VGG depth: output channels, {@code 0} for a max pool (configurations
   * A, B, D and E of the paper).
   */
  static int[] configuration(int depth) {
    return switch (depth) {
      case 11 -> new int[] {64, POOL, 128, POOL, 256, 256, POOL, 512, 512, POOL, 512, 512, POOL};
      case 13 -> new int[] {
        64, 64, POOL, 128, 128, POOL, 256, 256, POOL, 512, 512, POOL, 512, 512, POOL
      };
      case 16 -> new int[] {
        64, 64, POOL, 128, 128, POOL, 256, 256, 256, POOL, 512, 512, 512, POOL, 512, 512, 512, POOL
      };
      case 19 -> new int[] {
        64, 64, POOL, 128, 128, POOL, 256, 256, 256, 256, POOL, 512, 512, 512, 512, POOL, 512, 512,
        512, 512, POOL
      };
      default -> throw new IllegalArgumentException(
          "vgg depth must be 11, 13, 16 or 19, got " + depth);
    };
  }

  /**
   * Appends VGG's layers ({@code features}, {@code avgpool}, {@code flatten}, {@code classifier})
   * to a backbone.
   *
   * @param backbone the sequence to append to
   * @param spec a VGG spec
   */
  public static void addLayers(NamedSequence backbone, ModelSpec spec) {
    if (spec.architecture().family() != Family.VGG) {
      throw new IllegalArgumentException("not a VGG spec: " + spec.describe());
    }
    NamedSequence features = new NamedSequence();
    int index = 0;
    for (int channels : configuration(spec.architecture().depth())) {
      if (channels == POOL) {
        features.add(Integer.toString(index++), new MaxPool2d(2, 2, 0));
        continue;
      }
      features.add(Integer.toString(index++), Layers.conv(channels, 3, 1, 1, true));
      if (spec.batchNorm()) {
        features.add(Integer.toString(index++), Layers.batchNorm());
      }
      features.add(Integer.toString(index++), new Relu());
    }
    backbone.add("features", features);
    backbone.add("avgpool", new AdaptiveAvgPool2d(POOLED_SIZE, POOLED_SIZE));
    backbone.add("flatten", new Flatten());
    NamedSequence classifier = new NamedSequence();
    classifier.add("0", Layers.linear(spec.hiddenUnits()));
    classifier.add("1", new Relu());
    classifier.add("2", Layers.dropout(spec.dropout()));
    classifier.add("3", Layers.linear(spec.hiddenUnits()));
    classifier.add("4", new Relu());
    classifier.add("5", Layers.dropout(spec.dropout()));
    backbone.add("classifier", classifier);
  }
}
