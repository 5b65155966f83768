package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.github.metart.models.engine.MetEngine;
import io.github.metart.train.config.ClassWeighting;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import org.junit.jupiter.api.Test;

/** Balanced class weights from the training split, through Trainer.fit. */
class ClassWeightsTest {

  private static TrainingConfig config(ClassWeighting weighting) {
    return TrainingConfig.builder()
        .epochs(1)
        .batchSize(8)
        .seed(2)
        .devices(DeviceChoice.cpu())
        .checkpointEveryMinutes(0)
        .classWeights(weighting)
        .build();
  }

  @Test
  void theWeightsComeFromTheTrainingLabelsAndChangeTheLoss() throws Exception {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      TrainingData data = TrainingData.of(TinyModels.classes(manager, 24, 3, 6), null);
      float[] weights;
      try (TinyModels.TestModel model = TinyModels.classifier(3, 1)) {
        weights = ClassWeights.of(ClassWeighting.BALANCED, model.task(), data.train(), manager);
      }
      long[] counts = new long[3];
      for (long i = 0; i < 24; i++) {
        counts[(int) data.train().get(manager, i).getLabels().head().getFloat(0)]++;
      }
      for (int c = 0; c < 3; c++) {
        assertThat(weights[c]).isEqualTo((float) (24.0 / (3 * counts[c])));
      }
      double plain;
      double weighted;
      try (TinyModels.TestModel model = TinyModels.classifier(3, 1)) {
        plain = Trainer.create().fit(model, data, config(ClassWeighting.NONE)).history().epochs().get(0).trainLoss();
      }
      try (TinyModels.TestModel model = TinyModels.classifier(3, 1)) {
        weighted =
            Trainer.create().fit(model, data, config(ClassWeighting.BALANCED)).history().epochs().get(0).trainLoss();
      }
      assertThat(java.util.Arrays.stream(counts).distinct().count())
          .as("unbalanced test data")
          .isGreaterThan(1);
      assertThat(weighted).isNotEqualTo(plain);
    }
  }

  @Test
  void aYearRegressionHasNoClassesToWeigh() {
    try (NDManager manager = MetEngine.engine().newBaseManager();
        TinyModels.TestModel model = TinyModels.regression(1500, 1900, 1)) {
      TrainingData data = TrainingData.of(TinyModels.years(manager, 16, 1), null);
      assertThatThrownBy(() -> Trainer.create().fit(model, data, config(ClassWeighting.BALANCED)))
          .hasMessageContaining("classWeights balanced needs a classifier head");
    }
  }
}
