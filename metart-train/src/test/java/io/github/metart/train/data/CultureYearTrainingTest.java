package io.github.metart.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.YearTargetChoice;
import io.github.metart.data.loading.ImageExample;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.heads.CultureYearHead;
import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import io.github.metart.train.history.EpochRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Culture and year together: one backbone, two heads, from a prepared culture+year folder. */
class CultureYearTrainingTest {

  @TempDir Path temp;

  @Test
  void theDataCarriesTheClassAndTheYearAndTheHeadHasBoth() throws Exception {
    Path folder = PreparedFolders.cultureYear(temp.resolve("prepared"), 12, 4, 32);
    TrainingConfig config = TrainingConfig.builder().yearTarget(YearTargetChoice.INTERVAL).build();
    try (PreparedData data = PreparedData.at(folder).inputSize(32).config(config).open()) {
      assertThat(data.head())
          .isEqualTo(
              HeadSpec.cultureYear(HeadSpec.classifier(PreparedFolders.LABELS), HeadSpec.regression(1500, 1900)));
      Map<Long, LabeledObject> objects = new HashMap<>();
      data.splits().train().forEach(o -> objects.put(o.objectId(), o));
      assertThat(data.train().labelWidth()).isEqualTo(4);
      for (ImageExample example : data.train().examples()) {
        LabeledObject o = objects.get(example.objectId());
        float[] labels = example.labels();
        assertThat(labels[0]).isEqualTo((float) PreparedFolders.LABELS.indexOf(o.label()));
        assertThat(labels[2]).isEqualTo((float) ((o.years().orElseThrow().begin() - 1500) / 400.0));
        assertThat(labels[3]).isEqualTo((float) ((o.years().orElseThrow().end() - 1500) / 400.0));
      }
    }
  }

  @Test
  void aShortRunTrainsBothHeadsWithTheDirectAndTheBinnedYearHead() throws Exception {
    Path folder = PreparedFolders.cultureYear(temp.resolve("prepared"), 16, 8, 32);
    PreparedTraining training = PreparedTraining.on(folder);
    int run = 0;
    for (HeadChoice year : new HeadChoice[] {HeadChoice.DIRECT, HeadChoice.binned(4)}) {
      TrainingConfig config =
          TrainingConfig.builder()
              .epochs(1)
              .batchSize(8)
              .devices(DeviceChoice.cpu())
              .yearTarget(year == HeadChoice.DIRECT ? YearTargetChoice.RANDOM : YearTargetChoice.INTERVAL)
              .yearLossWeight(0.5)
              .build();
      FitResult result =
          training.train(
              ModelRecipe.of("resnet18", 32).withHead(year),
              config,
              Trainer.builder().outputDirectory(temp.resolve("run" + run++)).build());
      EpochRecord epoch = result.history().last().orElseThrow();
      assertThat(result.history().metricName()).isEqualTo("accuracy");
      assertThat(epoch.trainLoss()).as("%s", year).isFinite().isPositive();
      assertThat(epoch.valMetric()).as("culture accuracy, %s", year).isBetween(0.0, 1.0);
      try (MetModel model = MetModels.load(result.modelFolder().orElseThrow())) {
        CultureYearHead head = (CultureYearHead) model.head();
        assertThat(head.classCount()).isEqualTo(2);
        assertThat(head.year().outputUnits()).isEqualTo(year == HeadChoice.DIRECT ? 1 : 4);
        assertThat(model.spec().head().outputUnits()).isEqualTo(2 + head.year().outputUnits());
      }
    }
  }
}
