package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.github.metart.data.files.FolderLock;
import io.github.metart.models.engine.MetEngine;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.history.RunStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two trainings into one output folder: the second is refused with one line naming the folder and
 * the process that holds it; once that process is killed, its lock is taken over.
 */
class OutputFolderLockTest {

  @TempDir Path temp;

  @Test
  void aSecondTrainingIntoTheSameFolderIsRefusedUntilTheHolderDies() throws Exception {
    Path out = temp.resolve("run");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process holder =
        new ProcessBuilder(java, "-cp", classPath, LockHolderChild.class.getName(), out.toString())
            .redirectErrorStream(true)
            .start();
    try (NDManager manager = MetEngine.newManager(null)) {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).startsWith("locked ");
      TrainingConfig config =
          TrainingConfig.builder()
              .epochs(1)
              .batchSize(16)
              .optimizer(OptimizerConfig.sgd(0.05))
              .devices(DeviceChoice.cpu())
              .checkpointEveryMinutes(0)
              .build();
      Trainer trainer = Trainer.builder().outputDirectory(out).build();

      try (TinyModels.TestModel model = TinyModels.classifier(3, 1)) {
        TrainingData data = TrainingData.of(TinyModels.classes(manager, 32, 3, 1), null);
        assertThatThrownBy(() -> trainer.fit(model, data, config))
            .isInstanceOf(FolderLock.FolderInUseException.class)
            .hasMessageContaining(out.toString())
            .hasMessageContaining("training by process " + holder.pid())
            .hasMessageNotContaining("\n");
      }

      holder.destroyForcibly(); // SIGKILL: the lock file stays, the lock goes with the process
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(out.resolve(FolderLock.FILE_NAME)).exists();
      try (TinyModels.TestModel model = TinyModels.classifier(3, 1)) {
        TrainingData data = TrainingData.of(TinyModels.classes(manager, 32, 3, 1), null);
        assertThat(trainer.fit(model, data, config).status()).isEqualTo(RunStatus.COMPLETED);
      }
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void aSecondClaimInTheSameProcessIsRefusedToo() throws Exception {
    Path folder = temp.resolve("same");
    try (FolderLock first = FolderLock.acquire(folder, "training")) {
      assertThatThrownBy(() -> FolderLock.acquire(folder, "training"))
          .isInstanceOf(FolderLock.FolderInUseException.class)
          .hasMessageContaining("training by process " + ProcessHandle.current().pid());
    }
    try (FolderLock again = FolderLock.acquire(folder, "training")) {
      assertThat(again.file()).exists();
    }
  }
}
