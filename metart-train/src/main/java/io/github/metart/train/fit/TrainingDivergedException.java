package io.github.metart.train.fit;

/**
 * Thrown when a step's loss is NaN or infinite: the run stops before that step's update, writes its
 * history with the status {@code diverged}, and keeps its last good checkpoint (named in the
 * message) to resume from, e.g. with a lower learning rate.
 */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;
  private final long step;

  /**
   * An exception.
   *
   * @param message the full one-line explanation
   * @param epoch the epoch of the faulty step, from 1
   * @param batch the batch of the faulty step within the epoch, from 1
   * @param step the faulty step's number since the start of the run, from 1
   */
  public TrainingDivergedException(String message, int epoch, int batch, long step) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
    this.step = step;
  }

  /** The epoch of the faulty step, from 1. */
  public int epoch() {
    return epoch;
  }

  /** The batch of the faulty step within its epoch, from 1. */
  public int batch() {
    return batch;
  }

  /** The faulty step's number since the start of the run, from 1. */
  public long step() {
    return step;
  }
}
