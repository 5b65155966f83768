package io.github.metart.train.fit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import io.github.metart.train.optim.ParameterUpdater;
import java.util.ArrayList;
import java.util.List;

/**
 * One training step: the engine reseeded for the step, forward and loss on every device's part of
 * the batch, the update (unless the loss is not finite), the metric. Every array the step creates
 * lives in its memory scope and is freed when it ends.
 */
final class TrainingStep {

  /** The batch's mean loss and metric; a non-finite loss means the step diverged (no update). */
  record Outcome(double loss, double metric) {
    boolean diverged() {
      return !Double.isFinite(loss);
    }
  }

  private final Engine engine;
  private final Network network;
  private final ParameterUpdater updater;
  private final long seed;

  TrainingStep(Engine engine, Network network, ParameterUpdater updater, long seed) {
    this.engine = engine;
    this.network = network;
    this.updater = updater;
    this.seed = seed;
  }

  Outcome run(Batch batch, double learningRate, long globalStep) {
    engine.setRandomSeed(StepSeeds.of(seed, globalStep));
    Batch[] parts = network.split(batch);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      List<NDArray> losses = new ArrayList<>(parts.length);
      List<NDList> outputs = new ArrayList<>(parts.length);
      double[] weights = new double[parts.length];
      double loss = 0;
      try (GradientCollector collector = engine.newGradientCollector()) {
        for (int k = 0; k < parts.length; k++) {
          Network.Pass pass = network.forward(parts[k], true);
          weights[k] = (double) parts[k].getSize() / batch.getSize();
          loss += weights[k] * pass.loss().getFloat();
          losses.add(pass.loss());
          outputs.add(pass.outputs());
        }
        if (!Double.isFinite(loss)) {
          return new Outcome(loss, Double.NaN);
        }
        updater.step(collector, losses, weights, learningRate);
      }
      double metric = 0;
      for (int k = 0; k < parts.length; k++) {
        metric += weights[k] * network.metric(parts[k].getLabels(), outputs.get(k));
      }
      return new Outcome(loss, metric);
    } finally {
      Network.closeParts(batch, parts);
    }
  }
}
