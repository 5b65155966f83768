package io.github.metart.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.ModelRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiment specs: JSON, validation, expansion into runs, presets. */
class ExperimentSpecTest {

  @TempDir Path dir;

  static final String SPEC =
      """
      {
        "title": "Dropout on culture",
        "task": "culture",
        "base": {"architecture": "alexnet", "inputSize": 224, "hiddenUnits": 1024},
        "training": {"epochs": 3, "optimizer": "sgd", "learningRate": 0.02},
        "sweeps": [
          {"name": "dropout", "dropout": [0, 0.5]},
          {"name": "input size", "input": ["224", "448+stem"]}
        ]
      }
      """;

  @Test
  void aSpecExpandsIntoDistinctRunsPerSweep() throws IOException {
    ExperimentSpec spec = ExperimentSpec.parse(SPEC, "spec.json");

    ExperimentPlan plan = spec.plan();

    assertThat(plan.runs())
        .extracting(PlannedRun::name)
        .containsExactly(
            "alexnet 224px hidden=1024 dropout=0.0",
            "alexnet 224px hidden=1024",
            "alexnet 448px hidden=1024 stem=1");
    assertThat(plan.sweeps().get("input size"))
        .containsExactly("alexnet 224px hidden=1024", "alexnet 448px hidden=1024 stem=1");
    assertThat(plan.runs().get(2).recipe().spec(io.github.metart.models.spec.HeadSpec.classifier(3)).networkInputSize())
        .isEqualTo(224);
    assertThat(plan.runs().get(0).folderName()).isEqualTo("alexnet_224px_hidden-1024_dropout-0.0");
    assertThat(spec.training().config().epochs()).isEqualTo(3);
    assertThat(spec.training().config().optimizer().describe()).startsWith("sgd(lr=0.02");
  }

  @Test
  void theTrainingLeversAreSettingsOfTheSpec() throws IOException {
    ExperimentSpec spec =
        ExperimentSpec.parse(
            SPEC.replace(
                "\"learningRate\": 0.02}",
                "\"learningRate\": 0.02, \"freezeBackboneEpochs\": 1, \"backboneLrFactor\": 0.1,"
                    + " \"ema\": 0.99, \"accumulate\": 4, \"classWeights\": \"balanced\"}"),
            "spec.json");
    io.github.metart.train.config.TrainingConfig config = spec.training().config();
    assertThat(config.fineTuning())
        .isEqualTo(new io.github.metart.train.config.FineTuning(1, 0.1));
    assertThat(config.ema()).isEqualTo(io.github.metart.train.config.WeightAverage.of(0.99));
    assertThat(config.accumulateSteps()).isEqualTo(4);
    assertThat(config.classWeights())
        .isEqualTo(io.github.metart.train.config.ClassWeighting.BALANCED);
    assertThat(ExperimentSpec.parse(spec.toJson(), "again")).isEqualTo(spec);
    assertThatThrownBy(
            () ->
                ExperimentSpec.parse(
                    SPEC.replace(
                        "\"learningRate\": 0.02}",
                        "\"learningRate\": 0.02, \"classWeights\": \"inverse\"}"),
                    "spec.json"))
        .hasMessageContaining("classWeights: unknown class weights 'inverse': use balanced or none");
  }

  @Test
  void theJsonRoundTrips() throws IOException {
    ExperimentSpec spec = ExperimentSpec.parse(SPEC, "spec.json");

    assertThat(ExperimentSpec.parse(spec.toJson(), "again")).isEqualTo(spec);
    for (ExperimentPreset preset : ExperimentPreset.values()) {
      assertThat(ExperimentSpec.parse(preset.spec().toJson(), preset.id())).isEqualTo(preset.spec());
    }
  }

  @Test
  void theClassicStudiesTrainEachModelOnce() {
    ExperimentPlan culture = ExperimentPreset.CLASSIC_CULTURE.spec().plan();
    ExperimentPlan years = ExperimentPreset.CLASSIC_YEAR.spec().plan();

    // 3 architectures + 4 more hidden sizes + 5 dropout rates + batch norm on + 448 px with the stem
    assertThat(culture.runs()).hasSize(14);
    assertThat(culture.sweeps().keySet())
        .containsExactly("architecture", "hidden units", "dropout", "batch norm", "input size");
    assertThat(years.runs()).hasSize(15);
    assertThat(years.sweeps().get("year head")).containsExactly("alexnet 224px head=direct", "alexnet 224px head=binned:8");
    assertThat(ExperimentPreset.named("demo")).isEqualTo(ExperimentPreset.DEMO_CULTURE);
  }

  @Test
  void anUnknownFieldNamesTheFileAndLine() throws IOException {
    Path file = Files.writeString(dir.resolve("spec.json"), "{\n  \"base\": {\"architecture\": \"resnet18\", \"inputSize\": 64},\n  \"sweep\": []\n}\n");

    assertThatThrownBy(() -> ExperimentSpec.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ":3: Unrecognized field \"sweep\"");
  }

