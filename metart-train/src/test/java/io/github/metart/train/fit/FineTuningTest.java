package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.engine.MetEngine;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.FineTuning;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.provenance.RunProvenance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning through Trainer.fit on a ResNet-18 at 32 px: the backbone frozen for the first epoch
 * (weights and batch-norm statistics bit for bit), trained after it, and a run resumed across the
 * unfreezing equal to an uninterrupted one.
 */
class FineTuningTest {

  @TempDir Path temp;

  private static TrainingConfig.Builder config(int epochs) {
    return TrainingConfig.builder()
        .epochs(epochs)
        .batchSize(8)
        .seed(11)
        .cpuThreads(1)
        .devices(DeviceChoice.cpu())
        .checkpointEveryMinutes(0)
        .restoreBestWeights(false)
        .schedule(LearningRateSchedule.constant())
        .optimizer(OptimizerConfig.sgd(0.02).withMomentum(0.9).withWeightDecay(1e-4))
        .fineTuning(FineTuning.none().withFrozenBackboneEpochs(1).withBackboneLrFactor(0.1));
  }

  private static MetModel model() {
    MetEngine.engine().setRandomSeed(7);
    return MetModels.resnet(18).inputSize(32).build(HeadSpec.regression(1500, 1900));
  }

  @Test
  void theBackboneIsFrozenForItsEpochsThenTrainsAndAResumeAcrossTheUnfreezingIsExact()
      throws Exception {
    Path uninterrupted = temp.resolve("uninterrupted");
    Path interrupted = temp.resolve("interrupted");
    Map<String, float[]> initial;
    Map<String, float[]> afterTwo;
    try (NDManager manager = MetEngine.engine().newBaseManager();
        MetModel model = model()) {
      TrainingData data = TrainingData.of(TinyModels.years(manager, 32, 1, 32), null);
      initial = values(model.network());
      Trainer.builder().outputDirectory(uninterrupted).build().fit(model, data, config(2).build());
      afterTwo = values(model.network());
      assertThat(model.isBackboneFrozen()).as("unfrozen again after the run").isFalse();
    }
    Map<String, float[]> afterOne;
    Map<String, float[]> resumed;
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      TrainingData data = TrainingData.of(TinyModels.years(manager, 32, 1, 32), null);
      try (MetModel model = model()) {
        assertThat(changed(initial, values(model.network()), List.copyOf(initial.keySet())))
            .as("the same initialization")
            .isEmpty();
        Trainer.builder().outputDirectory(interrupted).build().fit(model, data, config(1).build());
        afterOne = values(model.network());
      }
      RunProvenance provenance =
          new CheckpointStore(interrupted.resolve("checkpoints")).read(CheckpointStore.LAST).orElseThrow().provenance();
      assertThat(provenance.config().fineTuning()).isEqualTo(config(1).build().fineTuning());
      try (MetModel model = model()) {
        Trainer trainer = Trainer.builder().outputDirectory(interrupted).build();
        assertThatThrownBy(
                () ->
                    trainer.resume(
                        model, data, config(2).fineTuning(FineTuning.none()).build()))
            .hasMessageContaining("fineTuning: backbone frozen for 1 epoch");
        trainer.resume(model, data, config(2).build());
        resumed = values(model.network());
      }
    }

    List<String> backbone = names(initial, MetNetworkNames.BACKBONE);
    List<String> head = names(initial, MetNetworkNames.HEAD);
    List<String> runningStats =
        backbone.stream().filter(n -> n.toLowerCase().contains("running")).toList();
    assertThat(backbone).hasSizeGreaterThan(40);
    assertThat(runningStats).hasSizeGreaterThan(10);
    assertThat(changed(initial, afterOne, backbone))
        .as("backbone parameters (weights and batch-norm statistics) changed in the frozen epoch")
        .isEmpty();
    assertThat(changed(initial, afterOne, head)).containsExactlyElementsOf(head);
    assertThat(changed(afterOne, resumed, backbone))
        .as("after unfreezing every backbone parameter trains, statistics included")
        .containsExactlyElementsOf(backbone);
    assertThat(changed(afterTwo, resumed, List.copyOf(initial.keySet())))
        .as("resumed across the unfreezing vs uninterrupted")
        .isEmpty();
  }

  @Test
  void fineTuningNeedsABackboneAndAHeadAndAnUnfrozenModel() {
    try (NDManager manager = MetEngine.engine().newBaseManager();
        TinyModels.TestModel tiny = TinyModels.classifier(3, 1);
        MetModel model = model()) {
      TrainingData classes = TrainingData.of(TinyModels.classes(manager, 16, 3, 1), null);
      assertThatThrownBy(
              () -> new TrainingRun(tiny, classes, config(1).build(), null,
                  new io.github.metart.train.listeners.TrainingListener() {}, false).run())
          .hasMessageContaining("needs a network with a backbone and a head (a MetModel)");
      model.freezeBackbone();
      TrainingData years = TrainingData.of(TinyModels.years(manager, 16, 1, 32), null);
      assertThatThrownBy(() -> Trainer.create().fit(model, years, config(1).build()))
          .hasMessageContaining("frozen for the whole run (MetModel.freezeBackbone)");
    }
  }

  /** Parameter-name prefixes of a MetNetwork. */
  private static final class MetNetworkNames {
    static final String BACKBONE = io.github.metart.models.network.MetNetwork.BACKBONE + "_";
    static final String HEAD = io.github.metart.models.network.MetNetwork.HEAD + "_";
  }

  private static List<String> names(Map<String, float[]> values, String prefix) {
    return values.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
  }

  private static List<String> changed(
      Map<String, float[]> before, Map<String, float[]> after, List<String> names) {
    return names.stream().filter(n -> !Arrays.equals(before.get(n), after.get(n))).toList();
  }

  private static Map<String, float[]> values(Block block) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
    }
    return values;
  }
}
