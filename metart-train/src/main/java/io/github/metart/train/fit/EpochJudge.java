package io.github.metart.train.fit;

import io.github.metart.train.checkpoint.BestSoFar;
import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.RunStatus;
import java.util.Locale;

/**
 * Judges an epoch once it is recorded: whether it is the best so far, whether early stopping ends
 * the run, whether the run is complete, and the line that says so.
 */
final class EpochJudge {

  /**
   * The judgement of an epoch.
   *
   * @param best the best-checkpoint watch after the epoch
   * @param stopping the early-stopping watch after the epoch
   * @param improved whether the epoch is the best so far (a new best checkpoint)
   * @param status how the run stands after the epoch
   * @param message the line on how the run ended, empty while it runs
   */
  record Verdict(
      BestSoFar best, BestSoFar stopping, boolean improved, RunStatus status, String message) {}

  private final TrainingConfig config;
  private final TrainingTask task;
  private final Monitor bestMonitor;

  EpochJudge(TrainingConfig config, TrainingTask task, Monitor bestMonitor) {
    this.config = config;
    this.task = task;
    this.bestMonitor = bestMonitor;
  }

  /** The history column that decides the best epoch, e.g. {@code val_accuracy}. */
  String bestColumn() {
    return bestMonitor.column(task.metricName());
  }

  Verdict judge(EpochRecord record, BestSoFar best, BestSoFar stopping) {
    int epoch = record.epoch();
    boolean bestHigher = Monitors.higherIsBetter(bestMonitor, task);
    double bestValue = Monitors.value(bestMonitor, record);
    boolean improved = best.improves(bestValue, bestHigher, 0);
    BestSoFar newBest = best.after(bestValue, epoch, bestHigher, 0);
    BestSoFar newStopping = stopping;
    if (config.earlyStopping().enabled()) {
      Monitor watched = config.earlyStopping().monitor();
      newStopping =
          stopping.after(
              Monitors.value(watched, record),
              epoch,
              Monitors.higherIsBetter(watched, task),
              config.earlyStopping().minDelta());
      if (newStopping.epochsWithoutImprovement() >= config.earlyStopping().patience()
          && epoch < config.epochs()) {
        String message =
            String.format(
                Locale.ROOT,
                "early stopping after epoch %d: %s did not improve for %d epochs (best %.6g at"
                    + " epoch %d)",
                epoch,
                watched.column(task.metricName()),
                newStopping.epochsWithoutImprovement(),
                newStopping.value(),
                newStopping.epoch());
        return new Verdict(newBest, newStopping, improved, RunStatus.EARLY_STOPPED, message);
      }
    }
    if (epoch == config.epochs()) {
      String message =
          String.format(
              Locale.ROOT,
              "completed %d epochs; best %s %.6g at epoch %d",
              config.epochs(),
              bestColumn(),
              newBest.value(),
              newBest.epoch());
      return new Verdict(newBest, newStopping, improved, RunStatus.COMPLETED, message);
    }
    return new Verdict(newBest, newStopping, improved, RunStatus.RUNNING, "");
  }
}
