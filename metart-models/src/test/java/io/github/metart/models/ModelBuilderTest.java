package io.github.metart.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.models.heads.ClassifierHead;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fluent builders: what they build and how they refuse bad values. */
class ModelBuilderTest {

  @Test
  void theBuilderReadsLikeTheExperiment() {
    ModelSpec spec =
        MetModels.vgg(16)
            .hiddenUnits(256)
            .dropout(0.4)
            .batchNorm(true)
            .inputSize(112)
            .spec(HeadSpec.classifier(15));

    assertThat(spec)
        .isEqualTo(
            new ModelSpec(
                Architecture.VGG16, 3, 112, true, 256, 0.4, 0, 32, HeadSpec.classifier(15)));
  }

  @Test
  void aBuiltModelCarriesItsSpecAndHead() {
    try (MetModel model =
        MetModels.resnet(18).inputSize(64).classifier(List.of("Japan", "China"))) {
      assertThat(model.spec().architecture()).isEqualTo(Architecture.RESNET18);
      assertThat(model.head()).isInstanceOf(ClassifierHead.class);
      assertThat(((ClassifierHead) model.head()).labels()).containsExactly("Japan", "China");
      assertThat(model.parameterCount())
          .isEqualTo(model.summary().parameters())
          .isEqualTo(11_689_512 - 1000 * 513 + 2 * 513);
      assertThat(model.djlModel().getBlock()).isSameAs(model.network());
      assertThat(model.toString()).isEqualTo("MetModel[resnet18, 64 px, classifier (2 classes)]");
    }
  }

  @Test
  void namedAcceptsBatchNormVariants() {
    assertThat(MetModels.named("vgg16_bn").spec(HeadSpec.classifier(2)).name())
        .isEqualTo("vgg16_bn");
    assertThat(MetModels.named("VGG11-BN").spec(HeadSpec.classifier(2)).batchNorm()).isTrue();
    assertThat(MetModels.named("resnet50").spec(HeadSpec.classifier(2)).batchNorm()).isTrue();
    assertThat(MetModels.names()).hasSize(15).contains("alexnet_bn", "vgg19_bn", "resnet152");
    assertThatThrownBy(() -> MetModels.named("resnet50_bn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown architecture 'resnet50_bn'; expected one of alexnet,");
  }

  @Test
  void settersRejectBadValuesAtOnceWithTheAllowedRange() {
    assertThatThrownBy(() -> MetModels.vgg(12))
        .hasMessage("vgg depth must be one of [11, 13, 16, 19], got 12");
    assertThatThrownBy(() -> MetModels.resnet(20))
        .hasMessage("resnet depth must be one of [18, 34, 50, 101, 152], got 20");
    assertThatThrownBy(() -> MetModels.alexnet().dropout(1.0))
        .hasMessage("dropout must be between 0 and 0.9, got 1.0");
    assertThatThrownBy(() -> MetModels.alexnet().dropout(-0.1))
        .hasMessage("dropout must be between 0 and 0.9, got -0.1");
    assertThatThrownBy(() -> MetModels.vgg(11).hiddenUnits(0))
        .hasMessage("hiddenUnits of vgg11 must be between 1 and 65536, got 0");
    assertThatThrownBy(() -> MetModels.resnet(18).inputSize(16))
        .hasMessage("inputSize must be between 32 and 4096 px, got 16");
    assertThatThrownBy(() -> MetModels.resnet(18).inputChannels(0))
        .hasMessage("inputChannels must be between 1 and 64, got 0");
    assertThatThrownBy(() -> MetModels.resnet(18).extraStem(9))
        .hasMessage("stem layers must be between 0 and 4, got 9");
    assertThatThrownBy(() -> MetModels.resnet(18).extraStem(1, 0))
        .hasMessage("stem channels must be between 1 and 1024, got 0");
    assertThat(MetModels.resnet(18).hiddenUnits(0).dropout(0.9)).isNotNull();
  }

  @Test
  void combinationsAreCheckedWhenTheHeadIsChosen() {
    ModelBuilder builder = MetModels.alexnet().extraStem(1).inputSize(64);

    assertThatThrownBy(() -> builder.classifier(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alexnet with 1 stem layer needs inputs of at least 125 px, got inputSize 64");
    assertThatThrownBy(() -> MetModels.resnet(18).inputSize(64).regression(1900, 1500))
        .hasMessage("the year range needs minYear < maxYear, got 1900..1500");
  }
}
