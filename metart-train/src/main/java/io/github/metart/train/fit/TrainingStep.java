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
    return run(List.of(batch), learningRate, globalStep);
  }

  /**
   * One update from consecutive batches (gradient accumulation when there are several): each
   * batch's forward and backward in turn, the engine reseeded per batch ({@code globalStep} for
   * the first, then counting on), every loss weighted by its batch's share of the images, one
   * update at the end. The outcome's loss and metric are the images' means over all batches.
   */
  Outcome run(List<Batch> batches, double learningRate, long globalStep) {
    long images = 0;
    for (Batch batch : batches) {
      images += batch.getSize();
    }
    double loss = 0;
    double metric = 0;
    for (int j = 0; j < batches.size(); j++) {
      Batch batch = batches.get(j);
      boolean last = j == batches.size() - 1;
      engine.setRandomSeed(StepSeeds.of(seed, globalStep + j));
      Batch[] parts = network.split(batch);
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        List<NDArray> losses = new ArrayList<>(parts.length);
        List<NDList> outputs = new ArrayList<>(parts.length);
        double[] weights = new double[parts.length];
        double batchLoss = 0;
        try (GradientCollector collector = engine.newGradientCollector()) {
          for (int k = 0; k < parts.length; k++) {
            Network.Pass pass = network.forward(parts[k], true);
            weights[k] = (double) parts[k].getSize() / images;
            batchLoss += (double) parts[k].getSize() / batch.getSize() * pass.loss().getFloat();
            losses.add(pass.loss());
            outputs.add(pass.outputs());
          }
          if (!Double.isFinite(batchLoss)) {
            return new Outcome(batchLoss, Double.NaN);
          }
          if (last) {
            updater.step(collector, losses, weights, learningRate);
          } else {
            updater.accumulate(collector, losses, weights);
          }
        }
        double share = (double) batch.getSize() / images;
        loss += share * batchLoss;
        for (int k = 0; k < parts.length; k++) {
          metric +=
              share
                  * parts[k].getSize()
                  / batch.getSize()
                  * network.metric(parts[k].getLabels(), outputs.get(k));
        }
      } finally {
        Network.closeParts(batch, parts);
      }
    }
    return new Outcome(loss, metric);
  }
}
