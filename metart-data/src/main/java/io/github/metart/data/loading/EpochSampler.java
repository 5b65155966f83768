package io.github.metart.data.loading;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.training.dataset.RandomAccessDataset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Batches in a seeded order that changes every epoch: each call of {@link #sample} is one epoch,
 * shuffled by a permutation that depends only on the seed and the epoch number. The same seed gives
 * the same epochs on every machine, and {@link #state()}/{@link #restore(SamplerState)} resume an
 * interrupted epoch exactly where it stopped.
 *
 * <p>Thread-safe.
 */
public final class EpochSampler implements EpochAwareSampler {

  private final int batchSize;
  private final boolean shuffle;
  private final boolean dropLast;
  private final boolean dropSingleLast;
  private final long seed;
  private int nextEpoch;
  private long skipBatches;
  private int currentEpoch = -1;

  /**
   * Creates a sampler.
   *
   * @param batchSize examples per batch
   * @param shuffle whether to shuffle (otherwise every epoch is in index order)
   * @param dropLast whether to drop the last batch when it is smaller than {@code batchSize}
   * @param seed the seed of every epoch's permutation
   */
  public EpochSampler(int batchSize, boolean shuffle, boolean dropLast, long seed) {
    this(batchSize, shuffle, dropLast, false, seed);
  }

  private EpochSampler(int batchSize, boolean shuffle, boolean dropLast, boolean dropSingleLast, long seed) {
    checkArgument(batchSize >= 1, "batchSize must be at least 1, got %s", batchSize);
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    this.dropSingleLast = dropSingleLast;
    this.seed = seed;
  }

  /**
   * The sampler of training data: shuffled, and a last batch that would hold a single example is
   * left out of each epoch (batch normalization cannot train on one example: PyTorch refuses it).
   * The shuffle leaves out a different example each epoch, chosen at random. On several devices
   * the batch is split further: this guards a single device only.
   *
   * @param batchSize examples per batch
   * @param dropLast whether to drop every last batch smaller than {@code batchSize}
   * @param seed the seed of every epoch's permutation
   */
  public static EpochSampler forTraining(int batchSize, boolean dropLast, long seed) {
    return new EpochSampler(batchSize, true, dropLast, true, seed);
  }

  /**
   * Whether an epoch over {@code size} examples leaves out a last batch of a single example (see
   * {@link #forTraining}).
   */
  public boolean dropsSingleExample(long size) {
    return dropSingleLast && !dropLast && batchSize > 1 && size > batchSize && size % batchSize == 1;
  }

  @Override
  public int getBatchSize() {
    return batchSize;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** Whether epochs are shuffled. */
  public boolean shuffles() {
    return shuffle;
  }

  /** Starts the next epoch: its batches, skipping those already done when restored mid-epoch. */
  @Override
  public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
    int epoch;
    long skip;
    synchronized (this) {
      epoch = nextEpoch;
      skip = skipBatches;
      currentEpoch = epoch;
      nextEpoch++;
      skipBatches = 0;
    }
    int size = Math.toIntExact(dataset.size());
    int[] order = order(size, epoch);
    long batches = batchesPerEpoch(size);
    return new Iterator<>() {
      private long batch = Math.min(skip, batches);

      @Override
      public boolean hasNext() {
        return batch < batches;
      }

      @Override
      public List<Long> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int from = (int) (batch * batchSize);
        int to = Math.min(size, from + batchSize);
        List<Long> indices = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          indices.add((long) order[i]);
        }
        batch++;
        return indices;
      }
    };
  }

  /** The number of batches in one epoch over {@code size} examples. */
  public long batchesPerEpoch(long size) {
    return dropLast || dropsSingleExample(size) ? size / batchSize : (size + batchSize - 1) / batchSize;
  }

  /**
   * The order in which an epoch visits {@code size} examples: a seeded Fisher-Yates permutation, or
   * {@code 0..size-1} without shuffling.
   */
  public int[] order(int size, int epoch) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    if (shuffle) {
      SplitMix64 random = SplitMix64.of(seed, epoch, 0x5eed);
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  /** The epoch served by the latest {@link #sample} call, -1 before the first. */
  @Override
  public synchronized int currentEpoch() {
    return currentEpoch;
  }

  /** What the next {@link #sample} call will serve. */
  public synchronized SamplerState state() {
    return new SamplerState(nextEpoch, skipBatches);
  }

  /**
   * The state to save in a checkpoint taken after {@code batchesDone} batches of the current epoch:
   * restoring it continues with the next batch of this epoch.
   */
  public synchronized SamplerState checkpoint(long batchesDone) {
    checkArgument(currentEpoch >= 0, "no epoch has started yet: save state() instead");
    return new SamplerState(currentEpoch, batchesDone);
  }

  /** Makes the next {@link #sample} call serve the given epoch from the given batch on. */
  public synchronized void restore(SamplerState state) {
    this.nextEpoch = state.epoch();
    this.skipBatches = state.batchesDone();
    this.currentEpoch = state.epoch() - 1;
  }
}
