package io.github.metart.models.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.models.MetModels;
import io.github.metart.models.spec.HeadSpec;
import org.junit.jupiter.api.Test;

class PretrainedWeightsTest {

  @Test
  void imagenetTakesTheBestGenerationAndEitherCanBeNamed() {
    assertThat(PretrainedWeights.of("resnet50", "imagenet").fileName()).isEqualTo("resnet50-11ad3fa6.pth");
    assertThat(PretrainedWeights.of("resnet50", "IMAGENET1K_V1").fileName()).isEqualTo("resnet50-0676ba61.pth");
    assertThat(PretrainedWeights.of("ResNet152", "default")).isEqualTo(PretrainedWeights.RESNET152_V2);
    assertThat(PretrainedWeights.of("resnet101", "imagenet1k_v1")).isEqualTo(PretrainedWeights.RESNET101_V1);
    assertThat(PretrainedWeights.of("resnet18", "imagenet").file().sha256Prefix()).isEqualTo("f37072fd");
    assertThat(PretrainedWeights.of("alexnet", "imagenet").file().sha256Prefix()).isEqualTo("7be5be79");
  }

  @Test
  void everyModelWithWeightsIsAMetartModel() {
    assertThat(MetModels.names()).containsAll(PretrainedWeights.models());
    assertThat(PretrainedWeights.models()).hasSize(14);
    for (PretrainedWeights weights : PretrainedWeights.values()) {
      assertThat(weights.file().sha256Prefix()).hasSize(8);
    }
  }

  @Test
  void theSpecNamesTheBatchNormVariant() {
    assertThat(PretrainedWeights.of(MetModels.vgg(11).batchNorm(true).spec(HeadSpec.classifier(3)), "imagenet"))
        .isEqualTo(PretrainedWeights.VGG11_BN);
    assertThat(PretrainedWeights.of(MetModels.vgg(11).spec(HeadSpec.classifier(3)), "imagenet"))
        .isEqualTo(PretrainedWeights.VGG11);
    assertThatThrownBy(
            () -> PretrainedWeights.of(MetModels.resnet(18).batchNorm(false).spec(HeadSpec.classifier(3)), "imagenet"))
        .hasMessageContaining("without batch norm");
  }

  @Test
  void unknownChoicesNameWhatIsPublished() {
    assertThatThrownBy(() -> PretrainedWeights.of("resnet18", "IMAGENET1K_V2"))
        .hasMessage("torchvision publishes IMAGENET1K_V1 weights for resnet18, not IMAGENET1K_V2");
    assertThatThrownBy(() -> PretrainedWeights.of("resnet18", "coco"))
        .hasMessageContaining("expected imagenet, IMAGENET1K_V1 or IMAGENET1K_V2");
    assertThat(PretrainedWeights.isName("ImageNet")).isTrue();
    assertThat(PretrainedWeights.isName("weights/resnet18.pth")).isFalse();
    assertThatThrownBy(() -> WeightFile.named("resnet18.pth")).hasMessageContaining("carries no SHA-256 prefix");
  }
}
