package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.train.config.TrainingSettings;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.data.PreparedFolders;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.history.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

  @TempDir static Path temp;
  private static Path data;

  @BeforeAll
  static void prepare() throws Exception {
    data = PreparedFolders.culture(temp.resolve("prepared"), 16, 8, 32, 0);
  }

  private static String[] train(Path out, String... extra) {
    String[] base = {
      "train", "--data", data.toString(), "--model", "resnet18", "--input-size", "32",
      "--epochs", "2", "--batch-size", "8", "--devices", "cpu", "--no-progress",
      "--out", out.toString()
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void trainsAPreparedFolderAndWritesTheRunFolder() throws Exception {
    Path out = temp.resolve("run");
    MetartCliTest.Run run = MetartCliTest.run(train(out, "--warmup", "0.5"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("training resnet18")
        .contains("16 training, 8 validation images")
        .contains("status: completed")
        .contains("best epoch: ")
        .contains("model: " + out.resolve("model"));
    assertThat(out.resolve("history.csv")).exists();
    assertThat(out.resolve("model/spec.json")).exists();
    assertThat(out.resolve("checkpoints/last/weights.params")).exists();
    HistoryFiles.Snapshot history = HistoryFiles.read(out);
    assertThat(history.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(history.history().size()).isEqualTo(2);
    assertThat(history.provenance().config().schedule().warmupEpochs()).isEqualTo(0.5);
    // the default schedule is cosine, as in 'metart experiment'
    assertThat(history.provenance().config().schedule().withWarmup(0))
        .isEqualTo(LearningRateSchedule.cosine())
        .isEqualTo(TrainingSettings.defaults().config().schedule());

    // the same command again refuses to overwrite; with --resume it finds the run finished
    MetartCliTest.Run again = MetartCliTest.run(train(out));
    assertThat(again.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(again.err().strip()).doesNotContain("\n").contains("already holds a training run");
    MetartCliTest.Run resumed =
        MetartCliTest.run(train(out, "--warmup", "0.5", "--resume"));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("status: completed");
  }

  @Test
  void badOptionsAreOneLineUsageErrors() {
    Path out = temp.resolve("bad");
    MetartCliTest.Run lr = MetartCliTest.run(train(out, "--lr", "-1"));
    assertThat(lr.exitCode()).as(lr.err()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(lr.err().strip())
        .doesNotContain("\n")
        .contains("the learning rate must be a finite number above 0, got -1.0");

    MetartCliTest.Run schedule = MetartCliTest.run(train(out, "--schedule", "step:x"));
    assertThat(schedule.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(schedule.err()).contains("step:EVERY:GAMMA");

    MetartCliTest.Run loss = MetartCliTest.run(train(out, "--loss", "hinge"));
    assertThat(loss.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(loss.err().strip())
        .doesNotContain("\n")
        .contains("unknown loss 'hinge': use cross-entropy, l1, l2 or huber:DELTA");

    MetartCliTest.Run augment = MetartCliTest.run(train(out, "--augment", "mixup"));
    assertThat(augment.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(augment.err().strip())
        .doesNotContain("\n")
        .contains("unknown augmentation 'mixup': use none, crop-flip or standard");

    MetartCliTest.Run model =
        MetartCliTest.run("train", "--data", data.toString(), "--model", "lenet", "--out", out.toString());
    assertThat(model.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(model.err()).contains("unknown architecture 'lenet'");

    MetartCliTest.Run missing = MetartCliTest.run("train", "--model", "resnet18");
    assertThat(missing.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(missing.err()).contains("--data").contains("--out");
  }

  @Test
  void aMissingDataFolderIsARuntimeFailureNamingIt() {
    Path nowhere = temp.resolve("nowhere");
    MetartCliTest.Run run =
        MetartCliTest.run(
            "train", "--data", nowhere.toString(), "--model", "resnet18", "--input-size", "32",
            "--out", temp.resolve("x").toString());
    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).doesNotContain("\n").contains(nowhere.toString());
    assertThat(Files.exists(temp.resolve("x/checkpoints"))).isFalse();
  }

  @Test
  void benchTrainPrintsMillisecondsPerStep() {
    MetartCliTest.Run run =
        MetartCliTest.run(
            "bench", "train", "--models", "resnet18", "--size", "32", "--batch-size", "4",
            "--steps", "1", "--warmup", "0", "--updates", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("metart bench train: 32x32, batch 4").containsPattern("resnet18 +11\\.2M \\|");
  }
}
