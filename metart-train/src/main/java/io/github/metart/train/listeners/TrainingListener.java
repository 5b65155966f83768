package io.github.metart.train.listeners;

import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import java.nio.file.Path;

/**
 * Hooks into a training run, in the spirit of PyTorch Lightning's callbacks. Every method has an
 * empty default; implement the ones you need. Called on the training thread, in this order: {@link
 * #onFitStart}, then per epoch {@link #onEpochStart}, {@link #onBatchEnd} per batch, {@link
 * #onEpochEnd}, {@link #onCheckpoint} for each checkpoint written (also mid-epoch), and finally
 * {@link #onFitEnd} (also when the run diverges). An exception thrown by a listener ends the run.
 */
public interface TrainingListener {

  /** Before the first batch. */
  default void onFitStart(FitStart start) {}

  /**
   * Before an epoch's first batch (also when an epoch is resumed mid-way).
   *
   * @param epoch the epoch, from 1
   * @param epochs the number of epochs of the run
   * @param firstBatch the first batch this epoch runs, from 1 (above 1 when resumed)
   * @param batches the number of batches of the epoch
   */
  default void onEpochStart(int epoch, int epochs, int firstBatch, int batches) {}

  /** After every training batch. */
  default void onBatchEnd(BatchProgress progress) {}

  /** After an epoch's validation, with its record and the history including it. */
  default void onEpochEnd(EpochRecord record, History history) {}

  /**
   * After a checkpoint (or, at the end, the model folder) was written.
   *
   * @param name {@code last}, {@code best} or {@code model}
   * @param folder its folder
   */
  default void onCheckpoint(String name, Path folder) {}

  /**
   * When the run ends.
   *
   * @param history the epochs done
   * @param status how it ended ({@link RunStatus#DIVERGED} before the exception is thrown)
   * @param message a line on how it ended
   */
  default void onFitEnd(History history, RunStatus status, String message) {}
}
