package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.PreparedData;
import io.github.metart.train.data.PreparedFolders;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.history.RunStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void aClassifierTrainsOnAPreparedFolderAndLeavesAModelFolder() throws Exception {
    Path folder = PreparedFolders.culture(temp.resolve("prepared"), 16, 8, 32, 0);
    Path out = temp.resolve("run");
    try (PreparedData prepared = PreparedData.at(folder).inputSize(32).seed(5).open();
        MetModel model = MetModels.resnet(18).inputSize(32).build(prepared.head())) {
      FitResult result =
          Trainer.builder()
              .outputDirectory(out)
              .build()
              .fit(model, prepared.trainingData(), config().epochs(2).build());

      assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(result.history().metricName()).isEqualTo("accuracy");
      EpochRecord first = result.history().epochs().get(0);
      EpochRecord last = result.history().last().orElseThrow();
      assertThat(last.trainLoss()).isLessThan(first.trainLoss());
      HistoryFiles.Snapshot snapshot = HistoryFiles.read(out);
      assertThat(snapshot.provenance().datasetManifestSha256()).isEqualTo(prepared.manifestSha256());
      assertThat(snapshot.provenance().modelSpec()).contains("\"resnet18\"");
      try (MetModel saved = MetModels.load(out.resolve("model"))) {
        assertThat(saved.spec()).isEqualTo(model.spec());
      }
    }
  }

  @Test
  void yearRegressionAndBinnedYearHeadsReportTheMeanYearError() {
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      TrainingData data =
          TrainingData.of(
              TinyModels.years(manager, 32, 1, 32), TinyModels.years(manager, 8, 2, 32));
      for (HeadSpec head :
          new HeadSpec[] {HeadSpec.regression(1500, 1900), HeadSpec.binnedYear(1500, 1900, 8)}) {
        try (MetModel model = MetModels.resnet(18).inputSize(32).build(head)) {
          FitResult result = Trainer.create().fit(model, data, config().epochs(1).build());
          EpochRecord record = result.history().last().orElseThrow();
          assertThat(result.history().metricName()).as(head.describe()).isEqualTo("mean_year_error");
          assertThat(result.history().higherIsBetter()).isFalse();
          assertThat(record.valMetric()).as(head.describe()).isBetween(0.0, 400.0);
          assertThat(record.trainLoss()).as(head.describe()).isFinite();
        }
      }
    }
  }
}
