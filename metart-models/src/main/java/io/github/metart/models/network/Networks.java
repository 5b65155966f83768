package io.github.metart.models.network;

import io.github.metart.models.alexnet.AlexNet;
import io.github.metart.models.blocks.Layers;
import io.github.metart.models.blocks.NamedSequence;
import io.github.metart.models.blocks.Relu;
import io.github.metart.models.resnet.ResNet;
import io.github.metart.models.spec.ModelSpec;
import io.github.metart.models.vgg.Vgg;

/** Builds the (uninitialized) network a spec describes. */
public final class Networks {

  private Networks() {}

  /**
   * Builds the network: the stem layers if any, the family's backbone, and a linear head with as
   * many outputs as the head spec needs. The result is not initialized (no arrays yet).
   */
  public static MetNetwork build(ModelSpec spec) {
    NamedSequence backbone = new NamedSequence();
    if (spec.stemLayers() > 0) {
      backbone.add("stem", stem(spec));
    }
    switch (spec.architecture().family()) {
      case ALEXNET -> AlexNet.addLayers(backbone, spec);
      case VGG -> Vgg.addLayers(backbone, spec);
      case RESNET -> ResNet.addLayers(backbone, spec);
    }
    return new MetNetwork(backbone, Layers.linear(spec.head().outputUnits()));
  }

  /**
   * The extra stem: {@code stemLayers} 3x3 convolutions with stride 2 and {@code stemChannels}
   * filters, each followed by batch norm (when on) and ReLU; it halves the input side per layer so
   * the reference layers see a familiar size (448 px → 224 px with one layer).
   */
  static NamedSequence stem(ModelSpec spec) {
    NamedSequence stem = new NamedSequence();
    int index = 0;
    for (int i = 0; i < spec.stemLayers(); i++) {
      stem.add(
          Integer.toString(index++), Layers.conv(spec.stemChannels(), 3, 2, 1, !spec.batchNorm()));
      if (spec.batchNorm()) {
        stem.add(Integer.toString(index++), Layers.batchNorm());
      }
      stem.add(Integer.toString(index++), new Relu());
    }
    return stem;
  }
}
