package io.github.metart.examples.cli;

import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.io.ModelFolder;
import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.heads.LabelProbability;
import io.github.metart.models.heads.Prediction;
import io.github.metart.models.heads.YearPrediction;
import io.github.metart.models.predict.PredictionShards;
import io.github.metart.models.predict.Predictor;
import picocli.CommandLine.ParameterException;
import io.github.metart.models.predict.TestTimeAugmentation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metart predict --model DIR IMAGE...}: one line per image, {@code IMAGE<TAB>label
 * probability<TAB>...} for a classifier (most probable first) or {@code IMAGE<TAB>year} for a year
 * model.
 */
@Command(
    name = "predict",
    header = "Predict images with a trained model, one line per image.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Predict images with a trained model: one line per image, in order. A classifier prints",
      "IMAGE<TAB>label probability<TAB>... (the --top most probable labels); a year model prints",
      "IMAGE<TAB>year. Images are prepared as the model's training images were.",
      "Example: metart predict --model runs/culture vase.jpg print.png",
      "A large folder in shards (one per process or cluster task), then one CSV:",
      "  metart predict --model M --folder DIR --shard 2/8 --out part-2.csv",
      "  metart predict --merge --out predictions.csv part-*.csv"
    })
final class PredictCommand implements Callable<Integer> {

  /** Images per forward pass. */
  private static final int BATCH = 16;

  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A model folder, or a folder written by metart train (its model/ is used).")
  Path model;

  @Option(names = "--top", paramLabel = "K", defaultValue = "3",
      description = "Labels per image for a classifier (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--folder", paramLabel = "DIR", description = "Predict the images of a folder (and its subfolders) into the CSV --out.")
  Path folder;

  @Option(names = "--shard", paramLabel = "I/N", description = "With --folder: only shard I of N (from 1), e.g. 2/8; default 1/1.")
  String shard;

  @Option(names = "--out", paramLabel = "FILE", description = "The CSV written by --folder or --merge.")
  Path out;

  @Option(names = "--merge", description = "Merge the shard CSVs given as arguments into --out (checks that every shard is there, whole).")
  boolean merge;

  @Option(names = "--tta", paramLabel = "NAME", defaultValue = "none",
      description = "Test-time augmentation: none (default), flip or flip-crops (probabilities or"
          + " years averaged over the mirrored and cropped views).")
  String tta;

  @Parameters(arity = "0..*", paramLabel = "IMAGE", description = "Image files (JPEG, PNG, WebP, TIFF, GIF, BMP); with --merge, the shard CSVs.")
  List<Path> images = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CliOptions.requirePositive(spec, "--top", top);
    TestTimeAugmentation views;
    try {
      views = TestTimeAugmentation.parse(tta);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--tta: " + e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (merge) {
      if (out == null || images.isEmpty() || folder != null || shard != null) {
        throw new ParameterException(spec.commandLine(), "--merge takes --out FILE and the shard CSVs, without --folder or --shard");
      }
      int merged = PredictionShards.merge(images, out);
      stdout.println("merged " + images.size() + " shards: " + merged + " images in " + out);
      stdout.flush();
      return 0;
    }
    if (model == null) {
      throw new ParameterException(spec.commandLine(), "--model DIR is required");
    }
    if (folder != null) {
      if (out == null || !images.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--folder writes a CSV: give --out FILE and no image arguments");
      }
      PredictionShards.Shard part;
      try {
        part = shard == null ? new PredictionShards.Shard(1, 1) : PredictionShards.Shard.parse(shard);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
      }
      try (MetModel loaded = MetModels.load(ModelFolder.locate(model))) {
        PredictionShards.ShardResult result = PredictionShards.predict(Predictor.of(loaded).testTimeAugmentation(views), folder, part, out, top, BATCH);
        stdout.println("shard " + part + ": " + result.images() + " images of " + folder + " in " + out
            + (result.failed() == 0 ? "" : " (" + result.failed() + " could not be predicted: see its problem column)"));
        stdout.flush();
        return result.failed() == 0 ? 0 : MetartCli.EXIT_FAILURE;
      }
    }
    if (images.isEmpty() || shard != null || out != null) {
      throw new ParameterException(spec.commandLine(), "give IMAGE files, or --folder DIR --out FILE [--shard I/N]");
    }
    PrintWriter stderr = spec.commandLine().getErr();
    int failed = 0;
    try (MetModel loaded = MetModels.load(ModelFolder.locate(model))) {
      // every good image is predicted; each bad one is reported, and the exit code says so at the end
      for (Predictor.Outcome outcome : Predictor.of(loaded).testTimeAugmentation(views).predictEach(images, BATCH)) {
        if (outcome.predicted()) {
          stdout.println(outcome.image() + "\t" + describe(outcome.prediction()));
          stdout.flush();
        } else {
          failed++;
          stderr.println("metart: " + outcome.problem());
          stderr.flush();
        }
      }
    }
    if (failed > 0 && images.size() > 1) {
      stderr.println("metart: predict: " + failed + " of " + images.size() + " images could not be predicted");
    }
    return failed == 0 ? 0 : MetartCli.EXIT_FAILURE;
  }

  private String describe(Prediction prediction) {
    if (prediction instanceof YearPrediction year) {
      return Long.toString(year.roundedYear());
    }
    if (prediction instanceof io.github.metart.models.heads.CultureYearPrediction both) {
      return describe(both.culture()) + "\t" + describe(both.year());
    }
    List<String> labels = new ArrayList<>();
    for (LabelProbability label : ((ClassPrediction) prediction).topK(top)) {
      labels.add(String.format(Locale.ROOT, "%s %.3f", label.label(), label.probability()));
    }
    return String.join("\t", labels);
  }
}
