package io.github.metart.train.sampling;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A DJL {@link Sampler} for one epoch whose batches are a pure function of its {@link SamplerState}:
 * the seeded {@link EpochOrder} cut into batches, starting at {@link SamplerState#nextBatch()}. A run
 * resumed mid-epoch continues with exactly the batches it had not yet seen.
 */
public final class EpochSampler implements Sampler {

  private final SamplerState state;
  private final boolean shuffle;

  /**
   * A sampler.
   *
   * @param state where the epoch stands
   * @param shuffle whether the epoch visits the dataset in a seeded random order (training) or in
   *     index order (validation)
   */
  public EpochSampler(SamplerState state, boolean shuffle) {
    this.state = state;
    this.shuffle = shuffle;
  }

  /** Where this sampler starts. */
  public SamplerState state() {
    return state;
  }

  /** The number of batches of a whole epoch. */
  public int batchCount() {
    return state.batchCount();
  }

  @Override
  public int getBatchSize() {
    return state.batchSize();
  }

  /**
   * The remaining batches of the epoch, as dataset indices.
   *
   * @throws IllegalArgumentException when the dataset's size differs from the state's
   */
  @Override
  public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
    checkArgument(
        dataset.size() == state.datasetSize(),
        "the dataset has %s records but the sampler state was made for %s (a different dataset?)",
        dataset.size(),
        state.datasetSize());
    long[] order = EpochOrder.of(state.datasetSize(), state.seed(), state.epoch(), shuffle);
    int batches = state.batchCount();
    int batchSize = state.batchSize();
    return new Iterator<>() {
      private int next = state.nextBatch();

      @Override
      public boolean hasNext() {
        return next < batches;
      }

      @Override
      public List<Long> next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the epoch has no batch " + next);
        }
        int from = next * batchSize;
        int to = Math.min(order.length, from + batchSize);
        List<Long> indices = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          indices.add(order[i]);
        }
        next++;
        return indices;
      }
    };
  }
}
