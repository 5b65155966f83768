package io.github.metart.examples.endtoend;

import io.github.metart.eval.plots.RunCurves;
import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.Iterables;

import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Split;
import io.github.metart.eval.evaluation.EvaluationReport;
import io.github.metart.examples.demo.DemoCollection;
import io.github.metart.examples.demo.DemoCollectionGenerator;
import io.github.metart.eval.evaluation.ModelEvaluation;
import io.github.metart.train.data.PreparedTraining;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import io.github.metart.train.listeners.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The demo end to end, on a generated collection: the real pipeline from a {@code MetObjects.csv}
 * to a report folder. The output folder holds
 *
 * <pre>
 * README.txt            what the folder is (and that the images are generated)
 * collection/           the generated MetObjects.csv, images/, truth.csv
 * prepared/culture/     manifest.json, splits/, report.txt, cache/ (as metart prepare writes it)
 * prepared/year/
 * runs/culture/         history.csv, history.json, checkpoints/, model/ (as metart train writes it)
 * runs/year/
 * report/index.html     the summary page, linking to
 * report/culture/       index.html, metrics.json, report.md, predictions.csv, figures/
 * report/year/
 * summary.txt           the terminal summary
 * </pre>
 *
 * <pre>{@code
 * DemoResult result = DemoRun.builder().output(Path.of("metart-demo")).build().run();
 * System.out.println(DemoSummary.text(result));
 * }</pre>
 */
public final class DemoRun {

  /** The first line of the output folder's {@code README.txt}: marks a folder the demo may replace. */
  static final String README_FIRST_LINE = "metart demo output";

  /** The year range of the year task. */
  public static final int MIN_YEAR = 1500;

  /** The last year of the year task. */
  public static final int MAX_YEAR = 1900;

  private static final String COLLECTION = "collection";
  private static final String PREPARED = "prepared";
  private static final String RUNS = "runs";
  private static final String REPORT = "report";
  private static final String CULTURE = DemoDatasets.CULTURE;
  private static final String YEAR = DemoDatasets.YEAR;

  private final Path output;
  private final DemoSize size;
  private final long seed;
  private final PrintWriter stages;
  private final List<TrainingListener> listeners;
  private final int threads;

  private DemoRun(Builder builder) {
    this.output = builder.output.toAbsolutePath().normalize();
    this.size = builder.size;
    this.seed = builder.seed;
    this.stages = builder.stages;
    this.listeners = List.copyOf(builder.listeners);
    this.threads = builder.threads;
  }

  /** A builder: the standard size, seed 42, no stage lines. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the demo.
   *
   * @throws IllegalArgumentException when the output folder holds something other than an earlier
   *     demo
   * @throws IOException naming the file that cannot be written or read
   */
  public DemoResult run() throws IOException {
    long started = System.nanoTime();
    prepareOutput();

    stage("1/5 generating the demo collection (GENERATED images, not Met photographs)");
    DemoCollection collection =
        DemoCollectionGenerator.generate(
            size.collection().toBuilder().seed(seed).build(), output.resolve(COLLECTION));
    stage(
        "    %d rows (%d malformed on purpose), %d images of %d px in %s",
        collection.rowCount(),
        collection.malformedRows().size(),
        collection.imageCount(),
        size.imageSize(),
        output.relativize(collection.directory()));

    stage("2/5 preparing the datasets: MetObjects.csv reader, culture and date normalizers, splits, image cache");
    DemoDatasets datasets =
        DemoDatasets.prepare(collection, output.resolve(PREPARED), size.model().inputSize(), seed, threads);
    DatasetSplits culture = datasets.cultureSplits();
    DatasetSplits year = datasets.yearSplits();
    Path culturePrepared = datasets.culture();
    Path yearPrepared = datasets.year();
    stage("    culture: %s", describe(culture));
    stage("    year: %s", describe(year));

    stage("3/5 training the culture classifier: %s", size.model().describe());
    Trained cultureRun = train(culturePrepared, CULTURE, size.cultureEpochs());
    stage("    %s", cultureRun.fit().message());
    stage("4/5 training the year regressor: %s", size.model().describe());
    Trained yearRun = train(yearPrepared, YEAR, size.yearEpochs());
    stage("    %s", yearRun.fit().message());

    stage("5/5 evaluating both models on the test split and writing the report");
    DemoResult.Task cultureTask = evaluate(culture, culturePrepared, cultureRun, CULTURE, "Culture classifier");
    DemoResult.Task yearTask = evaluate(year, yearPrepared, yearRun, YEAR, "Year regressor");
    Path index = output.resolve(REPORT).resolve("index.html");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    DemoResult result =
        new DemoResult(size, output, collection, cultureTask, yearTask, index, elapsed);
    DemoIndexPage.write(result, index);
    Files.writeString(output.resolve("summary.txt"), DemoSummary.text(result), StandardCharsets.UTF_8);
    return result;
  }

  private record Trained(FitResult fit, Duration time) {}

