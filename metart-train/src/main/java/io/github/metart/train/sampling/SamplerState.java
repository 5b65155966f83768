package io.github.metart.train.sampling;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where an epoch's sampling stands: everything needed to produce the remaining batches again, saved
 * in every checkpoint.
 *
 * @param datasetSize the number of records of the dataset, 0 or more
 * @param batchSize images per batch, at least 1
 * @param dropLast whether the last, smaller batch is skipped
 * @param seed the run's seed
 * @param epoch the epoch, 0-based
 * @param nextBatch the index of the next batch to produce, from 0 to {@link #batchCount()}
 */
public record SamplerState(
    long datasetSize, int batchSize, boolean dropLast, long seed, int epoch, int nextBatch) {

  /** Validates the state. */
  public SamplerState {
    checkArgument(
        datasetSize >= 0 && datasetSize <= Integer.MAX_VALUE,
        "dataset size must be between 0 and %s, got %s",
        Integer.MAX_VALUE,
        datasetSize);
    checkArgument(batchSize >= 1, "batch size must be at least 1, got %s", batchSize);
    checkArgument(epoch >= 0, "epoch must be 0 or more, got %s", epoch);
    int batches = batchCount(datasetSize, batchSize, dropLast);
    checkArgument(
        nextBatch >= 0 && nextBatch <= batches,
        "next batch must be between 0 and %s, got %s",
        batches,
        nextBatch);
  }

  /** The start of an epoch. */
  public static SamplerState start(
      long datasetSize, int batchSize, boolean dropLast, long seed, int epoch) {
    return new SamplerState(datasetSize, batchSize, dropLast, seed, epoch, 0);
  }

  /** The number of batches of a whole epoch. */
  @JsonIgnore
  public int batchCount() {
    return batchCount(datasetSize, batchSize, dropLast);
  }

  /** The number of batches of a dataset of the given size. */
  public static int batchCount(long datasetSize, int batchSize, boolean dropLast) {
    long batches = dropLast ? datasetSize / batchSize : (datasetSize + batchSize - 1) / batchSize;
    return (int) batches;
  }

  /** This state after {@code batches} more batches were produced. */
  public SamplerState advancedBy(int batches) {
    return new SamplerState(datasetSize, batchSize, dropLast, seed, epoch, nextBatch + batches);
  }
}
