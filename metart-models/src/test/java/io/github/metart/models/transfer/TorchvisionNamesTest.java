package io.github.metart.models.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.models.io.ModelFolder;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** metart's parameter names map onto torchvision's state-dict keys. */
class TorchvisionNamesTest {

  private static List<String> torchvisionBackbone(Architecture architecture) {
    ModelSpec spec = ModelSpec.reference(architecture, HeadSpec.classifier(1000));
    return ModelFolder.expectedShapes(spec).keySet().stream()
        .filter(name -> name.startsWith("backbone_"))
        .map(TorchvisionNames::of)
        .toList();
  }

  @Test
  void leavesAndPathsAreTranslated() {
    assertThat(TorchvisionNames.of("backbone_features_0_weight")).isEqualTo("features.0.weight");
    assertThat(TorchvisionNames.of("backbone_layer1_0_bn1_gamma")).isEqualTo("layer1.0.bn1.weight");
    assertThat(TorchvisionNames.of("backbone_bn1_beta")).isEqualTo("bn1.bias");
    assertThat(TorchvisionNames.of("backbone_layer2_0_downsample_1_runningVar"))
        .isEqualTo("layer2.0.downsample.1.running_var");
    assertThat(TorchvisionNames.of("backbone_bn1_runningMean")).isEqualTo("bn1.running_mean");
  }

  @Test
  void resnet50CoversTorchvisionsBackboneKeys() {
    List<String> names = torchvisionBackbone(Architecture.RESNET50);

    // torchvision's resnet50 state dict: 320 keys = 265 backbone tensors + 53
    // num_batches_tracked + fc.weight + fc.bias
    assertThat(names)
        .hasSize(265)
        .doesNotHaveDuplicates()
        .contains(
            "conv1.weight",
            "bn1.running_mean",
            "layer1.0.downsample.0.weight",
            "layer1.0.downsample.1.running_var",
            "layer3.5.conv3.weight",
            "layer4.2.bn3.bias");
  }

  @Test
  void vgg16AndAlexNetUseTorchvisionsModuleIndices() {
    assertThat(torchvisionBackbone(Architecture.VGG16))
        .hasSize(30)
        .contains("features.0.weight", "features.28.bias", "classifier.0.weight", "classifier.3.bias");
    assertThat(torchvisionBackbone(Architecture.ALEXNET))
        .containsExactly(
            "features.0.weight",
            "features.0.bias",
            "features.3.weight",
            "features.3.bias",
            "features.6.weight",
            "features.6.bias",
            "features.8.weight",
            "features.8.bias",
            "features.10.weight",
            "features.10.bias",
            "classifier.1.weight",
            "classifier.1.bias",
            "classifier.4.weight",
            "classifier.4.bias");
  }
}