  private Trained train(Path prepared, String task, int epochs) throws IOException {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(epochs)
            .batchSize(size.batchSize())
            .optimizer(OptimizerConfig.adam(size.learningRate()))
            .schedule(LearningRateSchedule.cosine())
            .seed(seed)
            .cpuThreads(threads)
            .build();
    Trainer.Builder trainer = Trainer.builder().outputDirectory(output.resolve(RUNS).resolve(task));
    listeners.forEach(trainer::listener);
    long started = System.nanoTime();
    FitResult fit = PreparedTraining.on(prepared).train(size.model(), config, trainer.build());
    return new Trained(fit, Duration.ofNanos(System.nanoTime() - started));
  }

  private DemoResult.Task evaluate(
      DatasetSplits splits, Path prepared, Trained trained, String task, String title)
      throws IOException {
    Path modelFolder = trained.fit().modelFolder().orElseThrow();
    String name = task + " " + size.model().architecture();
    EvaluationReport evaluation =
        Iterables.getOnlyElement(ModelEvaluation.of(prepared, Split.TEST).named(name).evaluate(modelFolder));
    Path folder = output.resolve(REPORT).resolve(task);
    ModelEvaluation.writeReport(
        title + " on generated demo data (" + size.model().describe() + ")",
        evaluation,
        RunCurves.of(name, trained.fit().history()),
        folder);
    return new DemoResult.Task(
        splits.manifest(), prepared, trained.fit(), evaluation, folder, trained.time());
  }

  private static String describe(DatasetSplits splits) {
    return String.format(
        java.util.Locale.ROOT,
        "%d labels, train %d, validation %d, test %d",
        splits.labels().size(),
        splits.train().size(),
        splits.validation().size(),
        splits.test().size());
  }

  private void stage(String format, Object... args) {
    if (stages != null) {
      stages.println(String.format(java.util.Locale.ROOT, format, args));
      stages.flush();
    }
  }

  /** Creates the output folder, or empties one an earlier demo wrote; refuses any other folder. */
  private void prepareOutput() throws IOException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new IOException(output + ": exists and is not a folder");
    }
    if (Files.isDirectory(output)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(output)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty) {
        Path readme = output.resolve("README.txt");
        boolean ours =
            Files.isRegularFile(readme)
                && Files.readAllLines(readme, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .map(line -> line.startsWith(README_FIRST_LINE))
                    .orElse(false);
        if (!ours) {
          throw new IOException(
              output + ": is not empty and holds no earlier demo output: choose a new or empty folder");
        }
        deleteContents(output);
      }
    }
    Files.createDirectories(output);
    try (Writer readme = Files.newBufferedWriter(output.resolve("README.txt"), StandardCharsets.UTF_8)) {
      readme.write(
          README_FIRST_LINE + " (metart demo --size " + size.name() + ", seed " + seed + ")\n\n"
              + "Everything here was made by 'metart demo' from GENERATED data: collection/MetObjects.csv\n"
              + "is written in the Met's format but every row is invented, and the images are pictures\n"
              + "drawn by metart (their colours and shapes follow the culture, their stripes and ageing the\n"
              + "year), not photographs of Met objects. The pipeline that reads them is the real one.\n\n"
              + "collection/  the generated MetObjects.csv, images/ and truth.csv\n"
              + "prepared/    the culture and year datasets, as 'metart prepare' writes them\n"
              + "runs/        training histories, checkpoints and model folders, as 'metart train' writes them\n"
              + "report/      index.html and one page per task (metrics.json, confusion matrix, curves)\n"
              + "summary.txt  the summary printed at the end\n"
              + "Running 'metart demo' again replaces this folder.\n");
    }
  }

  private static void deleteContents(Path folder) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(p -> !p.equals(folder)).forEach(entries::add);
    }
    entries.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    for (Path entry : entries) {
      Files.delete(entry);
    }
  }

  /** Builds a {@link DemoRun}. */
  public static final class Builder {
    private Path output = Path.of("metart-demo");
    private DemoSize size = DemoSize.STANDARD;
    private long seed = 42;
    private PrintWriter stages;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** The output folder (default {@code metart-demo}); an earlier demo output there is replaced. */
    public Builder output(Path folder) {
      this.output = Objects.requireNonNull(folder, "output");
      return this;
    }

    /** The size (default {@link DemoSize#STANDARD}). */
    public Builder size(DemoSize value) {
      this.size = Objects.requireNonNull(value, "size");
      return this;
    }

    /** The seed of the collection, the splits and training (default 42). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Where to print one line per stage (default: nowhere). */
    public Builder stages(PrintWriter out) {
      this.stages = out;
      return this;
    }

    /** Adds a listener to both trainings, e.g. a progress bar. */
    public Builder listener(TrainingListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** CPU threads for image preparation and training (default: one per processor). */
    public Builder threads(int value) {
      checkArgument(value >= 1 && value <= 1024, "threads must be between 1 and 1024, got %s", value);
      this.threads = value;
      return this;
    }

    /** The demo run. */
    public DemoRun build() {
      return new DemoRun(this);
    }
  }
}
