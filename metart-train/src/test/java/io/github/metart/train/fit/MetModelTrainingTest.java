package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.SpecJson;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.PreparedData;
import io.github.metart.train.data.PreparedFolders;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.files.TrainJson;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.provenance.RunProvenance;
import ai.djl.training.dataset.RandomAccessDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.metart.models.engine.MetEngine;

/** The public API: Trainer.fit on metart models (ResNet-18 at 32 px) and prepared data. */
class MetModelTrainingTest {

  @TempDir Path temp;

  private static TrainingConfig.Builder config() {
    return TrainingConfig.builder()
        .batchSize(8)
        .seed(5)
        .devices(DeviceChoice.cpu())
        .checkpointEveryMinutes(0)
        .optimizer(OptimizerConfig.sgd(0.02).withMomentum(0.9));
  }

  @Test
  void aClassifierTrainsOnAPreparedFolderAndRecordsItsProvenanceInEveryCheckpoint()
      throws Exception {
    Path folder = PreparedFolders.culture(temp.resolve("prepared"), 16, 8, 32, 0);
    Path out = temp.resolve("run");
    try (PreparedData prepared = PreparedData.at(folder).inputSize(32).config(config().epochs(2).seed(5).build()).open();
        MetModel model = MetModels.resnet(18).inputSize(32).build(prepared.head())) {
      TrainingConfig config = config().epochs(2).seed(5).build();
      FitResult result =
          Trainer.builder().outputDirectory(out).build().fit(model, prepared.trainingData(), config);

      assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(result.history().metricName()).isEqualTo("accuracy");
      EpochRecord first = result.history().epochs().get(0);
      EpochRecord last = result.history().last().orElseThrow();
      assertThat(last.trainLoss()).isLessThan(first.trainLoss());
      HistoryFiles.Snapshot snapshot = HistoryFiles.read(out);
      RunProvenance provenance = snapshot.provenance();
      assertThat(provenance.datasetManifestSha256())
          .isEqualTo(prepared.manifestSha256())
          .isEqualTo(sha256(folder.resolve("manifest.json")));
      assertThat(provenance.modelSpec()).contains("\"resnet18\"");
      assertThat(TrainJson.parse(provenance.modelSpec(), "the stored spec"))
          .isEqualTo(TrainJson.parse(SpecJson.toJson(model.spec()), "the model's spec"));
      assertThat(provenance.config()).isEqualTo(config);
      assertThat(provenance.seed()).isEqualTo(5);
      assertThat(provenance.devices()).containsExactly("cpu()");
      assertThat(provenance.updater()).contains("_fused_sgd_");
      assertThat(provenance.computeThreads()).isPositive();
      assertThat(
              List.of(
                  provenance.metartVersion(),
                  provenance.javaVersion(),
                  provenance.djlVersion(),
                  provenance.engine()))
          .allSatisfy(version -> assertThat(version).isNotBlank());
      assertThat(provenance.djlVersion()).isEqualTo("0.36.0");
      assertThat(provenance.engine()).isEqualTo("PyTorch 2.7.1");
      // every checkpoint records the same provenance as the history
      CheckpointStore store = new CheckpointStore(out.resolve("checkpoints"));
      for (String name : List.of(CheckpointStore.LAST, CheckpointStore.BEST)) {
        assertThat(store.read(name).orElseThrow().provenance()).as(name).isEqualTo(provenance);
      }
      try (MetModel saved = MetModels.load(out.resolve("model"))) {
        assertThat(saved.spec()).isEqualTo(model.spec());
      }
    }
  }

