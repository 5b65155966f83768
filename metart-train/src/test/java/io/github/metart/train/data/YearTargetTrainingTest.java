package io.github.metart.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.YearTarget;
import io.github.metart.data.dataset.YearTargetChoice;
import io.github.metart.data.loading.ImageExample;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.spec.HeadChoice;
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

/** The three year-target choices from a prepared year folder to a trained model. */
class YearTargetTrainingTest {

  @TempDir Path temp;

  private static TrainingConfig config(YearTargetChoice choice) {
    return TrainingConfig.builder()
        .epochs(1)
        .batchSize(8)
        .devices(DeviceChoice.cpu())
        .yearTarget(choice)
        .build();
  }

  @Test
  void eachChoiceLabelsTheDataFromTheObjectsInterval() throws Exception {
    Path folder = PreparedFolders.year(temp.resolve("prepared"), 12, 4, 32);
    for (YearTargetChoice choice : YearTargetChoice.values()) {
      try (PreparedData data = PreparedData.at(folder).inputSize(32).config(config(choice)).open()) {
        YearTarget target = (YearTarget) data.splits().target();
        Map<Long, LabeledObject> objects = new HashMap<>();
        data.splits().train().forEach(o -> objects.put(o.objectId(), o));
        assertThat(data.train().labelWidth()).isEqualTo(choice.labelWidth());
        for (ImageExample example : data.train().examples()) {
          LabeledObject object = objects.get(example.objectId());
          float year = (float) target.normalize(object.requireYear());
          float begin = (float) target.normalize(object.years().orElseThrow().begin());
          float end = (float) target.normalize(object.years().orElseThrow().end());
          float midpoint = (float) target.normalize(object.years().orElseThrow().midpoint());
          float[] expected =
              switch (choice) {
                case RANDOM -> new float[] {year};
                case MIDPOINT -> new float[] {midpoint};
                case INTERVAL -> new float[] {year, begin, end};
              };
          assertThat(example.labels()).as("%s, object %s", choice, object.objectId()).containsExactly(expected);
        }
      }
    }
  }

  @Test
  void aShortRunTrainsWithEachChoiceAndBothYearHeads() throws Exception {
    Path folder = PreparedFolders.year(temp.resolve("prepared"), 16, 8, 32);
    PreparedTraining training = PreparedTraining.on(folder);
    int run = 0;
    for (YearTargetChoice choice : YearTargetChoice.values()) {
      for (HeadChoice head : new HeadChoice[] {HeadChoice.DIRECT, HeadChoice.binned(4)}) {
        if (head != HeadChoice.DIRECT && choice != YearTargetChoice.INTERVAL) {
          continue; // the binned head's point targets are covered by the existing tests
        }
        FitResult result =
            training.train(
                ModelRecipe.of("resnet18", 32).withHead(head),
                config(choice),
                Trainer.builder().outputDirectory(temp.resolve("run" + run++)).build());
        EpochRecord epoch = result.history().last().orElseThrow();
        assertThat(epoch.trainLoss()).as("%s %s", choice, head).isFinite().isPositive();
        assertThat(epoch.valLoss()).as("%s %s", choice, head).isFinite();
        assertThat(epoch.valMetric()).as("mean year error, %s %s", choice, head).isFinite().isBetween(0.0, 400.0);
        try (MetModel model = MetModels.load(result.modelFolder().orElseThrow())) {
          assertThat(model.spec().head().outputUnits()).isEqualTo(head == HeadChoice.DIRECT ? 1 : 4);
        }
      }
    }
  }

  @Test
  void theTrainerRefusesIntervalLabelsForAnotherChoice() throws Exception {
    Path folder = PreparedFolders.year(temp.resolve("prepared"), 16, 0, 32);
    try (PreparedData data =
        PreparedData.at(folder).inputSize(32).config(config(YearTargetChoice.INTERVAL)).open()) {
      MetModel model = MetModels.resnet(18).inputSize(32).build(data.head());
      try (model) {
        assertThatThrownBy(
                () ->
                    Trainer.builder()
                        .outputDirectory(temp.resolve("run"))
                        .build()
                        .fit(model, data.trainingData(), config(YearTargetChoice.RANDOM)))
            .hasMessageContaining("3 label values but the year target random needs 1");
      }
    }
  }
}
