package io.github.metart.train.fit;

import io.github.metart.train.checkpoint.BestSoFar;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The best epoch's weights, for {@code restoreBestWeights}: kept in memory by a run without an
 * output folder (the best checkpoint holds them otherwise), and put back into the model at the end.
 */
final class BestWeights {

  private final RunContext run;
  private byte[] inMemory;

  BestWeights(RunContext run) {
    this.run = run;
  }

  /** Keeps the model's current weights when they are the best so far and no file keeps them. */
  void improved() throws IOException {
    if (run.files() == null && run.config().restoreBestWeights()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      if (run.ema() != null) {
        run.ema().swapIn();
      }
      try {
        run.network().syncToModel();
        WeightsIo.save(run.model().block(), bytes);
      } finally {
        if (run.ema() != null) {
          run.ema().swapOut();
          run.network().syncToModel();
        }
      }
      inMemory = bytes.toByteArray();
    }
  }

  /**
   * Puts the best epoch's weights into the model when the configuration asks for them and they are
   * not the last epoch's.
   *
   * @param best the best epoch so far
   * @param epochs the number of completed epochs
   * @return the epoch whose weights the model holds
   */
  int restore(BestSoFar best, int epochs) throws IOException {
    if (!run.config().restoreBestWeights() || best.epoch() <= 0 || best.epoch() == epochs) {
      useAverage();
      return epochs;
    }
    if (run.files() != null) {
      Optional<StoredCheckpoint> stored = run.files().best();
      if (stored.isPresent()) {
        if (run.ema() != null) {
          Path file =
              stored.get().ema().orElseThrow(() -> new IOException(stored.get().folder() + " has no weight average"));
          try (InputStream in = Files.newInputStream(file)) {
            run.ema().read(in, file.toString());
          }
          useAverage();
        } else {
          run.loadWeights(stored.get().weights());
        }
        return best.epoch();
      }
      useAverage();
    } else if (inMemory != null) {
      WeightsIo.load(
          run.model().block(),
          run.model().manager(),
          new ByteArrayInputStream(inMemory),
          "the best weights");
      return best.epoch();
    }
    useAverage();
    return epochs;
  }

  /** With a moving average, puts it into the model for good (the run is over). */
  private void useAverage() {
    if (run.ema() != null) {
      run.ema().swapIn();
      run.network().syncToModel();
    }
  }
}
