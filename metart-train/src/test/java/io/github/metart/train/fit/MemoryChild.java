package io.github.metart.train.fit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import io.github.metart.data.loading.EpochSampler;
import io.github.metart.data.loading.SamplerState;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.listeners.BatchProgress;
import io.github.metart.train.listeners.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.metart.models.engine.MetEngine;

/**
 * Runs 12 epochs (or the number given second) of 20 steps in a fresh JVM for {@link MemoryTest}
 * and prints {@code rss BYTES heap BYTES committed BYTES arrays COUNT} after each, where {@code
 * COUNT} is the number of arrays alive on the model's manager and its sub-managers: {@code
 * MemoryChild trainer} trains with {@code Trainer.fit}; {@code MemoryChild leaky} runs a
 * hand-written loop whose inputs live on a long-lived manager; {@code MemoryChild one-per-step}
 * trains with {@code Trainer.fit} while a listener leaks one scalar array per step.
 */
public final class MemoryChild {

  private MemoryChild() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    try (NDManager manager = MetEngine.engine().newBaseManager();
        TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      RandomAccessDataset train = TinyModels.classes(manager, 640, 3, 1);
      NDManager modelManager = model.manager();
      if (mode.equals("leaky")) {
        leakyLoop(manager, model, train, epochs);
      } else {
        boolean leakOnePerStep = mode.equals("one-per-step");
        TrainingListener probe =
            new TrainingListener() {
              @Override
              public void onBatchEnd(BatchProgress progress) {
                if (leakOnePerStep) {
                  modelManager.create((float) progress.loss());
                }
              }

              @Override
              public void onEpochEnd(EpochRecord record, History history) {
                report(modelManager);
              }
            };
        TrainingConfig config =
            TrainingConfig.builder()
                .epochs(epochs)
                .batchSize(32)
                .seed(3)
                .devices(DeviceChoice.cpu())
                .checkpointEveryMinutes(0)
                .build();
        TrainingData data = TrainingData.of(train, TinyModels.classes(manager, 64, 3, 2));
        Trainer.builder().listener(probe).build().fit(model, data, config);
      }
    }
    System.exit(0);
  }

  /** What a hand-written loop does when its inputs live on a long-lived manager. */
  private static void leakyLoop(
      NDManager manager, TinyModels.TestModel model, RandomAccessDataset train, int epochs)
      throws Exception {
    ParameterStore parameters = new ParameterStore(manager, false);
    try (NDManager longLived = model.manager().newSubManager()) {
      for (int epoch = 0; epoch < epochs; epoch++) {
        EpochSampler sampler = new EpochSampler(32, true, false, 3);
        sampler.restore(new SamplerState(epoch, 0));
        for (Batch batch : train.getData(manager, sampler)) {
          try (batch) {
            NDArray input = batch.getData().head().duplicate();
            input.attach(longLived);
            model.block().forward(parameters, new NDList(input), true);
          }
        }
        report(model.manager());
      }
    }
  }

  private static void report(NDManager modelManager) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          long kilobytes = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
          Runtime runtime = Runtime.getRuntime();
          System.out.println(
              "rss " + kilobytes * 1024 + " heap " + (runtime.totalMemory() - runtime.freeMemory())
                  + " committed " + runtime.totalMemory()
                  + " arrays " + modelManager.getManagedArrays().size());
          System.out.flush();
          return;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
