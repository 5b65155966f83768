package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.loading.AugmentPolicy;
import io.github.metart.models.io.ModelFolder;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.config.ClassWeighting;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.config.WeightAverage;
import io.github.metart.train.data.PreparedFolders;
import io.github.metart.train.fit.ChildJvm;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.WeightAverageFile;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.history.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metart train} with every lever on (TrivialAugment, random erasing, mixup and CutMix, label
 * smoothing, EMA, gradient accumulation, class weights, a checkpoint after every update), killed
 * with SIGKILL in the middle of its second epoch and continued with {@code --resume}, ends with
 * exactly the files of the same command never interrupted: history, checkpoints (weights, optimizer
 * state, moving average) and model folder, byte for byte.
 */
class TrainKillResumeTest {

  /**
   * Training objects: 35 load (one has no image), 17 of one class and 18 of the other (a last batch
   * of one image would fail in batch norm).
   */
  private static final int TRAIN = 36;

  /** Batches of 4 an epoch: 9, the last of three images; 5 updates, the last from one batch. */
  private static final int BATCHES = 9;

  @TempDir Path temp;

  private static List<String> train(Path data, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train", "--model", "resnet18", "--data", data.toString(), "--input-size", "32",
                "--epochs", "2", "--batch-size", "4", "--devices", "cpu", "--threads", "1",
                "--optimizer", "sgd", "--lr", "0.01", "--seed", "5",
                "--augment", "trivial", "--random-erasing", "0.5", "--mixup", "0.4", "--cutmix", "1.0",
                "--label-smoothing", "0.1", "--ema", "0.9", "--accumulate", "2",
                "--class-weights", "balanced", "--checkpoint-every", "1",
                "--no-progress", "--out", out.toString()));
    args.addAll(List.of(more));
    return args;
  }

  private static ChildJvm metart(List<String> args, Path errors) throws IOException {
    return ChildJvm.start(errors, "1g", MetartCli.class, args.toArray(String[]::new));
  }

  @Test
  void aRunWithEveryLeverKilledMidEpochAndResumedEqualsTheUninterruptedRun() throws Exception {
    Path data = PreparedFolders.culture(temp.resolve("prepared"), TRAIN, 8, 40, 1);
    Path straight = temp.resolve("straight");
    Path killed = temp.resolve("killed");

    // the uninterrupted run goes on beside the one that will be killed
    ChildJvm uninterrupted = metart(train(data, straight), temp.resolve("straight.err"));
    ChildJvm victim = metart(train(data, killed), temp.resolve("killed.err"));
    Optional<JsonNode> seen = Optional.empty();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (victim.isAlive() && System.nanoTime() < deadline) {
      seen = lastSampler(killed);
      if (seen.isPresent()
          && seen.get().path("epoch").asInt() == 1
          && seen.get().path("batchesDone").asLong() > 0) {
        victim.kill(); // SIGKILL in the middle of the second epoch, no shutdown hook
        break;
      }
      Thread.sleep(5);
    }
    assertThat(seen).as(victim.log()).isPresent();
    assertThat(victim.awaitExit()).as("killed by SIGKILL: " + victim.log()).isEqualTo(137);

    StoredCheckpoint atKill =
        new CheckpointStore(killed.resolve("checkpoints")).read(CheckpointStore.LAST).orElseThrow();
    assertThat(atKill.state().epoch()).as("in the second epoch").isEqualTo(1);
    assertThat(atKill.state().sampler().batchesDone()).as("mid-epoch").isBetween(2L, BATCHES - 1L);
    assertThat(atKill.state().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(atKill.ema()).as("the moving average is checkpointed").isPresent();
    assertThat(killed.resolve(FitResult.MODEL_FOLDER)).doesNotExist();

    ChildJvm resumed = metart(train(data, killed, "--resume"), temp.resolve("resumed.err"));
    assertThat(resumed.awaitExit()).as(resumed.log()).isZero();
    assertThat(uninterrupted.awaitExit()).as(uninterrupted.log()).isZero();
    assertThat(resumed.lines()).contains("status: completed");

    HistoryFiles.Snapshot a = HistoryFiles.read(straight);
    HistoryFiles.Snapshot b = HistoryFiles.read(killed);
    TrainingConfig config = a.provenance().config();
    assertThat(config.accumulateSteps()).isEqualTo(2);
    assertThat(config.classWeights()).isEqualTo(ClassWeighting.BALANCED);
    assertThat(config.augmentation().policy()).isEqualTo(AugmentPolicy.trivialWide());
    assertThat(config.augmentation().erasing()).isEqualTo(0.5f);
    assertThat(config.augmentation().mixup()).isEqualTo(0.4f);
    assertThat(config.augmentation().cutmix()).isEqualTo(1f);
    assertThat(config.loss().labelSmoothing()).isEqualTo(0.1);
    assertThat(config.ema()).isEqualTo(WeightAverage.of(0.9));
    assertThat(config.checkpointEverySteps()).isEqualTo(1);
    assertThat(b.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(b.history().size()).isEqualTo(2);
    assertThat(b.history().withoutTiming()).isEqualTo(a.history().withoutTiming());
    assertThat(b.bestEpoch()).isEqualTo(a.bestEpoch());
    for (String name : List.of(CheckpointStore.LAST, CheckpointStore.BEST)) {
      for (String file : List.of(CheckpointStore.WEIGHTS, CheckpointStore.OPTIMIZER, CheckpointStore.EMA)) {
        assertSameBytes(killed, straight, Path.of("checkpoints", name, file));
      }
    }
    Path model = Path.of(FitResult.MODEL_FOLDER);
    Path weights = ModelFolder.weightsFile(straight.resolve(model)).getFileName();
    assertThat(ModelFolder.weightsFile(killed.resolve(model)).getFileName()).isEqualTo(weights);
    for (Path file : List.of(weights, Path.of(WeightAverageFile.FILE))) {
      assertSameBytes(killed, straight, model.resolve(file));
    }
  }

  private static void assertSameBytes(Path resumed, Path straight, Path file) throws IOException {
    assertThat(Files.readAllBytes(resumed.resolve(file)))
        .as("%s", file)
        .isEqualTo(Files.readAllBytes(straight.resolve(file)));
  }

  /**
   * The sampler position ({@code epoch}, {@code batchesDone}) of the run's last checkpoint, read
   * from its state file while the run may be replacing it (then nothing).
   */
  private static Optional<JsonNode> lastSampler(Path run) {
    Path state = run.resolve("checkpoints").resolve(CheckpointStore.LAST).resolve(CheckpointStore.STATE);
    try {
      JsonNode sampler = new ObjectMapper().readTree(state.toFile()).path("state").path("sampler");
      return sampler.isMissingNode() ? Optional.empty() : Optional.of(sampler);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