  @Test
  void yearRegressionAndBinnedYearHeadsLearnAndReportTheMeanYearErrorInYears() throws Exception {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      RandomAccessDataset train = TinyModels.years(manager, 128, 1, 32);
      RandomAccessDataset validation = TinyModels.years(manager, 32, 2, 32);
      TrainingData data = TrainingData.of(train, validation);
      // guessing the mean training year for every validation object
      double meanYear = labels(manager, train).stream().mapToDouble(d -> d).average().orElseThrow();
      double baseline =
          labels(manager, validation).stream().mapToDouble(y -> Math.abs(y - meanYear)).average().orElseThrow()
              * 400;
      assertThat(baseline).as("the constant-guess baseline in years").isBetween(60.0, 140.0);
      for (HeadSpec head :
          new HeadSpec[] {HeadSpec.regression(1500, 1900), HeadSpec.binnedYear(1500, 1900, 8)}) {
        // the initial weights do not depend on the tests run before
        MetEngine.engine().setRandomSeed(1);
        try (MetModel model = MetModels.resnet(18).inputSize(32).build(head)) {
          // 6 epochs of 8 steps; L2 for regression (L1's constant-size steps are too noisy here)
          TrainingConfig config =
              config()
                  .epochs(6)
                  .batchSize(16)
                  .optimizer(OptimizerConfig.adam(0.001))
                  .loss(head instanceof HeadSpec.Regression ? LossConfig.l2() : null)
                  .build();
          FitResult result = Trainer.create().fit(model, data, config);
          EpochRecord record = result.history().last().orElseThrow();
          assertThat(result.history().metricName()).as(head.describe()).isEqualTo("mean_year_error");
          assertThat(result.history().higherIsBetter()).isFalse();
          assertThat(record.valMetric()).as("%s: in years, not normalized", head.describe()).isGreaterThan(1.0);
          assertThat(record.trainMetric()).as(head.describe()).isGreaterThan(1.0);
          if (head instanceof HeadSpec.Regression) {
            // a direct regression through batch norm on 128 tiny images is noisy from epoch to
            // epoch (50 to 170 years at the last epoch over seeds 1-3): it must beat the constant
            // guess at its best epoch
            double best = result.history().epochs().stream().mapToDouble(EpochRecord::valMetric).min().orElseThrow();
            assertThat(best)
                .as("%s: best validation mean year error (baseline %.1f years)", head.describe(), baseline)
                .isLessThan(baseline);
          } else {
            assertThat(record.valMetric())
                .as("%s: validation mean year error (baseline %.1f years)", head.describe(), baseline)
                .isLessThan(baseline * 0.75);
          }
        }
      }
    }
  }

  @Test
  void aFrozenBackboneStaysUnchangedWhileTheHeadLearns() {
    try (NDManager manager = MetEngine.engine().newBaseManager();
        MetModel model =
            MetModels.resnet(18).inputSize(32).build(HeadSpec.regression(1500, 1900))) {
      model.freezeBackbone();
      Map<String, float[]> backboneBefore = values(model.network().backbone());
      Map<String, float[]> headBefore = values(model.network().head());
      TrainingData data = TrainingData.of(TinyModels.years(manager, 32, 1, 32), null);

      FitResult result = Trainer.create().fit(model, data, config().epochs(2).build());

      assertThat(result.updater()).contains("_fused_sgd_");
      assertThat(backboneBefore).hasSizeGreaterThan(40);
      Map<String, float[]> backboneAfter = values(model.network().backbone());
      assertThat(changed(backboneBefore, backboneAfter))
          .as("backbone parameters (weights and batch-norm statistics) that changed")
          .isEmpty();
      Map<String, float[]> headAfter = values(model.network().head());
      assertThat(headBefore).isNotEmpty();
      assertThat(changed(headBefore, headAfter))
          .as("head parameters that changed")
          .containsExactlyElementsOf(headBefore.keySet());
    }
  }

  /** The names of the parameters whose values differ. */
  private static List<String> changed(Map<String, float[]> before, Map<String, float[]> after) {
    assertThat(after.keySet()).isEqualTo(before.keySet());
    return before.keySet().stream()
        .filter(name -> !java.util.Arrays.equals(before.get(name), after.get(name)))
        .toList();
  }

  /** A copy of every parameter of a block, by name. */
  private static Map<String, float[]> values(Block block) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
    }
    return values;
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** The normalized years of a dataset. */
  private static List<Double> labels(NDManager manager, RandomAccessDataset dataset)
      throws Exception {
    List<Double> labels = new ArrayList<>();
    for (long i = 0; i < dataset.size(); i++) {
      labels.add((double) dataset.get(manager, i).getLabels().head().getFloat(0));
    }
    return labels;
  }
}
