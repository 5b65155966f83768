package io.github.metart.train.fit;

import io.github.metart.models.engine.ConvolutionGuard;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.checkpoint.TrainingState;
import io.github.metart.train.history.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * The end of a run whose loss became NaN or infinite: puts the last checkpoint's weights back into
 * the model (the faulty step's forward pass may have spoilt batch-norm statistics), records the
 * status in the history, tells the listeners and builds the exception that says where and what to
 * do.
 */
final class Divergence {

  private Divergence() {}

  /**
   * Ends the run at a faulty step.
   *
   * @param run the run
   * @param start the state at the start of the epoch pass (its history is the one kept)
   * @param loss the faulty loss
   * @param batchIndex the 0-based batch of the epoch
   * @param globalStep the steps done before the faulty one
   * @return the exception to throw
   */
  static TrainingDivergedException diverged(
      RunContext run, TrainingState start, double loss, int batchIndex, long globalStep) {
    int epoch = start.epoch();
    RunFiles files = run.files();
    String where =
        String.format(
            Locale.ROOT,
            "training diverged at epoch %d/%d, batch %d/%d (step %d): the loss is %s;"
                + " the weights were not updated with it",
            epoch + 1,
            run.config().epochs(),
            batchIndex + 1,
            run.batchesPerEpoch(),
            globalStep + 1,
            Double.isNaN(loss) ? "NaN" : loss > 0 ? "+Infinity" : "-Infinity");
    String keep;
    if (files == null) {
      keep =
          "; no checkpoint is kept without an output folder (the model's batch-norm statistics"
              + " may hold the faulty values)";
    } else if (Files.isDirectory(files.lastFolder())) {
      keep =
          "; the last good checkpoint is "
              + files.lastFolder()
              + " (resume from it, e.g. with a lower learning rate)"
              + restoreLastCheckpoint(run);
    } else {
      keep = "; no checkpoint was written yet";
    }
    String message =
        where
            + ConvolutionGuard.divergenceHint(run.model().block()).map(hint -> "; " + hint).orElse("")
            + keep;
    if (files != null) {
      try {
        run.writeHistory(start.history(), RunStatus.DIVERGED, start.best().epoch(), message);
      } catch (IOException e) {
        message = message + " (the history could not be written: " + e.getMessage() + ")";
      }
    }
    run.listeners().onFitEnd(start.history(), RunStatus.DIVERGED, message);
    return new TrainingDivergedException(message, epoch + 1, batchIndex + 1, globalStep + 1);
  }

  /** Puts the last checkpoint's weights back into the model; says how that went. */
  private static String restoreLastCheckpoint(RunContext run) {
    try {
      Optional<StoredCheckpoint> last = run.files().last();
      if (last.isEmpty()) {
        return "";
      }
      run.loadWeights(last.get().weights());
      return "; the model holds its weights again";
    } catch (IOException | RuntimeException e) {
      return "; its weights could not be restored into the model: " + e.getMessage();
    }
  }
}
