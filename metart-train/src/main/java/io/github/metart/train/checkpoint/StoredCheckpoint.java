package io.github.metart.train.checkpoint;

import io.github.metart.train.provenance.RunProvenance;
import java.nio.file.Path;

/**
 * A checkpoint found on disk and verified: its folder, state and provenance; the weights and the
 * optimizer state are in {@link #weights()} and {@link #optimizer()}.
 *
 * @param folder the checkpoint's folder
 * @param state where the run stood
 * @param provenance where the run comes from
 */
public record StoredCheckpoint(Path folder, TrainingState state, RunProvenance provenance) {

  /** The model weights (DJL's parameter format, as {@code Block.saveParameters} writes). */
  public Path weights() {
    return folder.resolve(CheckpointStore.WEIGHTS);
  }

  /**
   * The weights' moving average (a DJL {@code NDList} of named arrays), in a checkpoint of a run
   * that keeps one.
   */
  public java.util.Optional<Path> ema() {
    Path file = folder.resolve(CheckpointStore.EMA);
    return java.nio.file.Files.isRegularFile(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
  }

  /** The optimizer state (a DJL {@code NDList}, see {@code OptimizerState}). */
  public Path optimizer() {
    return folder.resolve(CheckpointStore.OPTIMIZER);
  }
}
