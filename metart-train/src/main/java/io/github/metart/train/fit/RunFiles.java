package io.github.metart.train.fit;

import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.checkpoint.TrainingState;
import io.github.metart.data.files.AtomicFiles;
import io.github.metart.train.history.History;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.listeners.TrainingListener;
import io.github.metart.train.provenance.RunProvenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run's output folder: its checkpoints ({@code checkpoints/last}, {@code checkpoints/best}) and
 * history files; listeners hear of every checkpoint written.
 */
final class RunFiles {

  private final Path folder;
  private final CheckpointStore checkpoints;
  private final TrainingListener listeners;

  RunFiles(Path folder, TrainingListener listeners) {
    this.folder = folder;
    this.checkpoints = new CheckpointStore(folder.resolve("checkpoints"));
    this.listeners = listeners;
  }

  Path folder() {
    return folder;
  }

  /** The folder of the last checkpoint (whether or not it exists). */
  Path lastFolder() {
    return checkpoints.path(CheckpointStore.LAST);
  }

  /** The last checkpoint, verified, if there is one. */
  Optional<StoredCheckpoint> last() throws IOException {
    return checkpoints.read(CheckpointStore.LAST);
  }

  /** The best checkpoint, verified, if there is one. */
  Optional<StoredCheckpoint> best() throws IOException {
    return checkpoints.read(CheckpointStore.BEST);
  }

  /** Writes a checkpoint atomically. */
  void writeCheckpoint(
      String name,
      TrainingState state,
      RunProvenance provenance,
      AtomicFiles.Content weights,
      AtomicFiles.Content optimizer)
      throws IOException {
    Path written = checkpoints.write(name, state, provenance, weights, optimizer);
    listeners.onCheckpoint(name, written);
  }

  /** Makes the last checkpoint a copy of the best one (just written for the same state). */
  void copyBestToLast() throws IOException {
    Path written = checkpoints.copy(CheckpointStore.BEST, CheckpointStore.LAST);
    listeners.onCheckpoint(CheckpointStore.LAST, written);
  }

  /** Replaces {@code history.csv} and {@code history.json}. */
  void writeHistory(
      History history,
      RunStatus status,
      int bestEpoch,
      String monitor,
      String message,
      RunProvenance provenance)
      throws IOException {
    HistoryFiles.write(
        folder,
        new HistoryFiles.Snapshot(history, status, bestEpoch, monitor, message, provenance));
  }
}
