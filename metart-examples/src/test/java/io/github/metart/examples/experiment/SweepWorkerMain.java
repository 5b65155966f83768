package io.github.metart.eval.experiment;

import io.github.metart.train.listeners.FitStart;
import io.github.metart.train.listeners.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A worker process for {@link SharedSweepFolderTest}: the library's entry ({@code
 * ExperimentRunner.builder().output(DIR).build().run()}) on an experiment folder.
 *
 * <p>Arguments: {@code DIR STALE_AFTER_MILLIS [HANG_MARKER]}. With a marker file, the worker hangs
 * when its first run starts its second epoch (after its first checkpoint), having written the
 * marker, so that the test can kill it there with {@code kill -9}.
 */
public final class SweepWorkerMain {

  private SweepWorkerMain() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    ExperimentRunner.Builder runner =
        ExperimentRunner.builder()
            .output(out)
            .staleAfter(Duration.ofMillis(Long.parseLong(args[1])))
            .stages(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    if (args.length > 2) {
      Path marker = Path.of(args[2]);
      runner.listener(
          new TrainingListener() {
            private int fits;

            @Override
            public void onFitStart(FitStart start) {
              fits++;
            }

            @Override
            public void onEpochStart(int epoch, int epochs, int firstBatch, int batches) {
              if (fits == 1 && epoch == 2) {
                try {
                  Files.writeString(marker, "hung in epoch " + epoch);
                  Thread.sleep(Long.MAX_VALUE); // until killed
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
          });
    }
    runner.build().run();
  }
}
