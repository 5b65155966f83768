package io.github.metart.eval.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.metart.data.files.JsonFiles;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.Task;
import io.github.metart.eval.evaluation.EvaluationFiles;
import io.github.metart.eval.evaluation.EvaluationReport;
import io.github.metart.eval.evaluation.HeadlineMetric;
import io.github.metart.eval.evaluation.MetricsJson;
import io.github.metart.eval.evaluation.MetricsSummary;
import io.github.metart.eval.plots.RunCurves;
import io.github.metart.eval.report.ComparedRun;
import io.github.metart.eval.report.ComparisonReport;
import io.github.metart.models.spec.HeadChoice;
import io.github.metart.eval.evaluation.ModelEvaluation;
import io.github.metart.train.data.PreparedTraining;
import io.github.metart.models.io.ModelFolder;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.listeners.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.github.metart.data.files.FolderLock;
import io.github.metart.data.files.AtomicFiles;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Runs an experiment on a prepared folder: each planned run in its own folder, trained with {@code
 * Trainer.fit} and evaluated on one split, then the comparison report. Running the same experiment
 * again into the same folder continues where it stopped: finished runs are skipped, a run with a
 * checkpoint is resumed from it, a run without one starts over.
 *
 * <p>Any number of runners (workers: processes on one machine, or on several machines sharing the
 * folder, e.g. the tasks of a Slurm array) can work on the same folder at once: each run is claimed
 * by one worker ({@link RunClaim}), a run whose worker died is taken over by the next one and
 * resumed from its last checkpoint, a finished run is never run again, and a failed run is marked
 * with the reason and its log ({@link #status()} lists them). A worker ends when no run is left that
 * it could do or wait for, and then writes the comparison report of whatever has finished.
 *
 * <pre>
 * OUT/experiment.json            the spec, the split and the data's manifest hash (checked on resume)
 * OUT/runs/NAME/claims/0001.json  who ran it (host, process, start); its time is the heartbeat
 * OUT/runs/NAME/done.json        finished; failed.json: the last attempt failed (reason, log)
 * OUT/runs/NAME/run.log          every attempt's steps, and the stack trace of a failure
 * OUT/runs/NAME/train/           history.csv, history.json, checkpoints/, model/
 * OUT/runs/NAME/report/          index.html, metrics.json, report.md, predictions.csv, figures/
 * OUT/report/index.html          every run compared (bar chart of the main metric, curves)
 * OUT/report/sweeps/NAME/        one comparison per sweep, when there are several
 * OUT/results.csv                one line per run: its knobs and headline metrics
 * </pre>
 */
public final class ExperimentRunner {

  /** The file that records what the folder's experiment is. */
  public static final String EXPERIMENT_FILE = "experiment.json";

  private static final ObjectMapper JSON = JsonFiles.mapper();

  /**
   * {@code experiment.json}: the spec (kept as its JSON tree, compared as such, parsed by {@link
   * ExperimentSpec#parse}), the split, the data folder and its manifest's SHA-256.
   */
  record ExperimentFile(JsonNode spec, String split, String data, String dataManifestSha256) {

    static ExperimentFile read(Path file) throws IOException {
      ExperimentFile read;
      try {
        read = JSON.readValue(file.toFile(), ExperimentFile.class);
      } catch (JsonProcessingException e) {
        throw new IOException(file + ": not a valid experiment record: " + JsonFiles.problem(e), e);
      }
      if (read.spec() == null || !read.spec().isObject()) {
        throw new IOException(file + ": not a valid experiment record: missing field 'spec'");
      }
      return read;
    }
  }

  private final ExperimentSpec spec;
  private final Path data;
  private final Path output;
  private final Split split;
  private final PrintWriter stages;
  private final List<TrainingListener> listeners;
  private final Duration staleAfter;
  private final Integer runIndex;
  private PrintWriter currentLog;

  private ExperimentRunner(Builder builder) {
    this.spec = Objects.requireNonNull(builder.spec, "the spec is missing");
    this.data = Objects.requireNonNull(builder.data, "the prepared data folder is missing");
    this.output = Objects.requireNonNull(builder.output, "the output folder is missing").toAbsolutePath().normalize();
    this.split = builder.split;
    this.stages = builder.stages;
    this.listeners = List.copyOf(builder.listeners);
    this.staleAfter = builder.staleAfter;
    this.runIndex = builder.runIndex;
  }

  /** The experiment's folder. */
  public Path output() {
    return output;
  }

  /** The experiment. */
  public ExperimentSpec spec() {
    return spec;
  }

  /** How old a claim's heartbeat may be before its run is taken over. */
  public Duration staleAfter() {
    return staleAfter;
  }

  /** A builder; evaluation on the validation split by default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs (or continues) the experiment.
   *
   * @throws IOException naming the file that is missing, broken or cannot be written, the prepared
   *     folder when it has no image cache for an input size of the plan (checked before any run
   *     starts), or the output folder when it holds something else (another experiment, other files)
   * @throws IllegalArgumentException when a run does not fit the data (e.g. a year head on culture
   *     data), naming it
   */
  public ExperimentResult run() throws IOException {
    ExperimentPlan plan = prepare();
    int total = plan.runs().size();
    checkArgument(
        runIndex == null || runIndex <= total,
        "--run-index %s: the experiment has %s runs (1 to %s)", runIndex, total, total);
    Map<Integer, RunOutcome> mine = new TreeMap<>();
    // runs that had failed before this worker started are tried again, once by this worker
    Map<Integer, Integer> retry = new TreeMap<>();
    for (RunState state : status(plan)) {
      if (state.phase() == RunState.Phase.FAILED) {
        retry.put(state.index(), state.claim());
      }
    }
    String waitingFor = "";
    while (true) {
      List<String> othersRunning = new ArrayList<>();
      boolean worked = false;
      for (RunState state : status(plan)) {
        if (runIndex != null && state.index() != runIndex) {
          continue;
        }
        int expected;
        switch (state.phase()) {
          case FINISHED -> {
            continue;
          }
          case RUNNING -> {
            othersRunning.add(state.run().name());
            continue;
          }
          case FAILED -> {
            if (!Integer.valueOf(state.claim()).equals(retry.get(state.index()))) {
              continue; // failed while this worker runs: left for the next invocation
            }
            expected = state.claim();
          }
          case STALE -> {
            stage("run %d/%d %s: its worker stopped (%s): taking it over", state.index(), total, state.run().name(), state.detail());
            expected = state.claim();
          }
          default -> expected = 0;
        }
        Optional<RunClaim> claim = RunClaim.claim(state.folder(), expected, staleAfter);
        if (claim.isEmpty()) {
          othersRunning.add(state.run().name()); // another worker claimed it first
          continue;
        }
        worked = true;
        mine.put(state.index(), work(state, claim.get(), total));
      }
      if (othersRunning.isEmpty()) {
        break;
      }
      if (!worked) {
        String now = String.join(", ", othersRunning);
        if (!now.equals(waitingFor)) {
          stage("waiting for %d %s that other workers hold: %s", othersRunning.size(), othersRunning.size() == 1 ? "run" : "runs", now);
          waitingFor = now;
        }
        sleep(RunClaim.heartbeatInterval(staleAfter));
      }
    }
    return report(plan, mine);
  }

  /**
   * Checks the data against the plan and starts the experiment's folder (writes {@code
   * experiment.json}) or checks that it holds this experiment, without running anything: what a
   * cluster submission does before its jobs start.
   *
   * @return the plan
   * @throws IOException as {@link #run()}
   */
  public ExperimentPlan prepare() throws IOException {
    DatasetSplits splits = DatasetSplits.read(data);
    ExperimentPlan plan = spec.plan();
    checkFits(plan, splits.task());
    checkImageCaches(plan, splits.task());
    startOrContinue(Manifest.sha256(data.resolve(Manifest.FILE_NAME)));
    return plan;
  }

  /**
   * Where every run stands: pending, running (by which worker), stale (its worker died), finished
   * or failed (with the reason and the log). Reads the folder only.
   */
  public List<RunState> status() throws IOException {
    return status(spec.plan());
  }

  private List<RunState> status(ExperimentPlan plan) throws IOException {
    List<RunState> states = new ArrayList<>();
    int index = 0;
    for (PlannedRun run : plan.runs()) {
      index++;
      states.add(RunState.read(index, run, output.resolve("runs").resolve(run.folderName()), staleAfter));
    }
    return states;
  }

  /**
   * Writes the comparison report and {@code results.csv} from the runs finished so far, running
   * nothing (the report job of a cluster submission).
   */
  public ExperimentResult report() throws IOException {
    return report(spec.plan(), Map.of());
  }

  private ExperimentResult report(ExperimentPlan plan, Map<Integer, RunOutcome> mine) throws IOException {
    List<RunOutcome> outcomes = new ArrayList<>();
    List<RunState> unfinished = new ArrayList<>();
    for (RunState state : status(plan)) {
      RunOutcome done = mine.get(state.index());
      if (done != null) {
        outcomes.add(done);
      } else if (state.phase() == RunState.Phase.FINISHED) {
        Path train = state.folder().resolve("train");
        outcomes.add(new RunOutcome(state.run(), RunOutcome.How.SKIPPED, state.folder(),
            finishedSummary(state.folder().resolve("report")),
            RunCurves.read(state.run().name(), train)));
      } else {
        unfinished.add(state);
      }
    }
    Path reportPage = output.resolve("report").resolve(ComparisonReport.PAGE);
    Map<String, Path> sweepPages = new LinkedHashMap<>();
    Path csv = output.resolve("results.csv");
    if (!outcomes.isEmpty()) {
      Map<String, Path> pages = withReportLock(() -> {
        Map<String, Path> written = writeComparisons(plan, outcomes);
        writeResults(outcomes);
        return written;
      });
      sweepPages.putAll(pages);
    }
    return new ExperimentResult(output, outcomes, reportPage, sweepPages, csv, unfinished);
  }

  /** One run, claimed by this worker: trained (or resumed), evaluated, marked done or failed. */
  private RunOutcome work(RunState state, RunClaim claim, int total) throws IOException {
    Path log = state.folder().resolve(RunClaim.LOG);
    try (claim;
        PrintWriter runLog = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
      currentLog = runLog;
      runLog.println("== claim " + claim.holder().number() + ": " + claim.holder().describe());
      RunOutcome outcome = runOne(state.run(), state.index(), total);
      if (claim.markDone()) {
        stage("    finished");
      } else {
        stage("    not marked done: another worker took this run over while this one was late");
      }
      return outcome;
    } catch (IOException | RuntimeException | Error e) {
      currentLog = null;
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      try (PrintWriter trace = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
        e.printStackTrace(trace);
      }
      claim.markFailed(reason, log);
      stage("run %d/%d %s: failed: %s (log: %s)", state.index(), total, state.run().name(), reason, log);
      throw e;
    } finally {
      currentLog = null;
    }
  }

  /** Runs a step under the report folder's lock, waiting while another worker writes the report. */
  private <T> T withReportLock(IoSupplier<T> step) throws IOException {
    Path folder = output.resolve("report");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
    while (true) {
      try (FolderLock lock = FolderLock.acquire(folder, "writing the comparison report")) {
        return step.get();
      } catch (FolderLock.FolderInUseException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        sleep(Duration.ofMillis(200));
      }
    }
  }

  @FunctionalInterface
  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for other workers");
    }
  }

  private void checkFits(ExperimentPlan plan, Task task) {
    if (spec.task() != null) {
      checkArgument(
          Task.fromId(spec.task()) == task,
          "the experiment is declared for the %s task, but %s holds %s data",
          spec.task(),
          data,
          task.id());
    }
    if (task == Task.CULTURE) {
      for (PlannedRun run : plan.runs()) {
        checkArgument(
            run.recipe().head().kind() == HeadChoice.Kind.AUTO,
            "run '%s' has a year head (%s), but %s holds culture data",
            run.name(),
            run.recipe().head(),
            data);
      }
    }
  }

  /**
   * Checks, before any run starts, that the prepared folder has an image cache for every input
   * size of the plan (the rule training follows: {@link PreparedTraining#cacheFor}).
   *
   * @throws IOException naming the folder, the missing sizes, the runs that need them and how to
   *     prepare them
   */
  private void checkImageCaches(ExperimentPlan plan, Task task) throws IOException {
    PreparedTraining training = PreparedTraining.on(data);
    Map<Integer, Boolean> fits = new TreeMap<>();
    Map<Integer, List<String>> missing = new TreeMap<>();
    for (PlannedRun run : plan.runs()) {
      int size = run.recipe().inputSize();
      Boolean fit = fits.get(size);
      if (fit == null) {
        fit = training.cacheFor(size).isPresent();
        fits.put(size, fit);
      }
      if (!fit) {
        missing.computeIfAbsent(size, s -> new ArrayList<>()).add(run.name());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    List<String> runs = missing.values().stream().flatMap(List::stream).toList();
    String sizes = String.join(", ", missing.keySet().stream().map(size -> size + " px").toList());
    List<String> keys = training.cacheKeys();
    throw new IOException(
        data + ": no image cache for the " + sizes + " input" + (missing.size() == 1 ? "" : "s")
            + " of " + runs.size() + (runs.size() == 1 ? " run" : " runs") + " (e.g. '" + runs.get(0) + "')"
            + (keys.isEmpty() ? "; it has no image cache" : "; it holds " + String.join(", ", keys))
            + ": add " + (missing.size() == 1 ? "it" : "them") + " with the folder's recipe: metart prepare --csv FILE --task "
            + task.id() + " [recipe options] --images DIR --image-size "
            + (missing.size() == 1 ? missing.keySet().iterator().next() : "PX") + " --out " + data
            + (missing.size() == 1 ? "" : " (once per size)"));
  }

  /**
   * Checks that a folder can hold this experiment, before anything is written into it (the demo
   * presets call it before they prepare their data in {@code output/data}): it must be new, empty
   * (but for {@code data/}), or hold this experiment's {@code experiment.json} to continue (whose
   * split and data are checked again when the experiment runs).
   *
   * @throws IOException naming the folder when it is a file, holds other files or another
   *     experiment
   */
  public static void checkOutput(Path output, ExperimentSpec spec) throws IOException {
    Path folder = output.toAbsolutePath().normalize();
    Path file = folder.resolve(EXPERIMENT_FILE);
    if (Files.isRegularFile(file)) {
      if (!Objects.equals(ExperimentFile.read(file).spec(), JSON.readTree(spec.toJson()))) {
        throw anotherExperiment(file, List.of("the spec differs"));
      }
      return;
    }
    if (Files.exists(folder)) {
      if (!Files.isDirectory(folder)) {
        throw new IOException(folder + ": exists and is not a folder");
      }
      try (Stream<Path> entries = Files.list(folder)) {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(p -> names.add(p.getFileName().toString()));
        names.remove("data"); // the demo presets prepare their data here first
        if (!names.isEmpty()) {
          throw new IOException(
              folder + ": is not empty and holds no " + EXPERIMENT_FILE + ": choose a new or empty folder");
        }
      }
    }
  }

  private static IOException anotherExperiment(Path file, List<String> differences) {
    return new IOException(
        file + ": this folder holds another experiment (" + String.join("; ", differences)
            + "): continue it with the same spec, or choose another --out");
  }

  /** Writes {@code experiment.json}, or checks that the folder's experiment is this one. */
  private void startOrContinue(String manifestSha256) throws IOException {
    Path file = output.resolve(EXPERIMENT_FILE);
    ExperimentFile record =
        new ExperimentFile(JSON.readTree(spec.toJson()), split.id(), data.toAbsolutePath().normalize().toString(), manifestSha256);
    if (Files.isRegularFile(file)) {
      ExperimentFile before = ExperimentFile.read(file);
      List<String> differences = new ArrayList<>();
      if (!Objects.equals(before.spec(), record.spec())) {
        differences.add("the spec differs");
      }
      if (!split.id().equals(before.split())) {
        differences.add("it was evaluated on the " + before.split() + " split");
      }
      if (!manifestSha256.equals(before.dataManifestSha256())) {
        differences.add("it was run on other data" + (before.data() == null ? "" : " (" + before.data() + ")"));
      }
      if (!differences.isEmpty()) {
        throw anotherExperiment(file, differences);
      }
      stage("continuing the experiment in %s", output);
      return;
    }
    checkOutput(output, spec);
    Files.createDirectories(output);
    Files.writeString(file, JSON.writeValueAsString(record) + "\n", StandardCharsets.UTF_8);
  }

  private RunOutcome runOne(PlannedRun run, int index, int total) throws IOException {
    Path folder = output.resolve("runs").resolve(run.folderName());
    Path train = folder.resolve("train");
    Path report = folder.resolve("report");
    String label = String.format(Locale.ROOT, "run %d/%d %s", index, total, run.name());
    RunOutcome.How how;
    Trainer.Builder trainer = Trainer.builder().outputDirectory(train);
    listeners.forEach(trainer::listener);
    PreparedTraining training = PreparedTraining.on(data);
    if (finished(train)) {
      stage("%s: trained earlier, evaluating", label);
      how = RunOutcome.How.RESUMED;
    } else if (PreparedTraining.canResume(train)) {
      stage("%s: resuming from %s", label, output.relativize(train.resolve("checkpoints").resolve(CheckpointStore.LAST)));
      FitResult fit = training.resume(run.recipe(), run.trainingSettings(spec.training()).config(), trainer.build());
      stage("    %s", fit.message());
      how = RunOutcome.How.RESUMED;
    } else {
      deleteRecursively(train); // a run killed before its first checkpoint starts over
      stage("%s: training", label);
      FitResult fit = training.train(run.recipe(), run.trainingSettings(spec.training()).config(), trainer.build());
      stage("    %s", fit.message());
      how = RunOutcome.How.TRAINED;
    }
    List<EvaluationReport> evaluations =
        new ModelEvaluation(data, split, run.name(), spec.evaluationViews())
            .evaluate(train.resolve(FitResult.MODEL_FOLDER));
    Optional<RunCurves> curves = RunCurves.read(run.name(), train);
    ModelEvaluation.writeReports(spec.title() + ": " + run.name(), evaluations, curves, report);
    List<MetricsSummary> summaries = new ArrayList<>();
    for (EvaluationReport evaluation : evaluations) {
      stage("    %s", evaluation.summaryLine());
      summaries.add(MetricsSummary.of(evaluation));
    }
    return new RunOutcome(run, how, folder, MetricsSummary.combined(summaries), curves);
  }

  private static boolean finished(Path train) throws IOException {
    if (!ModelFolder.isModelFolder(train.resolve(FitResult.MODEL_FOLDER))
        || !Files.isRegularFile(train.resolve(HistoryFiles.JSON))) {
      return false;
    }
    return HistoryFiles.read(train).status().isFinished();
  }

  /** The headline of a finished run's report: its metrics.json, or a culture+year model's two combined. */
  private static MetricsSummary finishedSummary(Path report) throws IOException {
    Path metrics = report.resolve(EvaluationFiles.METRICS_JSON);
    if (Files.isRegularFile(metrics)) {
      return readSummary(metrics);
    }
    List<MetricsSummary> summaries = new ArrayList<>();
    for (Task task : List.of(Task.CULTURE, Task.YEAR)) {
      summaries.add(readSummary(report.resolve(task.id()).resolve(EvaluationFiles.METRICS_JSON)));
    }
    return MetricsSummary.combined(summaries);
  }

  private static MetricsSummary readSummary(Path metrics) throws IOException {
    try {
      return MetricsJson.readSummary(metrics);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Writes the comparisons of the given (finished) runs; returns each sweep's page when there are several. */
  private Map<String, Path> writeComparisons(ExperimentPlan plan, List<RunOutcome> outcomes) {
    Map<String, RunOutcome> byName = new LinkedHashMap<>();
    outcomes.forEach(o -> byName.put(o.run().name(), o));
    Path reportFolder = output.resolve("report");
    String description =
        spec.description()
            + (spec.description().isEmpty() ? "" : " ")
            + "Each run was trained with " + spec.training().config().describe().replace("\n", "; ")
            + (outcomes.stream().anyMatch(o -> o.run().training() != null)
                ? " (the runs of a training sweep change it as their names say)"
                : "")
            + ", and evaluated on the " + split.id() + " split of " + data.getFileName() + ".";
    ComparisonReport.of(spec.title(), description, compared(outcomes, "../")).writeTo(reportFolder);
    Map<String, Path> pages = new LinkedHashMap<>();
    if (plan.sweeps().size() > 1) {
      for (Map.Entry<String, List<String>> sweep : plan.sweeps().entrySet()) {
        // only the runs finished so far: the page is written again as others finish
        List<RunOutcome> runs = sweep.getValue().stream().map(byName::get).filter(Objects::nonNull).toList();
        if (runs.isEmpty()) {
          continue;
        }
        Path folder = reportFolder.resolve("sweeps").resolve(PlannedRun.folderName(sweep.getKey()));
        ComparisonReport.of(spec.title() + ": " + sweep.getKey(), description, compared(runs, "../../../"))
            .writeTo(folder);
        pages.put(sweep.getKey(), folder.resolve(ComparisonReport.PAGE));
      }
    }
    return pages;
  }

  private static List<ComparedRun> compared(List<RunOutcome> outcomes, String up) {
    List<ComparedRun> runs = new ArrayList<>();
    for (RunOutcome outcome : outcomes) {
      ComparedRun run =
          ComparedRun.of(outcome.run().name(), outcome.metrics())
              .withLink(up + "runs/" + outcome.run().folderName() + "/report/index.html");
      runs.add(outcome.curves().map(run::withCurves).orElse(run));
    }
    return runs;
  }

  private Path writeResults(List<RunOutcome> outcomes) throws IOException {
    List<HeadlineMetric> metrics = new ArrayList<>();
    for (HeadlineMetric metric : HeadlineMetric.values()) {
      if (outcomes.stream().anyMatch(o -> o.metrics().headline().containsKey(metric))) {
        metrics.add(metric);
      }
    }
    StringBuilder csv =
        new StringBuilder("run,folder,architecture,input_size,hidden_units,dropout,batch_norm,stem_layers,head,objects");
    metrics.forEach(m -> csv.append(',').append(m.key()));
    csv.append('\n');
    for (RunOutcome outcome : outcomes) {
      var recipe = outcome.run().recipe();
      csv.append(quote(outcome.run().name())).append(',')
          .append(outcome.run().folderName()).append(',')
          .append(recipe.architecture()).append(',')
          .append(recipe.inputSize()).append(',')
          .append(recipe.hiddenUnits() == null ? "" : recipe.hiddenUnits()).append(',')
          .append(recipe.dropout() == null ? "" : recipe.dropout()).append(',')
          .append(recipe.batchNorm() == null ? "" : recipe.batchNorm()).append(',')
          .append(recipe.stemLayers()).append(',')
          .append(recipe.head()).append(',')
          .append(outcome.metrics().count());
      for (HeadlineMetric metric : metrics) {
        Double value = outcome.metrics().headline().get(metric);
        csv.append(',').append(value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", value));
      }
      csv.append('\n');
    }
    Path file = output.resolve("results.csv");
    AtomicFiles.write(file, out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
    return file;
  }

  private static String quote(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(folder)) {
      entries = walk.sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
    }
    for (Path entry : entries) {
      Files.delete(entry);
    }
  }

  private void stage(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    if (stages != null) {
      stages.println(line);
      stages.flush();
    }
    PrintWriter log = currentLog;
    if (log != null) {
      log.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
      log.flush();
    }
  }

  /** Builds an {@link ExperimentRunner}. */
  public static final class Builder {
    private ExperimentSpec spec;
    private Path data;
    private Path output;
    private Split split;
    private PrintWriter stages;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Duration staleAfter = RunClaim.DEFAULT_STALE_AFTER;
    private Integer runIndex;

    private Builder() {}

    /**
     * How old a claim's heartbeat may be before its worker counts as dead and the run is taken over
     * (default {@link RunClaim#DEFAULT_STALE_AFTER}).
     */
    public Builder staleAfter(Duration value) {
      checkArgument(value != null && !value.isNegative() && !value.isZero(), "the stale timeout must be positive, got %s", value);
      this.staleAfter = value;
      return this;
    }

    /**
     * Works on one run only, by its number in the plan (from 1, as {@link RunState#index()}): a
     * cluster's array task. Default: every run a worker can claim.
     */
    public Builder runIndex(int index) {
      checkArgument(index >= 1, "the run index counts from 1, got %s", index);
      this.runIndex = index;
      return this;
    }

    /** The experiment. */
    public Builder spec(ExperimentSpec value) {
      this.spec = Objects.requireNonNull(value, "spec");
      return this;
    }

    /** The prepared folder (written by {@code metart prepare} with images). */
    public Builder data(Path folder) {
      this.data = Objects.requireNonNull(folder, "data");
      return this;
    }

    /** The experiment's folder: new, empty, or holding this experiment to continue. */
    public Builder output(Path folder) {
      this.output = Objects.requireNonNull(folder, "output");
      return this;
    }

    /** The split every run is evaluated on (default validation: the test split stays unseen). */
    public Builder split(Split value) {
      this.split = Objects.requireNonNull(value, "split");
      return this;
    }

    /** Where to print one line per step (default: nowhere). */
    public Builder stages(PrintWriter out) {
      this.stages = out;
      return this;
    }

    /** Adds a listener to every run's training, e.g. a progress bar. */
    public Builder listener(TrainingListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The runner. Without a spec, the output folder's {@code experiment.json} gives the spec, the
     * data and the split (another worker joining, or a cluster task).
     *
     * @throws IOException naming the output folder when no spec is given and it holds no
     *     experiment, or its {@code experiment.json} when that cannot be read
     */
    public ExperimentRunner build() throws IOException {
      if (spec == null && output != null) {
        Path file = output.resolve(EXPERIMENT_FILE);
        if (!Files.isRegularFile(file)) {
          throw new IOException(output + ": holds no " + EXPERIMENT_FILE + ": give the experiment (a spec) to start one there");
        }
        ExperimentFile record = ExperimentFile.read(file);
        try {
          spec = ExperimentSpec.parse(record.spec().toString(), file + " (spec)");
        } catch (IOException e) {
          throw new IOException(file + ": not a valid experiment record: " + e.getMessage(), e);
        }
        if (data == null && record.data() != null) {
          data = Path.of(record.data());
        }
        if (split == null && record.split() != null) {
          split = Split.fromId(record.split());
        }
      }
      if (split == null) {
        split = Split.VALIDATION;
      }
      return new ExperimentRunner(this);
    }
  }
}
