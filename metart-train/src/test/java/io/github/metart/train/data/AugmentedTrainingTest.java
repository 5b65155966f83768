package io.github.metart.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.config.TrainingSettings;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import io.github.metart.train.history.EpochRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training from a prepared folder with every augmentation lever on (TrivialAugment, random erasing,
 * mixup and CutMix with label smoothing): finite losses, and a run continued from its checkpoint
 * equals the uninterrupted run.
 */
class AugmentedTrainingTest {

  @TempDir Path temp;

  private static TrainingConfig config(int epochs) {
    return TrainingSettings.builder()
        .augmentation("trivial")
        .randomErasing(0.5)
        .mixup(0.4)
        .cutmix(1.0)
        .labelSmoothing(0.1)
        .epochs(epochs)
        .batchSize(4)
        .build()
        .config()
        .toBuilder()
        .schedule(LearningRateSchedule.constant())
        .devices(DeviceChoice.cpu())
        .cpuThreads(2)
        .loaderThreads(2)
        .build();
  }

  @Test
  void everyAugmentationLeverTrainsAndResumesExactly() throws Exception {
    Path folder = PreparedFolders.culture(temp.resolve("prepared"), 8, 4, 40, 0);
    ModelRecipe recipe = ModelRecipe.of("resnet18", 32);

    FitResult straight =
        PreparedTraining.on(folder)
            .train(recipe, config(2), Trainer.builder().outputDirectory(temp.resolve("straight")).build());
    PreparedTraining.on(folder)
        .train(recipe, config(1), Trainer.builder().outputDirectory(temp.resolve("split")).build());
    FitResult continued =
        PreparedTraining.on(folder)
            .resume(recipe, config(2), Trainer.builder().outputDirectory(temp.resolve("split")).build());

    assertThat(straight.history().epochs()).hasSize(2);
    for (EpochRecord epoch : straight.history().epochs()) {
      assertThat(epoch.trainLoss()).isFinite().isPositive();
    }
    assertThat(continued.history().withoutTiming()).isEqualTo(straight.history().withoutTiming());
    Path a = temp.resolve("straight").resolve("checkpoints").resolve(CheckpointStore.LAST).resolve(CheckpointStore.WEIGHTS);
    Path b = temp.resolve("split").resolve("checkpoints").resolve(CheckpointStore.LAST).resolve(CheckpointStore.WEIGHTS);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
  }
}
