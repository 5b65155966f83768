package io.github.metart.examples.cli;

import ai.djl.engine.Engine;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.examples.experiment.TrainingSettings;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.ModelBuilder;
import io.github.metart.models.io.ModelFolder;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import io.github.metart.models.spec.SpecJson;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.EarlyStopping;
import io.github.metart.train.config.GradientClipping;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.PreparedData;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.listeners.ProgressBar;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import io.github.metart.models.engine.MetEngine;

/**
 * {@code metart train --data DIR --model ARCH [options] --out DIR [--resume]}: trains a model on a
 * prepared folder and writes {@code history.csv}, {@code history.json}, {@code checkpoints/} and
 * {@code model/} into the output folder.
 */
@Command(
    name = "train",
    header = "Train a model on a prepared folder: history, checkpoints, exact resume.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train a model on a prepared folder; writes history, checkpoints and model/.",
      "",
      "Culture data trains a classifier over its labels; year data a regression over its year",
      "range (or --head binned:N). Writes DIR/history.csv, DIR/history.json,",
      "DIR/checkpoints/{last,best}/ and at the end DIR/model/ (the best weights) for",
      "'metart evaluate' and 'metart predict'. A run killed at any point continues exactly",
      "with the same command and --resume."
    })
public final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "A folder written by 'metart prepare --images ...'.")
  Path data;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "SPEC",
      description =
          "An architecture (see 'metart models', e.g. resnet18, vgg11_bn, alexnet), a spec.json, or"
              + " a model folder to fine-tune.")
  String model;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The output folder of the run.")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
  boolean resume;

  @Option(
      names = "--input-size",
      paramLabel = "PX",
      description = "Side of the model's square input (default: the spec's, else 224).")
  Integer inputSize;

  @Option(
      names = "--head",
      paramLabel = "HEAD",
      description =
          "For year data: regression (default) or binned:N (classification over N year bins).")
  String head;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 10;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(
      names = "--optimizer",
      paramLabel = "NAME",
      description = "sgd, adam or adamw (default: ${DEFAULT-VALUE}).")
  String optimizer = "sgd";

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      description = "Base learning rate (default: 0.01 for sgd, 0.001 for adam and adamw).")
  Double learningRate;

  @Option(
      names = "--momentum",
      paramLabel = "M",
      description = "SGD momentum (default: ${DEFAULT-VALUE}).")
  double momentum = 0.9;

  @Option(names = "--nesterov", description = "Nesterov momentum (SGD).")
  boolean nesterov;

  @Option(
      names = "--weight-decay",
      paramLabel = "W",
      description = "Weight decay (default: 0; 0.01 for adamw).")
  Double weightDecay;

  @Option(
      names = "--schedule",
      paramLabel = "NAME",
      description =
          "cosine (default, as in 'metart experiment'), constant, or step:EVERY:GAMMA (e.g."
              + " step:10:0.1).")
  String schedule = "cosine";

  @Option(
      names = "--warmup",
      paramLabel = "EPOCHS",
      description = "Linear learning-rate warm-up before the schedule (default: 0).")
  double warmup;

  @Option(
      names = "--loss",
      paramLabel = "NAME",
      description =
          "cross-entropy (classifier and binned heads), l1 (year regression default), l2, or"
              + " huber:DELTA.")
  String loss;

  @Option(
      names = "--label-smoothing",
      paramLabel = "S",
      description = "Label smoothing of the cross-entropy (default: 0).")
  double labelSmoothing;

  @Option(
      names = "--early-stopping",
      paramLabel = "MONITOR",
      description = "Stop when MONITOR (val_loss, val_metric, train_loss, train_metric) stalls.")
  String earlyStopping;

  @Option(
      names = "--patience",
      paramLabel = "EPOCHS",
      description = "Epochs without improvement before early stopping (default: ${DEFAULT-VALUE}).")
  int patience = 5;

  @Option(
      names = "--clip-norm",
      paramLabel = "NORM",
      description = "Clip the global gradient norm (default: off).")
  double clipNorm;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of initialization, shuffling, augmentation, dropout (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--augment",
      paramLabel = "NAME",
      description = "Training augmentation: none, crop-flip (default) or standard (crop, flip, colour jitter).")
  String augment = "crop-flip";

  @Option(
      names = "--devices",
      paramLabel = "LIST",
      description = "auto (every GPU, else the CPU; default), cpu, or GPU indices such as 0,1.")
  String devices = "auto";

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "CPU compute threads (default: one per processor).")
  int threads;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "STEPS",
      description = "Also checkpoint every this many steps (default: epoch ends and every 30 minutes).")
  int checkpointEvery;

  @Option(
      names = "--cache",
      paramLabel = "KEY",
      description = "The image cache under DIR/cache/ (needed only when there are several).")
  String cache;

  @Option(names = "--no-progress", description = "No progress bar on stderr.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    TrainingConfig config = config();
    Augmentation augmentation = augmentation();
    ModelSource source = modelSource();
    int size = inputSize != null ? inputSize : source.inputSize();
    PrintWriter stdout = spec.commandLine().getOut();
    MetEngine.engine().setRandomSeed((int) seed);
    try (PreparedData prepared =
            PreparedData.at(data)
                .inputSize(size)
                .augmentation(augmentation)
                .seed(seed)
                .cache(cache)
                .loaderThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / 2))
                .open();
        MetModel metModel = source.build(headFor(prepared), size)) {
      stdout.println(
          "training "
              + metModel.spec().describe()
              + " on "
              + data
              + " ("
              + prepared.train().size()
              + " training, "
              + (prepared.validation() == null ? 0 : prepared.validation().size())
              + " validation images)");
      stdout.flush();
      Trainer.Builder trainer = Trainer.builder().outputDirectory(out);
      if (!noProgress) {
        trainer.listener(
            new ProgressBar(
                new PrintStream(System.err, true, StandardCharsets.UTF_8),
                System.console() != null,
                false));
      }
      Trainer built = trainer.build();
      FitResult result =
          resume
              ? built.resume(metModel, prepared.trainingData(), config)
              : built.fit(metModel, prepared.trainingData(), config);
      report(stdout, result);
    }
    return 0;
  }

  private void report(PrintWriter stdout, FitResult result) {
    stdout.println("status: " + result.status().key());
    stdout.println(result.message());
    if (result.bestEpoch() > 0) {
      EpochRecord best = result.history().epochs().get(result.bestEpoch() - 1);
      stdout.println(
          String.format(
              Locale.ROOT,
              "best epoch: %d (%s %.6g)",
              best.epoch(),
              result.monitor(),
              monitorValue(result.monitor(), best)));
    }
    stdout.println("model: " + out.resolve(FitResult.MODEL_FOLDER));
    stdout.println("history: " + out.resolve(HistoryFiles.CSV));
    stdout.flush();
  }

  private static double monitorValue(String column, EpochRecord record) {
    if (column.equals("val_loss")) {
      return record.valLoss();
    } else if (column.equals("train_loss")) {
      return record.trainLoss();
    } else if (column.startsWith("val_")) {
      return record.valMetric();
    }
    return record.trainMetric();
  }

  /** The configuration from the options; invalid values are usage errors. */
  TrainingConfig config() {
    try {
      TrainingConfig.Builder builder =
          TrainingConfig.builder()
              .epochs(epochs)
              .batchSize(batchSize)
              .optimizer(optimizerConfig())
              .schedule(LearningRateSchedule.parse(schedule).withWarmup(warmup))
              .loss(lossConfig())
              .clipping(clipNorm > 0 ? GradientClipping.byNorm(clipNorm) : GradientClipping.none())
              .seed(seed)
              .devices(DeviceChoice.parse(devices))
              .cpuThreads(threads)
              .checkpointEverySteps(checkpointEvery);
      if (earlyStopping != null) {
        builder.earlyStopping(
            EarlyStopping.on(Monitor.parse(earlyStopping)).withPatience(patience));
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private OptimizerConfig optimizerConfig() {
    OptimizerConfig chosen = OptimizerConfig.parse(optimizer);
    if (chosen instanceof OptimizerConfig.Sgd sgd) {
      chosen = sgd.withMomentum(momentum).withNesterov(nesterov);
    }
    if (learningRate != null) {
      chosen = chosen.withLearningRate(learningRate);
    }
    if (weightDecay != null) {
      chosen = chosen.withWeightDecay(weightDecay);
    }
    return chosen;
  }

  private LossConfig lossConfig() {
    if (loss == null) {
      return labelSmoothing > 0 ? LossConfig.crossEntropy(labelSmoothing) : null;
    }
    LossConfig chosen = LossConfig.parse(loss);
    return chosen.kind() == LossConfig.Kind.CROSS_ENTROPY
        ? LossConfig.crossEntropy(labelSmoothing)
        : chosen;
  }

  private Augmentation augmentation() {
    try {
      return TrainingSettings.parseAugmentation(augment);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private HeadSpec headFor(PreparedData prepared) {
    if (head == null || head.equalsIgnoreCase("regression") || head.equalsIgnoreCase("classifier")) {
      return prepared.head();
    }
    String[] parts = head.toLowerCase(Locale.ROOT).split(":");
    if (parts[0].equals("binned") && parts.length == 2) {
      try {
        return prepared.binnedYearHead(Integer.parseInt(parts[1]));
      } catch (NumberFormatException e) {
        // falls through
      } catch (IllegalStateException e) {
        throw new ParameterException(spec.commandLine(), "--head " + head + ": " + e.getMessage());
      }
    }
    throw new ParameterException(
        spec.commandLine(), "unknown head '" + head + "': use regression or binned:N");
  }

  /** Where the model comes from: an architecture, a spec file or a model folder. */
  private ModelSource modelSource() {
    Path path = Path.of(model);
    if (Files.isDirectory(path)) {
      if (!ModelFolder.isModelFolder(path)) {
        throw new ParameterException(
            spec.commandLine(), "--model " + model + ": not a model folder (no spec.json)");
      }
      return new ModelSource(null, SpecJson.read(path.resolve(ModelFolder.SPEC_FILE)), path);
    }
    if (Files.isRegularFile(path)) {
      return new ModelSource(null, SpecJson.read(path), null);
    }
    try {
      return new ModelSource(MetModels.named(model), null, null);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** An architecture builder, or a spec (from a file or a model folder whose weights to load). */
  private record ModelSource(ModelBuilder builder, ModelSpec spec, Path folder) {

    int inputSize() {
      return spec != null ? spec.inputSize() : ModelSpec.DEFAULT_INPUT_SIZE;
    }

    MetModel build(HeadSpec head, int size) {
      if (builder != null) {
        return builder.inputSize(size).build(head);
      }
      ModelSpec wanted = spec.withInputSize(size).withHead(head);
      if (folder == null) {
        return MetModels.create(wanted);
      }
      // fine-tuning: the saved backbone with the head this data needs
      try (MetModel saved = MetModels.load(folder)) {
        if (saved.spec().equals(wanted)) {
          return MetModels.load(folder);
        }
        if (saved.spec().inputSize() != size) {
          throw new IllegalArgumentException(
              folder + " was trained at " + saved.spec().inputSize() + " px, not " + size + " px");
        }
        return saved.withHead(head);
      }
    }
  }
}
