package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.listeners.TrainingListener;
import io.github.metart.train.sampling.EpochSampler;
import io.github.metart.train.sampling.SamplerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over hundreds of training steps: the process's resident set (VmRSS, which
 * counts PyTorch's allocations) does not grow between the early and the last epochs. A loop that
 * keeps each step's arrays on a long-lived manager, measured the same way, does grow: the probe
 * sees leaks of this size.
 */
class MemoryTest {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final long MB = 1 << 20;
  private static final long TOLERANCE = 24 * MB;

  @Test
  void residentMemoryStaysFlatOverManySteps() throws Exception {
    assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status (Linux) to read VmRSS");
    List<Long> rss = new ArrayList<>();
    TrainingListener probe =
        new TrainingListener() {
          @Override
          public void onEpochEnd(EpochRecord record, History history) {
            rss.add(residentBytes());
          }
        };
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(12)
            .batchSize(32)
            .seed(3)
            .devices(DeviceChoice.cpu())
            .checkpointEveryMinutes(0)
            .build();
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
        TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      TrainingData data =
          TrainingData.of(
              TinyModels.classes(manager, 640, 3, 1), TinyModels.classes(manager, 64, 3, 2));
      Trainer.builder().listener(probe).build().fit(model, data, config);
    }
    // 12 epochs of 20 steps (240 steps); the first epochs warm the allocators up
    long settled = rss.get(3);
    long end = rss.get(rss.size() - 1);
    assertThat(end - settled)
        .as("VmRSS growth from epoch 4 to 12 (MB): %s", rss.stream().map(b -> b / MB).toList())
        .isLessThan(TOLERANCE);
  }

  @Test
  void theProbeSeesALeakOfThisSize() throws Exception {
    assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status (Linux) to read VmRSS");
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
        TinyModels.TestModel model = TinyModels.classifier(3, 11);
        NDManager leaky = manager.newSubManager()) {
      var dataset = TinyModels.classes(manager, 640, 3, 1);
      ParameterStore parameters = new ParameterStore(manager, false);
      long before = residentBytes();
      int steps = 0;
      // what a hand-written loop does when its inputs live on a long-lived manager: every
      // intermediate array of the forward pass is attached there and outlives the step
      for (int epoch = 0; epoch < 3; epoch++) {
        EpochSampler sampler =
            new EpochSampler(SamplerState.start(640, 32, false, 3, epoch), true);
        for (Batch batch : dataset.getData(manager, sampler)) {
          try (batch) {
            NDArray input = batch.getData().head().duplicate();
            input.attach(leaky);
            model.block().forward(parameters, new NDList(input), true);
            steps++;
          }
        }
      }
      long grown = residentBytes() - before;
      assertThat(grown).as("VmRSS growth over %s leaky steps", steps).isGreaterThan(2 * TOLERANCE);
    }
  }

  private static long residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
      throw new IllegalStateException("no VmRSS line in " + STATUS);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
