package io.github.metart.examples.cli;

import io.github.metart.data.dataset.Split;
import io.github.metart.eval.evaluation.ModelEvaluation;
import io.github.metart.models.predict.TestTimeAugmentation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart evaluate --model DIR --data DIR [--split test] --out DIR}: evaluates a trained model
 * on one split of a prepared folder and writes {@code metrics.json} and a report.
 */
@Command(
    name = "evaluate",
    header = "Evaluate a trained model on one split: metrics.json and a report.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluate a trained model on one split of a prepared folder (the images of the cache it was",
      "trained on, centre-cropped) and write DIR/metrics.json, DIR/report.md, DIR/predictions.csv and",
      "DIR/index.html (confusion matrix or year errors, breakdowns, training curves when known).",
      "Year models are compared with always guessing the mean training year. A culture+year model",
      "gets both evaluations, in DIR/culture/ and DIR/year/.",
      "Example: metart evaluate --model runs/culture --data prepared/culture --out reports/culture"
    })
final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "A model folder, or a folder written by metart train (its model/ is used).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The prepared folder (metart prepare with images).")
  Path data;

  @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
      description = "train, validation or test (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the report (created).")
  Path out;

  @Option(names = "--name", paramLabel = "NAME",
      description = "The model's name in the report (default: the model folder's run name).")
  String name;

  @Option(names = "--tta", paramLabel = "NAME", defaultValue = "none",
      description = "Test-time augmentation: none (default), flip (the centre crop and its mirror"
          + " image) or flip-crops (centre and four corner crops, each also mirrored); probabilities"
          + " or years are averaged over the views, and metrics.json records which.")
  String tta;

  @Override
  public Integer call() throws Exception {
    TestTimeAugmentation views;
    try {
      views = TestTimeAugmentation.parse(tta);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--tta: " + e.getMessage());
    }
    Split chosen;
    try {
      chosen = Split.fromId(split);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--split: " + e.getMessage());
    }
    List<ModelEvaluation.Result> results = new ModelEvaluation(data, chosen, name, views).evaluateAndReport(model, out);
    PrintWriter stdout = spec.commandLine().getOut();
    for (ModelEvaluation.Result result : results) {
      stdout.println(result.evaluation().summaryLine());
      result.files().evaluation().ifPresent(e -> stdout.println("metrics: " + e.metricsJson()));
      stdout.println("report: " + result.files().page());
    }
    stdout.flush();
    return 0;
  }
}
