package io.github.metart.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.dataset.YearTargetChoice;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.config.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps over training variants and the ablation presets built on them. */
class TrainingSweepTest {

  @TempDir Path dir;

  private static TrainingConfig configOf(ExperimentSpec spec, String run) {
    return ExperimentPlan.of(spec).run(run).trainingSettings(spec.training()).config();
  }

  @Test
  void theDemoAblationSwitchesEachLeverOnAloneOverTheExperimentsTraining() {
    ExperimentSpec spec = ExperimentPreset.named("demo-ablation").spec();

    assertThat(ExperimentPlan.of(spec).runs())
        .extracting(PlannedRun::name)
        .containsExactly(
            "resnet18 64px plain", "resnet18 64px trivialaugment", "resnet18 64px randaugment",
            "resnet18 64px erasing", "resnet18 64px mixup", "resnet18 64px cutmix",
            "resnet18 64px label-smoothing", "resnet18 64px ema");
    TrainingConfig plain = configOf(spec, "resnet18 64px plain");
    assertThat(plain).isEqualTo(spec.training().config());
    TrainingConfig mixup = configOf(spec, "resnet18 64px mixup");
    assertThat(mixup.augmentation().mixup()).isEqualTo(0.2f);
    assertThat(mixup.augmentation().cutmix()).isZero();
    assertThat(mixup.epochs()).isEqualTo(plain.epochs());
    assertThat(mixup.optimizer()).isEqualTo(plain.optimizer());
    // only the lever differs from the plain run
    assertThat(mixup.resumeDifferences(plain)).hasSize(1).allSatisfy(d -> assertThat(d).startsWith("augmentation"));
    assertThat(configOf(spec, "resnet18 64px ema").ema().isOn()).isTrue();
    assertThat(configOf(spec, "resnet18 64px erasing").augmentation().erasing()).isEqualTo(0.25f);
  }

  @Test
  void theYearTargetPresetComparesTheThreeTargetsOnBothHeads() {
    ExperimentSpec spec = ExperimentPreset.named("demo-year-targets").spec();

    assertThat(ExperimentPlan.of(spec).runs()).extracting(PlannedRun::name)
        .containsExactly(
            "resnet18 64px head=direct random", "resnet18 64px head=direct midpoint", "resnet18 64px head=direct interval",
            "resnet18 64px head=binned:8 random", "resnet18 64px head=binned:8 midpoint", "resnet18 64px head=binned:8 interval");
    assertThat(configOf(spec, "resnet18 64px head=binned:8 interval").yearTarget()).isEqualTo(YearTargetChoice.INTERVAL);
    assertThat(configOf(spec, "resnet18 64px head=direct midpoint").yearTarget()).isEqualTo(YearTargetChoice.MIDPOINT);
    assertThat(spec.task()).isEqualTo("year");
  }

  @Test
  void theFineTuningPresetComparesFromScratchFrozenAndFineTuned() {
    ExperimentSpec spec = ExperimentPreset.named("demo-finetune").spec();

    List<PlannedRun> runs = ExperimentPlan.of(spec).runs();
    assertThat(runs).extracting(PlannedRun::name)
        .containsExactly(
            "resnet18 64px", "resnet18 64px pretrained=imagenet frozen", "resnet18 64px pretrained=imagenet fine-tuned");
    assertThat(runs.get(0).recipe().pretrained()).as("from scratch").isNull();
    assertThat(runs.get(1).recipe().pretrained()).isEqualTo("imagenet");
    TrainingConfig frozen = configOf(spec, "resnet18 64px pretrained=imagenet frozen");
    assertThat(frozen.fineTuning().freezeBackboneEpochs()).as("frozen for every epoch").isEqualTo(frozen.epochs());
    TrainingConfig tuned = configOf(spec, "resnet18 64px pretrained=imagenet fine-tuned");
    assertThat(tuned.fineTuning().freezeBackboneEpochs()).isEqualTo(1);
    assertThat(tuned.fineTuning().backboneLrFactor()).isEqualTo(0.1);
    assertThat(configOf(spec, "resnet18 64px").fineTuning().isNone()).isTrue();
    assertThat(ExperimentPreset.named("finetune-year").spec().task()).isEqualTo("year");
    assertThat(ExperimentPreset.DEMO_FINETUNE.usesDemoData()).isTrue();
  }

  @Test
  void aTrainingSweepReadsFromJsonAndAWrongVariantIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("spec.json"), """
        {"base": {"architecture": "resnet18", "inputSize": 32},
         "training": {"epochs": 2},
         "sweeps": [{"name": "lever", "training": [
             {"name": "plain"},
             {"name": "mixup", "changes": {"mixup": 0.4}}]}]}
        """);
    ExperimentSpec spec = ExperimentSpec.read(file);

    assertThat(configOf(spec, "resnet18 32px mixup").augmentation().mixup()).isEqualTo(0.4f);
    assertThat(configOf(spec, "resnet18 32px mixup").epochs()).isEqualTo(2);
    assertThat(configOf(spec, "resnet18 32px plain").augmentation().mixup()).isZero();

    // each variant is valid alone; one that does not fit the experiment's training is named
    TrainingVariant smoothing = new TrainingVariant("smoothing", TrainingSettings.builder().labelSmoothing(0.1).build());
    assertThatThrownBy(() -> smoothing.applyTo(TrainingSettings.builder().loss("l1").build()))
        .hasMessageStartingWith("training variant 'smoothing': ")
        .hasMessageContaining("labelSmoothing applies to cross-entropy");
    assertThatThrownBy(() -> new TrainingVariant(" ", null)).hasMessageContaining("a training variant needs a name");
  }
}
