package io.github.metart.models.alexnet;

import io.github.metart.models.blocks.AdaptiveAvgPool2d;
import io.github.metart.models.blocks.Flatten;
import io.github.metart.models.blocks.Layers;
import io.github.metart.models.blocks.MaxPool2d;
import io.github.metart.models.blocks.NamedSequence;
import io.github.metart.models.blocks.Relu;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.ModelSpec;

/**
 * AlexNet's backbone: five convolutions (11x11/4 64, 5x5 192, 3x3 384, 256, 256; with optional
 * batch norm after each), three 3x3/2 max pools, adaptive average pooling to 6x6, and two hidden
 * fully connected layers, each preceded by dropout (9216 → 4096 → 4096 in the reference). The head
 * adds the last linear layer. At 1000 classes and the reference knobs it has 61,100,840 parameters.
 *
 * <p>Child names follow the reference implementation: {@code features_0_weight} is the first
 * convolution, {@code classifier_1_weight} the first hidden layer.
 */
public final class AlexNet {

  /** Side of the feature grid the adaptive pooling produces. */
  public static final int POOLED_SIZE = 6;

  private static final int[][] CONVOLUTIONS = {
    // filters, kernel, stride, padding, max pool after
    {64, 11, 4, 2, 1}, {192, 5, 1, 2, 1}, {384, 3, 1, 1, 0}, {256, 3, 1, 1, 0}, {256, 3, 1, 1, 1}
  };

  private AlexNet() {}

  /**
   * Appends AlexNet's layers ({@code features}, {@code avgpool}, {@code flatten}, {@code
   * classifier}) to a backbone.
   *
   * @param backbone the sequence to append to
   * @param spec an AlexNet spec
   */
  public static void addLayers(NamedSequence backbone, ModelSpec spec) {
    if (spec.architecture() != Architecture.ALEXNET) {
      throw new IllegalArgumentException("not an AlexNet spec: " + spec.describe());
    }
    NamedSequence features = new NamedSequence();
    int index = 0;
    for (int[] conv : CONVOLUTIONS) {
      features.add(Integer.toString(index++), Layers.conv(conv[0], conv[1], conv[2], conv[3], true));
      if (spec.batchNorm()) {
        features.add(Integer.toString(index++), Layers.batchNorm());
      }
      features.add(Integer.toString(index++), new Relu());
      if (conv[4] == 1) {
        features.add(Integer.toString(index++), new MaxPool2d(3, 2, 0));
      }
    }
    backbone.add("features", features);
    backbone.add("avgpool", new AdaptiveAvgPool2d(POOLED_SIZE, POOLED_SIZE));
    backbone.add("flatten", new Flatten());
    NamedSequence classifier = new NamedSequence();
    classifier.add("0", Layers.dropout(spec.dropout()));
    classifier.add("1", Layers.linear(spec.hiddenUnits()));
    classifier.add("2", new Relu());
    classifier.add("3", Layers.dropout(spec.dropout()));
    classifier.add("4", Layers.linear(spec.hiddenUnits()));
    classifier.add("5", new Relu());
    backbone.add("classifier", classifier);
  }
}
