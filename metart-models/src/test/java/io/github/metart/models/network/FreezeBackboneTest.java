package io.github.metart.models.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.metart.models.engine.MetEngine;

/** A frozen backbone stays exactly as it was through a real DJL training step. */
class FreezeBackboneTest {

  private static Map<String, float[]> snapshot(MetModel model) {
    Map<String, float[]> values = new LinkedHashMap<>();
    model.parameters().forEach((name, array) -> values.put(name, array.toFloatArray()));
    return values;
  }

  /** One SGD step (learning rate 0.1) with softmax cross-entropy on a random batch of 4. */
  private static void trainOneStep(MetModel model, NDManager manager) {
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(
                Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build());
    try (Trainer trainer = model.djlModel().newTrainer(config)) {
      trainer.initialize(model.inputShape(4));
      NDArray images = manager.randomNormal(model.inputShape(4));
      NDArray labels = manager.create(new float[] {0, 1, 2, 1}, new Shape(4, 1));
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList outputs = trainer.forward(new NDList(images));
        NDArray loss =
            trainer
                .getLoss()
                .evaluate(new NDList(model.head().trainingTargets(labels)), outputs);
        collector.backward(loss);
      }
      trainer.step();
    }
  }

  private static boolean changed(Map<String, float[]> before, Map<String, float[]> after, String name) {
    return !Arrays.equals(before.get(name), after.get(name));
  }

  @Test
  void aFrozenBackboneIsUnchangedAfterATrainingStepWhileTheHeadLearns() {
    try (MetModel model =
            MetModels.alexnet().batchNorm(true).hiddenUnits(16).inputSize(64).classifier(3);
        NDManager manager = MetEngine.newManager(null)) {
      model.freezeBackbone();
      assertThat(model.isBackboneFrozen()).isTrue();
      assertThat(model.trainableParameterCount()).isEqualTo(3 * 16 + 3);
      Map<String, float[]> before = snapshot(model);

      trainOneStep(model, manager);

      Map<String, float[]> after = snapshot(model);
      for (String name : before.keySet()) {
        if (name.startsWith("backbone_")) {
          assertThat(changed(before, after, name)).as(name + " changed").isFalse();
        }
      }
      assertThat(changed(before, after, "head_weight")).isTrue();
      assertThat(changed(before, after, "head_bias")).isTrue();
    }
  }

  @Test
  void unfreezingTrainsTheBackboneAgainButNeverTheRunningStatisticsByGradient() {
    try (MetModel model =
            MetModels.alexnet().batchNorm(true).hiddenUnits(16).inputSize(64).classifier(3);
        NDManager manager = MetEngine.newManager(null)) {
      model.freezeBackbone().unfreezeBackbone();
      assertThat(model.trainableParameterCount()).isEqualTo(model.parameterCount());
      assertThat(model.network().getParameters().get("backbone_features_1_runningMean").requiresGradient())
          .isFalse();
      Map<String, float[]> before = snapshot(model);

      trainOneStep(model, manager);

      Map<String, float[]> after = snapshot(model);
      assertThat(changed(before, after, "backbone_features_0_weight")).isTrue();
      assertThat(changed(before, after, "backbone_classifier_4_weight")).isTrue();
      // running statistics move with the batch in training mode (not by gradient)
      assertThat(changed(before, after, "backbone_features_1_runningMean")).isTrue();
    }
  }

  @Test
  void aLoadedOrTransferredModelTrainsLikeAFreshOne(@TempDir Path dir) {
    try (MetModel source =
            MetModels.alexnet().batchNorm(true).hiddenUnits(16).inputSize(64).classifier(3);
        NDManager manager = MetEngine.newManager(null)) {
      source.save(dir.resolve("model"));
      try (MetModel loaded = MetModels.load(dir.resolve("model"));
          MetModel transferred =
              MetModels.alexnet().batchNorm(true).hiddenUnits(16).inputSize(64).classifier(3)) {
        transferred.loadBackbone(dir.resolve("model"));
        for (MetModel model : new MetModel[] {loaded, transferred}) {
          Map<String, float[]> before = snapshot(model);

          trainOneStep(model, manager);

          Map<String, float[]> after = snapshot(model);
          assertThat(changed(before, after, "backbone_features_0_weight")).isTrue();
          assertThat(changed(before, after, "head_weight")).isTrue();
        }
      }
    }
  }
}
