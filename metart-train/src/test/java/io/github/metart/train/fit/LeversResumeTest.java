package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.metart.models.engine.MetEngine;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.config.ClassWeighting;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.config.WeightAverage;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.listeners.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with EMA, gradient accumulation and class weights stopped right after a mid-epoch
 * checkpoint and resumed from it ends exactly as the uninterrupted run.
 */
class LeversResumeTest {

  @TempDir Path temp;

  private static TrainingConfig config() {
    return TrainingConfig.builder()
        .epochs(2)
        .batchSize(4)
        .accumulateSteps(2)
        .ema(WeightAverage.of(0.9))
        .classWeights(ClassWeighting.BALANCED)
        .seed(8)
        .cpuThreads(1)
        .devices(DeviceChoice.cpu())
        .checkpointEverySteps(2)
        .checkpointEveryMinutes(0)
        .optimizer(OptimizerConfig.adam(0.01))
        .build();
  }

  @Test
  void aRunWithEveryTrainLeverResumesExactlyFromAMidEpochCheckpoint() throws Exception {
    try (NDManager manager = MetEngine.engine().newBaseManager()) {
      TrainingData data =
          TrainingData.of(
              TinyModels.classes(manager, 24, 3, 6), TinyModels.classes(manager, 12, 3, 7));
      FitResult whole;
      Map<String, float[]> wholeWeights;
      try (TinyModels.TestModel model = TinyModels.classifier(3, 5)) {
        whole =
            Trainer.builder().outputDirectory(temp.resolve("whole")).build()
                .fit(model, data, config());
        wholeWeights = values(model);
      }
      Path out = temp.resolve("stopped");
      AtomicInteger checkpoints = new AtomicInteger();
      TrainingListener stopAfterAMidEpochCheckpoint =
          new TrainingListener() {
            @Override
            public void onCheckpoint(String name, Path folder) {
              // 6 batches an epoch, 3 updates; "last" after 2 and 4 batches of epoch 1, copied from
              // "best" at its end, then after 2 batches of epoch 2: stop there
              if (name.equals(CheckpointStore.LAST) && checkpoints.incrementAndGet() == 4) {
                throw new IllegalStateException("stopped");
              }
            }
          };
      try (TinyModels.TestModel model = TinyModels.classifier(3, 5)) {
        Trainer stopping =
            Trainer.builder().outputDirectory(out).listener(stopAfterAMidEpochCheckpoint).build();
        assertThatThrownBy(() -> stopping.fit(model, data, config())).hasMessage("stopped");
      }
      var last = new CheckpointStore(out.resolve("checkpoints")).read(CheckpointStore.LAST).orElseThrow();
      assertThat(last.state().epoch()).isEqualTo(1);
      assertThat(last.state().sampler().batchesDone()).as("stopped mid-epoch").isEqualTo(2);
      assertThat(last.ema()).isPresent();
      FitResult resumed;
      Map<String, float[]> resumedWeights;
      try (TinyModels.TestModel model = TinyModels.classifier(3, 5)) {
        resumed = Trainer.builder().outputDirectory(out).build().resume(model, data, config());
        resumedWeights = values(model);
      }
      assertThat(resumed.history().withoutTiming()).isEqualTo(whole.history().withoutTiming());
      for (String name : wholeWeights.keySet()) {
        assertThat(resumedWeights.get(name)).as(name).containsExactly(wholeWeights.get(name));
      }
    }
  }

  private static Map<String, float[]> values(TinyModels.TestModel model) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : model.block().getParameters()) {
      values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
    }
    return values;
  }
}
