package io.github.metart.examples.cli;

import io.github.metart.models.MetModels;
import io.github.metart.models.io.ModelFolder;
import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.models.spec.SpecJson;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.config.TrainingSettings;
import io.github.metart.train.data.PreparedTraining;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.listeners.FitStart;
import io.github.metart.train.listeners.ProgressBar;
import io.github.metart.train.listeners.TrainingListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
final class TrainCommand implements Callable<Integer> {

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
      description = "Side of the model's square input (default: the spec's, else the size the data was prepared for).")
  Integer inputSize;

  @Option(
      names = "--head",
      paramLabel = "HEAD",
      description =
          "auto (default: the data's own head), or for year data direct (a regression of the year) or binned:N"
              + " (classification over N year bins).")
  String head;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 10).")
  Integer epochs;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Images per step (default: 32).")
  Integer batchSize;

  @Option(
      names = "--optimizer",
      paramLabel = "NAME",
      description = "sgd, adam or adamw (default: adam).")
  String optimizer;

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      description = "Base learning rate (default: 0.01 for sgd, 0.001 for adam and adamw).")
  Double learningRate;

  @Option(
      names = "--momentum",
      paramLabel = "M",
      description = "SGD momentum (default: 0.9).")
  Double momentum;

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
          "cosine (default), constant, or step:EVERY:GAMMA (e.g."
              + " step:10:0.1).")
  String schedule;

  @Option(
      names = "--warmup",
      paramLabel = "EPOCHS",
      description = "Linear learning-rate warm-up before the schedule (default: 0).")
  Double warmup;

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
  Double labelSmoothing;

  @Option(
      names = "--early-stopping",
      paramLabel = "MONITOR",
      description = "Stop when MONITOR (val_loss, val_metric, train_loss, train_metric) stalls.")
  String earlyStopping;

  @Option(
      names = "--patience",
      paramLabel = "EPOCHS",
      description = "Epochs without improvement before early stopping (default: 5).")
  Integer patience;

  @Option(
      names = "--clip-norm",
      paramLabel = "NORM",
      description = "Clip the global gradient norm (default: off).")
  Double clipNorm;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of initialization, shuffling, augmentation, dropout (default: 42).")
  Long seed;

  @Option(
      names = "--augment",
      paramLabel = "NAME",
      description =
          "Training augmentation: none, crop-flip (default), standard (crop, flip, colour jitter),"
              + " trivial (crop, flip and TrivialAugment-Wide), randaugment:N:M (crop, flip and"
              + " RandAugment, N operations at magnitude M of 0..30), or a preset and a policy such as"
              + " standard+trivial.")
  String augment;

  @Option(
      names = "--freeze-backbone-epochs",
      paramLabel = "N",
      description =
          "Fine-tuning: keep the backbone frozen (batch-norm statistics too) for the first N epochs"
              + " while the head learns (default: 0).")
  Integer freezeBackboneEpochs;

  @Option(
      names = "--backbone-lr-factor",
      paramLabel = "X",
      description =
          "Fine-tuning: the backbone learns at X times the head's learning rate (default: 1).")
  Double backboneLrFactor;

  @Option(
      names = "--ema",
      paramLabel = "DECAY",
      description =
          "Keep an exponential moving average of the weights (e.g. 0.999, with warm-up); it is"
              + " what is validated, kept as best and saved (default: off).")
  Double ema;

  @Option(
      names = "--ema-every",
      paramLabel = "N",
      description =
          "With --ema: update the average after every N weight updates, with the decay to the"
              + " power N (the same pace; torchvision's recipe uses 32): an update costs a pass over"
              + " all weights (default: 1, after each).")
  Integer emaEvery;

  @Option(
      names = "--accumulate",
      paramLabel = "N",
      description =
          "Sum the gradients of N batches before each update: an effective batch of N x"
              + " --batch-size images in the memory of one batch (default: 1).")
  Integer accumulate;

  @Option(
      names = "--class-weights",
      paramLabel = "MODE",
      description =
          "balanced: each class weighs n/(k x its count) in the cross-entropy, for unbalanced"
              + " labels without --balance at prepare; none (default).")
  String classWeights;

  @Option(
      names = "--year-target",
      paramLabel = "CHOICE",
      description =
          "What a year model learns from each object's date interval: random (the year prepare drew"
              + " inside it; default), midpoint, or interval (no loss anywhere inside [begin, end];"
              + " a binned head learns the covered bins).")
  String yearTarget;

  @Option(
      names = "--year-loss-weight",
      paramLabel = "W",
      description =
          "For data prepared with --task culture+year (one backbone, a culture and a year head):"
              + " the loss is culture + W * year (default: 1).")
  Double yearLossWeight;

  @Option(
      names = "--random-erasing",
      paramLabel = "P",
      description = "Erase a random rectangle of each training image with probability P (default: 0).")
  Double randomErasing;

  @Option(
      names = "--mixup",
      paramLabel = "ALPHA",
      description = "Mixup with Beta(ALPHA, ALPHA) weights, e.g. 0.2 (default: off).")
  Double mixup;

  @Option(
      names = "--cutmix",
      paramLabel = "ALPHA",
      description =
          "CutMix with Beta(ALPHA, ALPHA) areas, e.g. 1.0 (default: off); with --mixup, each batch"
              + " uses one of the two.")
  Double cutmix;

  @Option(
      names = "--devices",
      paramLabel = "LIST",
      description = "auto (every GPU, else the CPU; default), cpu, or GPU indices such as 0,1.")
  String devices;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "CPU compute threads (default: one per processor).")
  Integer threads;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "STEPS",
      description = "Also checkpoint every this many steps (default: epoch ends and every 30 minutes).")
  Integer checkpointEvery;

  @Option(
      names = "--cache",
      paramLabel = "KEY",
      description = "The image cache under DIR/cache/ (needed only when there are several).")
  String cache;

  @Option(names = "--no-progress", description = "No progress bar on stderr.")
  boolean noProgress;

  @Mixin PretrainedOptions pretrained;

  @Override
  public Integer call() throws Exception {
    TrainingConfig config = config();
    PreparedTraining training = PreparedTraining.on(data).cache(cache);
    ModelRecipe recipe = recipe(training);
    try {
      recipe.fetchPretrained(pretrained.cache()); // before the data: a refused download stops at once
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--pretrained: " + e.getMessage(), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    Trainer.Builder trainer =
        Trainer.builder()
            .outputDirectory(out)
            .listener(
                new TrainingListener() {
                  @Override
                  public void onFitStart(FitStart start) {
                    stdout.printf(
                        "training %s on %s (%d training, %d validation images)%n",
                        recipe.describe(), data, start.trainSize(), start.validationSize());
                    stdout.flush();
                  }
                });
    if (!noProgress) {
      trainer.listener(
          new ProgressBar(
              new PrintStream(System.err, true, StandardCharsets.UTF_8),
              System.console() != null,
              false));
    }
    Thread interrupted = new Thread(this::sayWhereToResume, "metart interrupted training");
    Runtime.getRuntime().addShutdownHook(interrupted);
    FitResult result;
    try {
      result =
          resume
              ? training.resume(recipe, config, trainer.build())
              : training.train(recipe, config, trainer.build());
    } finally {
      removeHook(interrupted);
    }
    report(stdout, result);
    return 0;
  }

  /**
   * Ctrl-C (or a kill) during training: one line on stderr saying where the last checkpoint is and
   * how to continue.
   */
  private void sayWhereToResume() {
    Path last = out.resolve("checkpoints").resolve("last");
    String where =
        Files.isDirectory(last)
            ? "the last checkpoint is " + last + "; continue with the same command and --resume"
            : "no checkpoint was written yet; start again with the same command";
    System.err.println("metart: train: interrupted; " + where);
    System.err.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs
    }
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
              best.value(result.monitor())));
    }
    stdout.println("model: " + out.resolve(FitResult.MODEL_FOLDER));
    stdout.println("history: " + out.resolve(HistoryFiles.CSV));
    stdout.flush();
  }

  /** The configuration from the options; what is not given takes the library's defaults. */
  TrainingConfig config() {
    try {
      return TrainingSettings.builder()
          .epochs(epochs)
          .batchSize(batchSize)
          .optimizer(optimizer)
          .learningRate(learningRate)
          .momentum(momentum)
          .nesterov(nesterov ? Boolean.TRUE : null)
          .weightDecay(weightDecay)
          .schedule(schedule)
          .warmupEpochs(warmup)
          .loss(loss)
          .labelSmoothing(labelSmoothing)
          .clipNorm(clipNorm)
          .augmentation(augment)
          .earlyStopping(earlyStopping)
          .earlyStoppingPatience(patience)
          .seed(seed)
          .devices(devices)
          .cpuThreads(threads)
          .checkpointEverySteps(checkpointEvery)
          .freezeBackboneEpochs(freezeBackboneEpochs)
          .backboneLrFactor(backboneLrFactor)
          .ema(ema)
          .emaEvery(emaEvery)
          .accumulate(accumulate)
          .classWeights(classWeights)
          .yearTarget(yearTarget)
          .yearLossWeight(yearLossWeight)
          .randomErasing(randomErasing)
          .mixup(mixup)
          .cutmix(cutmix)
          .build()
          .config();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /**
   * The model to train: an architecture, a spec file, or a model folder whose backbone to fine-tune
   * (with the head this data needs); at --input-size, else the spec's, else the size the data was
   * prepared for.
   */
  private ModelRecipe recipe(PreparedTraining training) throws java.io.IOException {
    Path path = Path.of(model);
    ModelRecipe recipe;
    try {
      if (Files.isDirectory(path)) {
        if (!ModelFolder.isModelFolder(path)) {
          throw new ParameterException(
              spec.commandLine(), "--model " + model + ": not a model folder (no spec.json)");
        }
        recipe =
            ModelRecipe.of(SpecJson.read(path.resolve(ModelFolder.SPEC_FILE)))
                .withPretrained(path.toString());
      } else if (Files.isRegularFile(path)) {
        recipe = ModelRecipe.of(SpecJson.read(path));
      } else {
        MetModels.named(model); // names the known architectures when unknown
        recipe = null;
      }
      int size =
          inputSize != null
              ? CliOptions.size(spec, "--input-size", inputSize)
              : recipe != null ? recipe.inputSize() : training.preparedInputSize();
      recipe =
          recipe == null ? ModelRecipe.of(model, size) : recipe.withInput(size, recipe.stemLayers());
      if (pretrained.source != null) {
        if (recipe.pretrained() != null) {
          throw new ParameterException(
              spec.commandLine(),
              "--pretrained: --model " + model + " is a model folder, whose backbone is the start already");
        }
        recipe = recipe.withPretrained(pretrained.source);
      }
      return head == null ? recipe : recipe.withHead(HeadChoice.parse(head));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--model " + model + ": " + e.getMessage(), e);
    }
  }
}
