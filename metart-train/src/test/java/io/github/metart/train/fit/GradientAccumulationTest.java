package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.metart.models.engine.MetEngine;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.GradientClipping;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradient accumulation through Trainer.fit: N batches of b update as one batch of N x b. */
class GradientAccumulationTest {

  private static Map<String, float[]> train(int batchSize, int accumulate, boolean fused) {
    try (NDManager manager = MetEngine.engine().newBaseManager();
        TinyModels.TestModel model = TinyModels.regression(1500, 1900, 9)) {
      TrainingData data = TrainingData.of(TinyModels.years(manager, 24, 2), null);
      TrainingConfig config =
          TrainingConfig.builder()
              .epochs(2)
              .batchSize(batchSize)
              .accumulateSteps(accumulate)
              .seed(4)
              .cpuThreads(1)
              .devices(DeviceChoice.cpu())
              .checkpointEveryMinutes(0)
              .restoreBestWeights(false)
              .fusedUpdates(fused)
              .clipping(GradientClipping.byNorm(0.5))
              .schedule(LearningRateSchedule.constant())
              .optimizer(OptimizerConfig.sgd(0.05).withMomentum(0.9).withWeightDecay(1e-3))
              .build();
      FitResult result = Trainer.create().fit(model, data, config);
      assertThat(result.history().size()).isEqualTo(2);
      Map<String, float[]> values = new LinkedHashMap<>();
      for (Pair<String, Parameter> entry : model.block().getParameters()) {
        values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
      }
      return values;
    }
  }

  @Test
  void accumulatingThreeBatchesOfFourEqualsBatchesOfTwelveAndDiffersFromBatchesOfFour() {
    for (boolean fused : new boolean[] {true, false}) {
      Map<String, float[]> whole = train(12, 1, fused);
      Map<String, float[]> accumulated = train(4, 3, fused);
      Map<String, float[]> small = train(4, 1, fused);
      for (String name : whole.keySet()) {
        assertThat(accumulated.get(name))
            .as("%s, fused %s", name, fused)
            .containsExactly(whole.get(name), within(1e-5f));
      }
      String first = whole.keySet().iterator().next();
      assertThat(small.get(first)).isNotEqualTo(whole.get(first));
    }
  }

  @Test
  void theLastUpdateOfAnEpochTakesTheBatchesThatAreLeft() {
    // 24 images in batches of 5: 5 batches (5,5,5,5,4); accumulating 2 gives updates of 10, 10, 4
    // images, as batches of 10 do (10, 10, 4)
    for (boolean fused : new boolean[] {true, false}) {
      Map<String, float[]> whole = train(10, 1, fused);
      Map<String, float[]> accumulated = train(5, 2, fused);
      for (String name : whole.keySet()) {
        assertThat(accumulated.get(name))
            .as("%s, fused %s", name, fused)
            .containsExactly(whole.get(name), within(1e-5f));
      }
    }
  }
}
