package io.github.metart.eval.evaluation;

import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.Task;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.data.loading.PreparedImageData;
import io.github.metart.eval.plots.RunCurves;
import io.github.metart.eval.report.ReportFiles;
import io.github.metart.eval.report.RunReport;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.io.ModelFolder;
import io.github.metart.models.predict.Preprocessing;
import io.github.metart.models.predict.TestTimeAugmentation;
import io.github.metart.models.spec.HeadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates a model on one split of a prepared folder with the {@link Evaluator} — the images of
 * the cache the model was trained on (its recorded preprocessing), centre-cropped, never augmented;
 * year models against the constant guess of the mean training year — and writes the run's report
 * page. What {@code metart evaluate} does, e.g. {@code ModelEvaluation.of(prepared,
 * Split.TEST).withViews(TestTimeAugmentation.FLIP).evaluateAndReport(run, out)}.
 *
 * <p>Every evaluation returns one report per task the model predicts: one for a culture or a year
 * model, two (culture, then year) for a culture+year model.
 *
 * @param preparedFolder the prepared folder the model is evaluated on
 * @param split the split
 * @param name the model's name in the reports, or {@code null} for the training folder's name (of
 *     a model folder) or the spec's name (of a model in memory)
 * @param views the test-time augmentation: each prediction averaged over the views of the cached
 *     square ({@link TestTimeAugmentation#FLIP_CROPS} loads the whole stored square and crops it at
 *     the centre and the corners); {@code metrics.json} records which
 */
public record ModelEvaluation(Path preparedFolder, Split split, String name, TestTimeAugmentation views) {

  /** Checks the components; no views means {@link TestTimeAugmentation#NONE}. */
  public ModelEvaluation {
    Objects.requireNonNull(preparedFolder, "preparedFolder");
    Objects.requireNonNull(split, "split");
    views = Objects.requireNonNullElse(views, TestTimeAugmentation.NONE);
  }

  /** An evaluation on one split, without test-time augmentation, named after the model. */
  public static ModelEvaluation of(Path preparedFolder, Split split) {
    return new ModelEvaluation(preparedFolder, split, null, TestTimeAugmentation.NONE);
  }

  /** This evaluation with the model's name in the reports ({@code null}: the default name). */
  public ModelEvaluation named(String newName) {
    return new ModelEvaluation(preparedFolder, split, newName, views);
  }

  /** This evaluation with test-time augmentation. */
  public ModelEvaluation withViews(TestTimeAugmentation newViews) {
    return new ModelEvaluation(preparedFolder, split, name, newViews);
  }

  /**
   * An evaluation and the report page written for it.
   *
   * @param evaluation the numbers
   * @param files the page, its figures and {@code metrics.json}
   */
  public record Result(EvaluationReport evaluation, ReportFiles files) {
    /** Checks the components. */
    public Result {
      Objects.requireNonNull(evaluation, "evaluation");
      Objects.requireNonNull(files, "files");
    }
  }

  /**
   * What {@code metart evaluate} does, in one call: loads the model, evaluates it, and writes the
   * report page (with the training curves when the model sits in a training folder) into {@code
   * out} — for a culture+year model one page per task, in {@code out/culture/} and {@code
   * out/year/} ({@link #writeReports}).
   *
   * @param model a model folder, or a training folder holding {@code model/}
   * @param out the report folder ({@code index.html}, {@code metrics.json}, ...)
   * @return one result per task the model predicts, culture before year
   * @throws IOException naming the prepared folder's or the history's file that is missing or broken
   * @throws IllegalArgumentException naming the model folder's problem, or when the model does not
   *     fit the data
   */
  public List<Result> evaluateAndReport(Path model, Path out) throws IOException {
    Path training = trainingFolder(ModelFolder.locate(model));
    ModelEvaluation named = named(name != null ? name : training.getFileName().toString());
    List<EvaluationReport> evaluations = named.evaluate(model);
    List<ReportFiles> pages =
        writeReports(
            named.name + " on the " + split.id() + " split of " + preparedFolder.getFileName(),
            evaluations,
            RunCurves.read(named.name, training),
            out);
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < evaluations.size(); i++) {
      results.add(new Result(evaluations.get(i), pages.get(i)));
    }
    return List.copyOf(results);
  }

  /**
   * Loads a model and evaluates each of its tasks.
   *
   * @param model a model folder ({@link MetModel#save}), or a training folder holding {@code
   *     model/} (what {@code metart train} writes)
   * @throws IOException naming the prepared folder's file that is missing or broken
   * @throws IllegalArgumentException naming the model folder's file that is missing or broken, or
   *     when the model does not fit the data (another task, other labels, no cache of its
   *     preprocessing)
   */
  public List<EvaluationReport> evaluate(Path model) throws IOException {
    Path modelFolder = ModelFolder.locate(model);
    ModelEvaluation named =
        name != null ? this : named(trainingFolder(modelFolder).getFileName().toString());
    try (MetModel loaded = MetModels.load(modelFolder)) {
      return named.evaluate(loaded);
    }
  }

  /** Evaluates each task of a model in memory; see {@link #evaluate(Path)}. */
  public List<EvaluationReport> evaluate(MetModel model) throws IOException {
    Objects.requireNonNull(model, "model");
    checkTask(model, DatasetSplits.read(preparedFolder).task(), preparedFolder);
    Preprocessing preprocessing = model.preprocessing();
    Path cache = PreparedCache.directory(preparedFolder.resolve(DatasetImagePreparer.CACHE_DIR), preprocessing.recipe());
    if (!Files.isDirectory(cache)) {
      throw new IOException(
          cache + ": missing; the model was trained on images prepared by recipe "
              + preprocessing.recipe().key() + " (prepare this folder with images of that recipe)");
    }
    try (PreparedImageData data = PreparedImageData.open(preparedFolder, preprocessing.recipe());
        CachedImageDataset dataset =
            data.dataset(split)
                .inputSize(views.usesCrops() ? preprocessing.recipe().cropTo() : model.spec().inputSize())
                .normalization(preprocessing.normalization())
                .augmentation(Augmentation.NONE)
                .setSampling(Evaluator.DEFAULT_BATCH_SIZE, false)
                .build()) {
      if (dataset.size() == 0) {
        throw new IOException(
            preparedFolder + ": the " + split.id() + " split has no object with an image in " + cache);
      }
      Evaluator.Builder evaluator = Evaluator.builder().split(split.id()).testTimeAugmentation(views);
      if (name != null) { // else the Evaluator names the model by its spec
        evaluator.modelName(name);
      }
      if (!(model.spec().head() instanceof HeadSpec.Classifier)) {
        // only year models compare with a constant guess; culture objects need not have a year
        evaluator.baselineFromTraining(data.splits().train());
      }
      return evaluator.build().evaluateEach(model, dataset, data.splits().get(split));
    }
  }

  /** The training folder a model folder sits in ({@code run/} of {@code run/model/}). */
  private static Path trainingFolder(Path modelFolder) {
    Path absolute = modelFolder.toAbsolutePath().normalize();
    return absolute.getParent() == null ? absolute : absolute.getParent();
  }

  /**
   * Refuses a model whose task is not the data's: a culture classifier on year data, a year model
   * on culture data.
   *
   * @throws IllegalArgumentException saying which model cannot be evaluated on which data
   */
  static void checkTask(MetModel model, Task dataTask, Path preparedFolder) {
    HeadSpec head = model.spec().head();
    Task modelTask =
        head instanceof HeadSpec.Classifier
            ? Task.CULTURE
            : head instanceof HeadSpec.CultureYear ? Task.CULTURE_YEAR : Task.YEAR;
    if (modelTask != dataTask) {
      throw new IllegalArgumentException(
          "a "
              + modelTask.id()
              + " model cannot be evaluated on "
              + dataTask.id()
              + " data: "
              + preparedFolder
              + " was prepared with --task "
              + dataTask.id()
              + ", the model ("
              + model.spec().describe()
              + ") predicts "
              + (modelTask == Task.CULTURE
                  ? "cultures"
                  : modelTask == Task.YEAR ? "years" : "cultures and years"));
    }
  }

  /**
   * Writes the run's page into a folder: {@code index.html} with its figures, {@code metrics.json},
   * {@code report.md} and {@code predictions.csv}, with the training curves when given.
   */
  public static ReportFiles writeReport(
      String title, EvaluationReport evaluation, Optional<RunCurves> curves, Path folder) {
    RunReport.Builder report = RunReport.builder().title(title).evaluation(evaluation);
    curves.ifPresent(report::curves);
    return report.build().writeTo(folder);
  }

  /**
   * Writes the pages of {@link #evaluate(Path)}: one evaluation into the folder itself ({@link
   * #writeReport}); the two of a culture+year model into its {@code culture/} and {@code year/}
   * subfolders, each a complete page ({@code metrics.json}, {@code report.md}, {@code
   * predictions.csv}, {@code index.html}).
   *
   * @return the written pages, in the order of the evaluations
   */
  public static List<ReportFiles> writeReports(
      String title, List<EvaluationReport> evaluations, Optional<RunCurves> curves, Path folder) {
    if (evaluations.size() == 1) {
      return List.of(writeReport(title, evaluations.get(0), curves, folder));
    }
    List<ReportFiles> files = new ArrayList<>();
    for (EvaluationReport evaluation : evaluations) {
      String task = taskOf(evaluation);
      files.add(writeReport(title + " (" + task + ")", evaluation, curves, folder.resolve(task)));
    }
    return List.copyOf(files);
  }

  /** {@code culture} or {@code year}: what an evaluation measured. */
  public static String taskOf(EvaluationReport evaluation) {
    return evaluation.result() instanceof YearResult ? Task.YEAR.id() : Task.CULTURE.id();
  }
}
