package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.metart.models.engine.MetEngine;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.config.WeightAverage;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.files.TrainJson;
import io.github.metart.train.listeners.BatchProgress;
import io.github.metart.train.listeners.FitStart;
import io.github.metart.train.listeners.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moving average of the weights: its arithmetic, its checkpoints and its resume. */
class WeightEmaTest {

  @TempDir Path temp;

  private static TrainingConfig.Builder config(int epochs, WeightAverage ema) {
    return TrainingConfig.builder()
        .epochs(epochs)
        .batchSize(8)
        .seed(3)
        .cpuThreads(1)
        .devices(DeviceChoice.cpu())
        .checkpointEveryMinutes(0)
        .schedule(LearningRateSchedule.constant())
        .optimizer(OptimizerConfig.sgd(0.05).withMomentum(0.9))
        .ema(ema);
  }

  @Test
  void theAverageAfterKStepsEqualsItsClosedFormWithTheWarmUp() {
    WeightAverage ema = WeightAverage.of(0.3);
    assertThat(ema.decayAt(0)).isEqualTo(0.1);
    assertThat(ema.decayAt(1)).isEqualTo(2.0 / 11);
    assertThat(ema.decayAt(5)).isEqualTo(0.3);
    assertThat(ema.withWarmup(false).decayAt(0)).isEqualTo(0.3);
    assertThat(ema.updatesAfter(0)).isTrue();
    assertThat(ema.decayAfter(3)).isEqualTo(ema.decayAt(3));
    averageEqualsItsClosedForm(ema);
  }

  @Test
  void anAverageUpdatedEveryThirdUpdateEqualsItsClosedForm() {
    WeightAverage ema = WeightAverage.of(0.6).withEvery(3);
    assertThat(ema.updatesAfter(0)).isFalse();
    assertThat(ema.updatesAfter(1)).isFalse();
    assertThat(ema.updatesAfter(2)).isTrue();
    assertThat(ema.updatesAfter(5)).isTrue();
    assertThat(ema.decayAfter(2)).isCloseTo(Math.pow(3.0 / 12, 3), within(1e-12));
    assertThat(ema.describe()).isEqualTo("decay 0.6 with warm-up, every 3 updates");
    assertThat(new WeightAverage(0.6, true, 0)).isEqualTo(WeightAverage.of(0.6));
    assertThatThrownBy(() -> WeightAverage.of(0.6).withEvery(-2))
        .hasMessage("the EMA is updated after every 1 to 1000 weight updates, got -2");
    averageEqualsItsClosedForm(ema);
  }

  private static void averageEqualsItsClosedForm(WeightAverage ema) {
    List<Map<String, float[]>> weights = new ArrayList<>();
    try (NDManager manager = MetEngine.engine().newBaseManager();
        TinyModels.TestModel model = TinyModels.classifier(3, 2)) {
      TrainingData data = TrainingData.of(TinyModels.classes(manager, 32, 3, 4), null);
      TrainingListener recorder =
          new TrainingListener() {
            @Override
            public void onFitStart(FitStart start) {
              weights.add(values(model.block()));
            }

            @Override
            public void onBatchEnd(BatchProgress progress) {
              weights.add(values(model.block()));
            }
          };
      Trainer.builder()
          .listener(recorder)
          .build()
          .fit(model, data, config(2, ema).restoreBestWeights(false).build());
      Map<String, float[]> averaged = values(model.block());

      int k = weights.size() - 1;
      assertThat(k).isEqualTo(8);
      for (String name : averaged.keySet()) {
        int size = averaged.get(name).length;
        double[] expected = new double[size];
        // with D_s = decayAfter(s) where the average updates after update s, else 1 (and then
        // w_(s+1) does not enter): ema_k = prod_{s<k} D_s w_0 + sum_{t=1..k} (1 - D_{t-1})
        // prod_{s=t..k-1} D_s w_t
        for (int t = 0; t <= k; t++) {
          double coefficient = t == 0 ? 1 : 1 - decay(ema, t - 1);
          for (int s = t; s < k; s++) {
            coefficient *= decay(ema, s);
          }
          float[] w = weights.get(t).get(name);
          for (int i = 0; i < size; i++) {
            expected[i] += coefficient * w[i];
          }
        }
        float[] actual = averaged.get(name);
        for (int i = 0; i < size; i++) {
          assertThat((double) actual[i]).as("%s[%s]", name, i).isCloseTo(expected[i], within(1e-5));
        }
      }
      // the weights did move, and the average is not the last weights
      assertThat(Arrays.equals(weights.get(k).get(firstName(averaged)), weights.get(0).get(firstName(averaged))))
          .isFalse();
      assertThat(averaged.get(firstName(averaged))).isNotEqualTo(weights.get(k).get(firstName(averaged)));
    }
  }

