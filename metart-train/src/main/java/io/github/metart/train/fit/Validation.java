package io.github.metart.train.fit;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import io.github.metart.data.loading.EpochSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;

/** A pass over the validation data in inference mode: the mean loss and metric. */
final class Validation {

  private final Network network;
  private final RandomAccessDataset dataset;
  private final int batchSize;
  private final long seed;

  Validation(Network network, RandomAccessDataset dataset, int batchSize, long seed) {
    this.network = network;
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /** The mean validation loss and metric over every record, in index order. */
  double[] run(NDManager parent, ExecutorService loaders) {
    EpochSampler sampler = new EpochSampler(batchSize, false, false, seed);
    double lossSum = 0;
    double metricSum = 0;
    long samples = 0;
    NDManager manager = parent.newSubManager();
    manager.setName("validation");
    try {
      for (Batch batch : batches(dataset, manager, sampler, loaders)) {
        try (batch;
            NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          Batch[] parts = network.split(batch);
          try {
            for (Batch part : parts) {
              Network.Pass pass = network.forward(part, false);
              lossSum += pass.loss().getFloat() * part.getSize();
              metricSum += network.metric(part.getLabels(), pass.outputs()) * part.getSize();
              samples += part.getSize();
            }
          } finally {
            Network.closeParts(batch, parts);
          }
        }
      }
    } catch (RuntimeException | Error e) {
      Loaders.stop(loaders);
      throw e;
    } finally {
      manager.close();
    }
    return new double[] {lossSum / samples, metricSum / samples};
  }

  /** A dataset's batches in the sampler's order, prepared on the loader threads. */
  static Iterable<Batch> batches(
      RandomAccessDataset dataset, NDManager manager, EpochSampler sampler, ExecutorService loaders) {
    try {
      return dataset.getData(manager, sampler, loaders);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dataset: " + e.getMessage(), e);
    } catch (TranslateException e) {
      throw new IllegalStateException("cannot prepare the dataset: " + e.getMessage(), e);
    }
  }
}
