package io.github.metart.train.listeners;

import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a run through SLF4J: its set-up, one line per epoch, checkpoints, and how it ended. */
public final class LoggingListener implements TrainingListener {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.metart.train");

  @Override
  public void onFitStart(FitStart start) {
    LOG.info(
        "training {} epochs of {} batches ({} training, {} validation records){}",
        start.epochs(),
        start.batchesPerEpoch(),
        start.trainSize(),
        start.validationSize(),
        start.resumed()
            ? String.format(
                Locale.ROOT,
                ", resumed at epoch %d batch %d",
                start.startEpoch() + 1,
                start.startBatch() + 1)
            : "");
    LOG.info("devices: {}", start.devices());
    LOG.info("CPU: {}", start.threads());
    LOG.info("updates: {}, {} trainable values", start.updater(), start.trainableValues());
    start.config().describe().lines().forEach(line -> LOG.info("{}", line));
  }

  @Override
  public void onEpochEnd(EpochRecord r, History history) {
    LOG.info("{}", describe(r, history.metricName()));
  }

  @Override
  public void onCheckpoint(String name, Path folder) {
    LOG.debug("checkpoint {} written to {}", name, folder);
  }

  @Override
  public void onFitEnd(History history, RunStatus status, String message) {
    if (status == RunStatus.DIVERGED) {
      LOG.error("{}", message);
    } else {
      LOG.info("{}", message);
    }
  }

  /** One line describing an epoch. */
  public static String describe(EpochRecord r, String metric) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "epoch %d: loss %.4f %s %.4f",
                r.epoch(),
                r.trainLoss(),
                metric,
                r.trainMetric()));
    if (r.hasValidation()) {
      line.append(
          String.format(
              Locale.ROOT, " | val_loss %.4f val_%s %.4f", r.valLoss(), metric, r.valMetric()));
    }
    line.append(
        String.format(
            Locale.ROOT,
            " | lr %.3g | %.1f s, %.1f images/s",
            r.learningRate(),
            r.seconds(),
            r.imagesPerSecond()));
    return line.toString();
  }
}
