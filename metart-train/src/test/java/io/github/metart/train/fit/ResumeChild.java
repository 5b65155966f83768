package io.github.metart.train.fit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.listeners.BatchProgress;
import io.github.metart.train.listeners.TrainingListener;
import java.nio.file.Path;
import io.github.metart.models.engine.MetEngine;

/**
 * A training run in its own JVM for {@link ResumeAfterKillTest}: {@code ResumeChild OUT fit|resume
 * SLEEP_MILLIS}. Prints {@code step N} after every batch and {@code checkpoint NAME} after every
 * checkpoint, then sleeps (so that a kill lands between steps), and {@code done} at the end.
 */
public final class ResumeChild {

  private ResumeChild() {}

  /** The run every child does: dropout, momentum, warm-up and cosine, mid-epoch checkpoints. */
  static TrainingConfig config() {
    return TrainingConfig.builder()
        .epochs(3)
        .batchSize(16)
        .seed(1234)
        .optimizer(OptimizerConfig.sgd(0.05).withMomentum(0.9).withWeightDecay(1e-4))
        .schedule(LearningRateSchedule.cosine().withWarmup(0.5))
        .devices(DeviceChoice.cpu())
        .cpuThreads(2)
        .loaderThreads(1)
        .checkpointEverySteps(2)
        .checkpointEveryMinutes(0)
        .build();
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    boolean resume = args[1].equals("resume");
    long sleep = Long.parseLong(args[2]);
    TrainingListener reporter =
        new TrainingListener() {
          @Override
          public void onBatchEnd(BatchProgress progress) {
            System.out.println("step " + progress.globalStep());
            System.out.flush();
            pause(sleep);
          }

          @Override
          public void onCheckpoint(String name, Path folder) {
            System.out.println("checkpoint " + name);
            System.out.flush();
          }
        };
    try (NDManager manager = MetEngine.engine().newBaseManager();
        TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      TrainingData data =
          TrainingData.of(
              TinyModels.classes(manager, 80, 3, 1), TinyModels.classes(manager, 32, 3, 2));
      Trainer trainer = Trainer.builder().outputDirectory(out).listener(reporter).build();
      if (resume) {
        trainer.resume(model, data, config());
      } else {
        trainer.fit(model, data, config());
      }
    }
    System.out.println("done");
    System.out.flush();
    System.exit(0);
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
