package io.github.metart.train.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.loading.AugmentPolicy;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.train.files.TrainJson;
import org.junit.jupiter.api.Test;

/** The augmentation settings: their text, their defaults, provenance and resume. */
class AugmentationSettingsTest {

  @Test
  void presetsAndPoliciesParse() {
    assertThat(TrainingSettings.parseAugmentation("trivial"))
        .isEqualTo(Augmentation.cropAndFlip().withPolicy(AugmentPolicy.trivialWide()));
    assertThat(TrainingSettings.parseAugmentation("randaugment:2:9"))
        .isEqualTo(Augmentation.cropAndFlip().withPolicy(AugmentPolicy.randAugment(2, 9)));
    assertThat(TrainingSettings.parseAugmentation("Standard+RandAugment:3:5"))
        .isEqualTo(Augmentation.standard().withPolicy(AugmentPolicy.randAugment(3, 5)));
    assertThat(TrainingSettings.parseAugmentation("none+trivial"))
        .isEqualTo(Augmentation.NONE.withPolicy(AugmentPolicy.trivialWide()));
    assertThat(TrainingSettings.parseAugmentation("crop-flip")).isEqualTo(Augmentation.cropAndFlip());
    assertThatThrownBy(() -> TrainingSettings.parseAugmentation("autoaugment"))
        .hasMessageContaining("none, crop-flip, standard, trivial or randaugment:N:M");
    assertThatThrownBy(() -> TrainingSettings.parseAugmentation("standard+flip"))
        .hasMessageContaining("none, trivial or randaugment:N:M");
  }

  @Test
  void erasingMixupAndCutmixAreSettingsOfTheirOwnNamedInTheirErrors() {
    TrainingConfig config =
        TrainingSettings.builder()
            .augmentation("trivial")
            .randomErasing(0.25)
            .mixup(0.2)
            .cutmix(1.0)
            .build()
            .config();
    assertThat(config.augmentation())
        .isEqualTo(
            Augmentation.cropAndFlip()
                .withPolicy(AugmentPolicy.trivialWide())
                .withErasing(0.25f)
                .withMixup(0.2f)
                .withCutmix(1f));
    // without a preset they apply to the default one
    assertThat(TrainingSettings.builder().mixup(0.4).build().config().augmentation())
        .isEqualTo(Augmentation.cropAndFlip().withMixup(0.4f));
    assertThat(TrainingSettings.defaults().config().augmentation()).isEqualTo(Augmentation.cropAndFlip());
    assertThatThrownBy(() -> TrainingSettings.builder().randomErasing(1.5).build())
        .hasMessageStartingWith("randomErasing: ")
        .hasMessageContaining("between 0 (none) and 1");
    assertThatThrownBy(() -> TrainingSettings.builder().mixup(-1.0).build())
        .hasMessageStartingWith("mixup: ");
    assertThatThrownBy(() -> TrainingSettings.builder().cutmix(11.0).build())
        .hasMessageStartingWith("cutmix: ");
  }

  @Test
  void theFullAugmentationIsRecordedAndAChangeIsRefusedOnResume() throws Exception {
    TrainingConfig trained =
        TrainingSettings.builder().augmentation("randaugment:2:9").randomErasing(0.25).mixup(0.2).build().config();
    String json = TrainJson.write(trained);
    assertThat(TrainJson.mapper().readValue(json, TrainingConfig.class)).isEqualTo(trained);

    TrainingConfig otherMixup =
        trained.toBuilder().augmentation(trained.augmentation().withMixup(0.4f)).build();
    assertThat(otherMixup.resumeDifferences(trained))
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("augmentation: ").contains("mixup α 0.2 in the checkpoint", "mixup α 0.4 now"));
    TrainingConfig otherPolicy =
        trained.toBuilder().augmentation(trained.augmentation().withPolicy(AugmentPolicy.trivialWide())).build();
    assertThat(otherPolicy.resumeDifferences(trained)).hasSize(1);
  }

  @Test
  void anAugmentationRecordedBeforePoliciesReadsAsTheSameAugmentation() throws Exception {
    Augmentation old =
        TrainJson.mapper()
            .readValue("{\"randomCrop\":true,\"horizontalFlip\":true,\"colorJitter\":0.1}", Augmentation.class);
    assertThat(old).isEqualTo(Augmentation.standard());
    assertThat(old.policy()).isEqualTo(AugmentPolicy.NONE);
  }
}
