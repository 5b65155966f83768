package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.train.config.ClassWeighting;
import io.github.metart.train.config.EarlyStopping;
import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.FineTuning;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.config.WeightAverage;
import io.github.metart.train.fit.WeightAverageFile;
import io.github.metart.train.config.TrainingSettings;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.data.PreparedFolders;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.history.RunStatus;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /** The command with the test's settings; an option given in {@code extra} replaces the test's. */
  private static String[] train(Path out, String... extra) {
    List<String> given = List.of(extra);
    List<String> all = new ArrayList<>(List.of("train", "--model", "resnet18"));
    String[][] defaults = {
      {"--data", data.toString()},
      {"--input-size", "32"}, {"--epochs", "2"}, {"--batch-size", "8"}, {"--devices", "cpu"}
    };
    for (String[] option : defaults) {
      if (!given.contains(option[0])) {
        all.addAll(List.of(option));
      }
    }
    all.addAll(List.of("--no-progress", "--out", out.toString()));
    all.addAll(given);
    return all.toArray(String[]::new);
  }

  @Test
  void theHelpStatesTheLibrarysDefaults() {
    MetartCliTest.Run help = MetartCliTest.run("train", "--help");
    assertThat(help.exitCode()).isZero();
    String text = help.out().replaceAll("\\s+", " ");
    TrainingConfig defaults = TrainingConfig.builder().build();
    OptimizerConfig.Sgd sgd = (OptimizerConfig.Sgd) OptimizerConfig.parse("sgd");
    OptimizerConfig.Adam adam = (OptimizerConfig.Adam) OptimizerConfig.parse("adam");
    OptimizerConfig.Adam adamW = (OptimizerConfig.Adam) OptimizerConfig.parse("adamw");
    assertThat(defaults.optimizer()).isEqualTo(adam);
    assertThat(text)
        .contains("Epochs (default: " + defaults.epochs() + ")")
        .contains("Images per step (default: " + defaults.batchSize() + ")")
        .contains("sgd, adam or adamw (default: adam)")
        .contains(
            "(default: " + number(sgd.learningRate()) + " for sgd, " + number(adam.learningRate())
                + " for adam and adamw)")
        .contains("SGD momentum (default: " + number(sgd.momentum()) + ")")
        .contains("Weight decay (default: " + number(adam.weightDecay()) + "; "
            + number(adamW.weightDecay()) + " for adamw)")
        .contains("(default: " + number(defaults.schedule().warmupEpochs()) + ")")
        .contains("Label smoothing of the cross-entropy (default: 0)")
        .contains("Epochs without improvement before early stopping (default: "
            + EarlyStopping.on(Monitor.VAL_METRIC).patience() + ")")
        .contains("(default: " + defaults.seed() + ")")
        .contains("crop-flip (default)")
        .contains("cosine (default)")
        .contains(
            "for the first N epochs while the head learns (default: "
                + defaults.fineTuning().freezeBackboneEpochs()
                + ")")
        .contains("saved (default: off)")
        .contains("none (default)")
        .contains("in the memory of one batch (default: " + defaults.accumulateSteps() + ")")
        .contains(
            "X times the head's learning rate (default: "
                + number(defaults.fineTuning().backboneLrFactor())
                + ")");
    assertThat(defaults.augmentation()).isEqualTo(TrainingSettings.parseAugmentation("crop-flip"));
    assertThat(defaults.schedule().withWarmup(0)).isEqualTo(LearningRateSchedule.cosine());
    assertThat(defaults.earlyStopping().enabled()).isFalse();
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  @Test
  void augmentationOptionsBuildTheConfigurationsAugmentation() {
    TrainCommand command = new TrainCommand();
    new picocli.CommandLine(command)
        .parseArgs(
            java.util.Arrays.stream(
                    train(temp.resolve("unused"), "--augment", "standard+randaugment:2:9",
                        "--random-erasing", "0.25", "--mixup", "0.2", "--cutmix", "1.0"))
                .skip(1)
                .toArray(String[]::new));
    assertThat(command.config().augmentation())
        .isEqualTo(
            io.github.metart.data.loading.Augmentation.standard()
                .withPolicy(io.github.metart.data.loading.AugmentPolicy.randAugment(2, 9))
                .withErasing(0.25f)
                .withMixup(0.2f)
                .withCutmix(1f));

    MetartCliTest.Run bad = MetartCliTest.run(train(temp.resolve("bad"), "--augment", "randaugment:2:40"));
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("augmentation: RandAugment's magnitude must be between 0 and 30, got 40");
    MetartCliTest.Run help = MetartCliTest.run("train", "--help");
    assertThat(help.out().replaceAll("\\s+", " ")).contains("--random-erasing=P", "--mixup=ALPHA", "--cutmix=ALPHA", "TrivialAugment-Wide", "RandAugment");
  }

  /** 0.001 as 0.001, 0.9 as 0.9, 0 as 0. */
  private static String number(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Test
  void withoutAnInputSizeTheModelTakesTheSizeTheDataWasPreparedFor() throws Exception {
    Path out = temp.resolve("prepared-size");
    Path prepared = PreparedFolders.culture(temp.resolve("prepared-48-default"), 16, 8, 48, 0);
    MetartCliTest.Run run =
        MetartCliTest.run(
            "train", "--model", "resnet18", "--data", prepared.toString(), "--epochs", "1",
            "--batch-size", "8", "--devices", "cpu", "--no-progress", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (MetModel model = MetModels.load(out.resolve("model"))) {
      // the cache holds 48 px images whose crop is 42 px, not the architecture's 224 px
      assertThat(model.spec().inputSize()).isEqualTo(ImageRecipe.of(56, 48).inputSize()).isEqualTo(42);
    }
  }

  @Test
  void aModelTrainedAtAnotherInputSizeRecordsTheCachesPreprocessingAndEvaluates() throws Exception {
    Path out = temp.resolve("smaller-input");
    // the cache stores 48 px squares resized from 56 px; the model sees 32 px crops of them
    Path larger = PreparedFolders.culture(temp.resolve("prepared-48"), 16, 8, 48, 0);
    MetartCliTest.Run run =
        MetartCliTest.run(train(out, "--epochs", "1", "--data", larger.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();

    try (MetModel model = MetModels.load(out.resolve("model"))) {
      assertThat(model.spec().inputSize()).isEqualTo(32);
      assertThat(model.preprocessing().recipe()).isEqualTo(ImageRecipe.of(56, 48));
    }
    MetartCliTest.Run evaluated =
        MetartCliTest.run(
            "evaluate", "--model", out.toString(), "--data", larger.toString(), "--split",
            "validation", "--out", temp.resolve("smaller-input-report").toString());
    assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
    assertThat(temp.resolve("smaller-input-report/metrics.json")).isNotEmptyFile();
  }

  @Test
  void anInterruptedTrainingSaysWhereItsLastCheckpointIsAndHowToResume() throws Exception {
    Path out = temp.resolve("interrupted");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(javaBin, "-Xmx1g", "-Dai.djl.offline=true", "-cp", classPath, MetartCli.class.getName()));
    command.addAll(List.of(train(out, "--epochs", "500", "--checkpoint-every", "1")));
    Path err = temp.resolve("interrupted.err");
    Process child = new ProcessBuilder(command).redirectError(err.toFile()).start();
    try {
      Path last = out.resolve("checkpoints/last");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!Files.isDirectory(last) && System.nanoTime() < deadline && child.isAlive()) {
        Thread.sleep(100);
      }
      assertThat(last).as(Files.readString(err)).isDirectory();
      child.destroy(); // SIGTERM, as a Ctrl-C or kill ends the JVM: the shutdown hooks run
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(err))
          .contains(
              "metart: train: interrupted; the last checkpoint is "
                  + last
                  + "; continue with the same command and --resume");
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void trainsAPreparedFolderAndWritesTheRunFolder() throws Exception {
    Path out = temp.resolve("run");
    String[] fineTuning = {
      "--freeze-backbone-epochs", "1", "--backbone-lr-factor", "0.1", "--ema", "0.9", "--accumulate", "2",
      "--class-weights", "balanced"
    };
    MetartCliTest.Run run =
        MetartCliTest.run(train(out, concat(new String[] {"--warmup", "0.5"}, fineTuning)));

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
    assertThat(history.provenance().config().fineTuning())
        .isEqualTo(FineTuning.none().withFrozenBackboneEpochs(1).withBackboneLrFactor(0.1));
    assertThat(history.provenance().config().ema()).isEqualTo(WeightAverage.of(0.9));
    assertThat(history.provenance().config().accumulateSteps()).isEqualTo(2);
    assertThat(history.provenance().config().classWeights()).isEqualTo(ClassWeighting.BALANCED);
    assertThat(out.resolve("model").resolve(WeightAverageFile.FILE)).exists();
    // the default schedule is cosine, as in 'metart experiment'
    assertThat(history.provenance().config().schedule().withWarmup(0))
        .isEqualTo(LearningRateSchedule.cosine())
        .isEqualTo(TrainingSettings.defaults().config().schedule());

    // the same command again refuses to overwrite; with --resume it finds the run finished
    MetartCliTest.Run again = MetartCliTest.run(train(out));
    assertThat(again.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(again.err().strip()).doesNotContain("\n").contains("already holds a training run");
    MetartCliTest.Run resumed =
        MetartCliTest.run(
            train(out, concat(new String[] {"--warmup", "0.5", "--resume"}, fineTuning)));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("status: completed");
  }

  @Test
  void theYearTargetIsChosenRecordedAndCheckedOnResume() throws Exception {
    Path years = PreparedFolders.year(temp.resolve("prepared-years"), 16, 8, 32);
    Path out = temp.resolve("run-interval");
    MetartCliTest.Run run =
        MetartCliTest.run(train(out, "--data", years.toString(), "--epochs", "1", "--year-target", "interval"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("status: completed");
    assertThat(HistoryFiles.read(out).provenance().config().yearTarget())
        .isEqualTo(io.github.metart.data.dataset.YearTargetChoice.INTERVAL);

    MetartCliTest.Run other =
        MetartCliTest.run(
            train(out, "--data", years.toString(), "--epochs", "1", "--year-target", "midpoint", "--resume"));
    assertThat(other.exitCode()).isNotZero();
    assertThat(other.err()).contains("yearTarget");

    MetartCliTest.Run bad = MetartCliTest.run(train(temp.resolve("bad-year"), "--year-target", "middle"));
    assertThat(bad.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(bad.err().strip())
        .doesNotContain("\n")
        .contains("unknown year target 'middle': use interval, random or midpoint");
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

    MetartCliTest.Run head = MetartCliTest.run(train(out, "--head", "binned"));
    assertThat(head.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(head.err().strip())
        .doesNotContain("\n")
        .contains("unknown head 'binned': use auto, direct or binned:N (e.g. binned:8)");

    MetartCliTest.Run yearHead = MetartCliTest.run(train(out, "--head", "direct"));
    assertThat(yearHead.exitCode()).isNotZero();
    assertThat(yearHead.err().strip())
        .doesNotContain("\n")
        .contains("the direct head predicts years, but " + data + " holds culture data");

    MetartCliTest.Run size = MetartCliTest.run(train(out, "--input-size", "16"));
    assertThat(size.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(size.err().strip())
        .doesNotContain("\n")
        .contains("--input-size must be between 32 and 4096 px, got 16");

    MetartCliTest.Run augment = MetartCliTest.run(train(out, "--augment", "mixup"));
    assertThat(augment.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(augment.err().strip())
        .doesNotContain("\n")
        .contains("unknown augmentation 'mixup': use none, crop-flip, standard, trivial or randaugment:N:M");

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
    assertThat(run.out())
        .contains("metart bench train: 32x32, batch 4")
        .containsPattern("resnet18 +11\\.2M \\|")
        .contains("fit EMA")
        .containsPattern("resnet18 .*ms \\| +[0-9.]+ms +-?[0-9.]+%");
    assertThat(run.out()).contains("fit mixed").containsPattern("resnet18 .*\\| +[0-9.]+ms +-?[0-9.]+%");
    // each lever's cost on the wall clock and in CPU time, after the CPU time of the plain step
    assertThat(run.out())
        .containsPattern("fit cpu \\| +fit EMA +EMA \\+% +cpu \\+% \\| +fit mixed +mix cost +cpu \\+%")
        .containsPattern("(?m)resnet18 .*\\| +[0-9.]+ms \\| +[0-9.]+ms +-?[0-9.]+% +-?[0-9.]+% \\| +[0-9.]+ms +-?[0-9.]+% +-?[0-9.]+%$")
        .contains("metart bench load --augmentation");
  }
}
