package io.github.metart.data.loading;

/**
 * Where an {@link EpochSampler} stands: the epoch its next pass serves and how many batches of that
 * epoch to skip. A trainer saves it with a checkpoint and restores it to continue mid-epoch with
 * exactly the batches it would have seen.
 *
 * @param epoch the epoch number (0-based) of the next pass
 * @param batchesDone the batches of that epoch already consumed
 */
public record SamplerState(int epoch, long batchesDone) {

  /** Validates the fields. */
  public SamplerState {
    if (epoch < 0 || batchesDone < 0) {
      throw new IllegalArgumentException(
          "epoch and batchesDone must not be negative, got epoch " + epoch + ", batchesDone " + batchesDone);
    }
  }

  /** The start of the first epoch. */
  public static SamplerState start() {
    return new SamplerState(0, 0);
  }
}
