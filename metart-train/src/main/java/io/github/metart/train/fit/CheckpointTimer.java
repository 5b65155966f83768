package io.github.metart.train.fit;

import io.github.metart.train.config.TrainingConfig;

/**
 * When a run writes its last checkpoint within an epoch: every {@code checkpointEverySteps} batches
 * of the current pass, or when {@code checkpointEveryMinutes} passed since the previous checkpoint;
 * never without an output folder.
 */
final class CheckpointTimer {

  private final TrainingConfig config;
  private final boolean hasFiles;
  private long lastNanos = System.nanoTime();

  CheckpointTimer(TrainingConfig config, boolean hasFiles) {
    this.config = config;
    this.hasFiles = hasFiles;
  }

  /** Notes that a checkpoint was just written. */
  long written() {
    lastNanos = System.nanoTime();
    return lastNanos;
  }

  /** Whether a mid-epoch checkpoint is due after this many batches of the current pass. */
  boolean due(int batchesThisPass) {
    if (!hasFiles) {
      return false;
    }
    if (config.checkpointEverySteps() > 0 && batchesThisPass % config.checkpointEverySteps() == 0) {
      return true;
    }
    return config.checkpointEveryMinutes() > 0
        && System.nanoTime() - lastNanos > config.checkpointEveryMinutes() * 60e9;
  }
}