  private static double decay(WeightAverage ema, long s) {
    return ema.updatesAfter(s) ? ema.decayAfter(s) : 1;
  }

  @Test
  void aRunWithAnAverageResumesExactlyAndItsModelFolderSaysItHoldsTheAverage() throws Exception {
    WeightAverage ema = WeightAverage.of(0.8);
    Path uninterrupted = temp.resolve("uninterrupted");
    Path interrupted = temp.resolve("interrupted");
    Map<String, float[]> whole;
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      TrainingData data =
          TrainingData.of(
              TinyModels.classes(manager, 32, 3, 4), TinyModels.classes(manager, 16, 3, 5));
      FitResult result;
      try (TinyModels.TestModel model = TinyModels.classifier(3, 2)) {
        result =
            Trainer.builder().outputDirectory(uninterrupted).build()
                .fit(model, data, config(3, ema).build());
        whole = values(model.block());
      }
      try (TinyModels.TestModel model = TinyModels.classifier(3, 2)) {
        Trainer.builder().outputDirectory(interrupted).build()
            .fit(model, data, config(1, ema).build());
      }
      assertThat(interrupted.resolve("checkpoints/last").resolve(CheckpointStore.EMA)).exists();
      Map<String, float[]> resumed;
      FitResult again;
      try (TinyModels.TestModel model = TinyModels.classifier(3, 2)) {
        Trainer trainer = Trainer.builder().outputDirectory(interrupted).build();
        assertThatThrownBy(
                () -> trainer.resume(model, data, config(3, WeightAverage.of(0.9)).build()))
            .hasMessageContaining("ema: decay 0.8 with warm-up in the checkpoint, decay 0.9");
        again = trainer.resume(model, data, config(3, ema).build());
        resumed = values(model.block());
      }
      assertThat(again.history().withoutTiming()).isEqualTo(result.history().withoutTiming());
      assertThat(again.weightsEpoch()).isEqualTo(result.weightsEpoch());
      for (String name : whole.keySet()) {
        assertThat(resumed.get(name)).as(name).containsExactly(whole.get(name));
      }
      for (Path run : List.of(uninterrupted, interrupted)) {
        WeightAverageFile note =
            TrainJson.mapper()
                .readValue(
                    run.resolve("model").resolve(WeightAverageFile.FILE).toFile(),
                    WeightAverageFile.class);
        assertThat(note).isEqualTo(new WeightAverageFile("ema", 0.8, true, result.weightsEpoch()));
      }
      // the saved model holds the average of its epoch, not the raw weights
      assertThat(Files.readAllBytes(uninterrupted.resolve("model/weights.params")))
          .isNotEqualTo(
              Files.readAllBytes(
                  uninterrupted.resolve("checkpoints/last").resolve(CheckpointStore.WEIGHTS)));
    }
  }

  private static String firstName(Map<String, float[]> values) {
    return values.keySet().iterator().next();
  }

  private static Map<String, float[]> values(Block block) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
    }
    return values;
  }
}