  @Test
  void augmentationLeversAndTestTimeAugmentationAreSpecFields() throws IOException {
    ExperimentSpec spec =
        ExperimentSpec.parse(
            """
            {
              "base": {"architecture": "resnet18", "inputSize": 64},
              "training": {"augmentation": "randaugment:2:9", "randomErasing": 0.25, "mixup": 0.2,
                           "cutmix": 1.0, "labelSmoothing": 0.1},
              "testTimeAugmentation": "Flip-Crops"
            }
            """,
            "levers.json");
    assertThat(spec.evaluationViews()).isEqualTo(io.github.metart.models.predict.TestTimeAugmentation.FLIP_CROPS);
    assertThat(spec.testTimeAugmentation()).isEqualTo("flip-crops");
    assertThat(spec.training().config().augmentation())
        .isEqualTo(
            io.github.metart.data.loading.Augmentation.cropAndFlip()
                .withPolicy(io.github.metart.data.loading.AugmentPolicy.randAugment(2, 9))
                .withErasing(0.25f)
                .withMixup(0.2f)
                .withCutmix(1f));
    assertThat(ExperimentSpec.parse(spec.toJson(), "again")).isEqualTo(spec);
    // absent: none, and not written
    ExperimentSpec plain = ExperimentSpec.parse(SPEC, "spec.json");
    assertThat(plain.evaluationViews()).isEqualTo(io.github.metart.models.predict.TestTimeAugmentation.NONE);
    assertThat(plain.toJson()).doesNotContain("testTimeAugmentation");
    assertThatThrownBy(
            () -> ExperimentSpec.parse(
                "{\"base\": {\"architecture\": \"resnet18\", \"inputSize\": 64}, \"testTimeAugmentation\": \"five\"}",
                "tta.json"))
        .hasMessageStartingWith("tta.json:1: unknown test-time augmentation 'five': use none, flip or flip-crops");
  }

  @Test
  void aBadValueNamesTheFileAndWhatIsAllowed() throws IOException {
    Path file = Files.writeString(dir.resolve("spec.json"),
        "{\"base\": {\"architecture\": \"resnet18\", \"inputSize\": 64}, \"training\": {\"optimizer\": \"rmsprop\"}}");
    Path head = Files.writeString(dir.resolve("head.json"),
        "{\"base\": {\"architecture\": \"resnet18\", \"inputSize\": 64, \"head\": \"bins\"}}");
    Path arch = Files.writeString(dir.resolve("arch.json"),
        "{\"base\": {\"architecture\": \"lenet\", \"inputSize\": 64}}");

    assertThatThrownBy(() -> ExperimentSpec.read(file))
        .hasMessageStartingWith(file + ":1: optimizer: unknown optimizer 'rmsprop': use sgd, adam or adamw");
    assertThatThrownBy(() -> ExperimentSpec.read(head))
        .hasMessageStartingWith(head + ":1: unknown head 'bins': use auto, direct or binned:N (e.g. binned:8)");
    assertThatThrownBy(() -> ExperimentSpec.read(arch))
        .hasMessageStartingWith(arch + ":1: unknown architecture 'lenet'; expected one of alexnet");
    assertThatThrownBy(() -> ExperimentSpec.read(dir.resolve("none.json")))
        .hasMessage(dir.resolve("none.json") + ": no such file (expected an experiment spec in JSON)");
  }

  @Test
  void sweepsAreValidated() {
    assertThatThrownBy(() -> new Sweep("nothing", null, null, null, null, null, null))
        .hasMessageStartingWith("sweep 'nothing' varies nothing");
    assertThatThrownBy(() -> Sweep.dropout("dropout", List.of()))
        .hasMessage("sweep 'dropout': dropout lists no value");
    assertThatThrownBy(() -> Sweep.dropout("dropout", List.of(0.95)).expand(ModelRecipe.of("alexnet", 224)))
        .hasMessageStartingWith("sweep 'dropout': 0.95 on alexnet 224px: dropout must be between 0 and 0.9");
    assertThatThrownBy(
            () -> ExperimentPlan.of(ModelRecipe.of("alexnet", 224),
                List.of(Sweep.dropout("a", List.of(0.1)), Sweep.dropout("a", List.of(0.2)))))
        .hasMessage("two sweeps are named 'a': name each one differently");
  }

  @Test
  void knobsEqualToTheReferenceAreNotKnobs() {
    ModelRecipe alexnet = ModelRecipe.of("alexnet", 224);

    assertThat(alexnet.withHiddenUnits(4096)).isEqualTo(alexnet);
    assertThat(alexnet.withDropout(0.5)).isEqualTo(alexnet);
    assertThat(ModelRecipe.of("vgg11_bn", 224).withBatchNorm(true)).isEqualTo(ModelRecipe.of("vgg11_bn", 224));
    assertThat(alexnet.withHiddenUnits(256).describe()).isEqualTo("alexnet 224px hidden=256");
  }

  @Test
  void inputsAndHeadsAreWrittenAsText() {
    assertThat(InputChoice.parse("448+stem")).isEqualTo(new InputChoice(448, 1));
    assertThat(InputChoice.parse("896+stem2")).isEqualTo(new InputChoice(896, 2));
    assertThat(InputChoice.parse("224")).hasToString("224");
    assertThatThrownBy(() -> InputChoice.parse("big"))
        .hasMessage("unknown input 'big': use SIZE, SIZE+stem or SIZE+stemN, e.g. 224 or 448+stem");
    assertThat(HeadChoice.parse("binned:8")).isEqualTo(HeadChoice.binned(8)).hasToString("binned:8");
    assertThat(HeadChoice.parse("regression")).isEqualTo(HeadChoice.DIRECT);
    assertThatThrownBy(() -> HeadChoice.parse("binned:1"))
        .hasMessageStartingWith("a binned year head needs 2 to");
  }
}
