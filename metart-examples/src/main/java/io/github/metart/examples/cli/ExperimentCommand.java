package io.github.metart.examples.cli;

import io.github.metart.data.dataset.Split;
import io.github.metart.examples.endtoend.DemoDatasets;
import io.github.metart.examples.endtoend.DemoSize;
import io.github.metart.eval.experiment.ExperimentPreset;
import io.github.metart.eval.experiment.ExperimentResult;
import io.github.metart.eval.experiment.ExperimentRunner;
import io.github.metart.eval.experiment.ExperimentSpec;
import io.github.metart.eval.experiment.InputChoice;
import io.github.metart.eval.experiment.RunOutcome;
import io.github.metart.eval.experiment.RunState;
import io.github.metart.eval.experiment.SlurmSubmission;
import java.nio.file.Files;
import io.github.metart.eval.experiment.Sweep;
import io.github.metart.train.config.TrainingSettings;
import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.listeners.ProgressBar;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart experiment (--spec FILE | --preset NAME | --model ARCH [sweeps]) [--data DIR] --out
 * DIR}: runs a declared sweep, one folder per run, and writes the comparison report. The same
 * command continues an interrupted sweep.
 */
@Command(
    name = "experiment",
    header = "Run a sweep of training runs and write their comparison report.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run a sweep of training runs on a prepared folder and compare them: each run is trained",
      "(Trainer.fit), evaluated on --split and reported in DIR/runs/NAME/; DIR/report/index.html",
      "compares them. Declare the sweep in a JSON spec (--spec; --print-spec shows one), take a",
      "--preset, or list the values on the command line (each list is one sweep around --model).",
      "Run the same command again to continue an interrupted sweep: finished runs are skipped, a",
      "half-done run resumes from its checkpoint. Several processes (on one machine or several",
      "sharing DIR) can work on one experiment at once: start more with --out DIR alone; each run",
      "is claimed by one, a run whose worker died is taken over after --stale-after. --status",
      "lists the runs; --slurm submits them as a Slurm job array (one task per run).",
      "Presets: demo (= demo-culture), demo-year: minutes on a CPU, on the demo's generated data",
      "(prepared into DIR/data unless --data is given); classic-culture, classic-year: the full",
      "study (AlexNet/VGG-16/ResNet-50, hidden units, dropout, batch norm, 224 vs 448 px, year",
      "head), for a GPU and a folder prepared at 448 px or more.",
      "Example: metart experiment --preset demo --out experiments/demo"
    })
final class ExperimentCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source = new Source();

  /** Where the experiment comes from. */
  static final class Source {
    @Option(names = "--spec", paramLabel = "FILE", description = "A JSON experiment spec.")
    Path specFile;

    @Option(names = "--preset", paramLabel = "NAME", description = ExperimentPreset.NAMES + ".")
    String preset;

    @Option(names = "--model", paramLabel = "ARCH", description = "The base model of sweeps listed on the command line, e.g. resnet18.")
    String model;
  }

  @Option(names = "--data", paramLabel = "DIR", description = "The prepared folder (metart prepare with images); optional for the demo presets.")
  Path data;

  @Option(names = "--out", paramLabel = "DIR", description = "The experiment's folder (new, empty, or holding this experiment to continue); required unless --print-spec.")
  Path out;

  @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "validation", description = "The split every run is evaluated on: validation (default) or test.")
  String split;

  @Option(names = "--print-spec", description = "Print the experiment as a JSON spec and stop (a starting point for --spec).")
  boolean printSpec;

  // ---- a sweep on the command line
  @Option(names = "--input-size", paramLabel = "PX", description = "With --model: the base input size (default 224).")
  Integer inputSize;

  @Option(names = "--architectures", split = ",", paramLabel = "LIST", description = "Sweep: architectures, e.g. alexnet,vgg16,resnet50.")
  List<String> architectures;

  @Option(names = "--hidden-units", split = ",", paramLabel = "LIST", description = "Sweep: hidden units, e.g. 256,512,1024,2048,4096.")
  List<Integer> hiddenUnits;

  @Option(names = "--dropout", split = ",", paramLabel = "LIST", description = "Sweep: dropout rates, e.g. 0,0.2,0.4,0.6,0.8.")
  List<Double> dropout;

  @Option(names = "--batch-norm", split = ",", paramLabel = "LIST", description = "Sweep: batch norm off and/or on, e.g. off,on.")
  List<String> batchNorm;

  @Option(names = "--inputs", split = ",", paramLabel = "LIST", description = "Sweep: input sizes, SIZE or SIZE+stem, e.g. 224,448+stem.")
  List<String> inputs;

  @Option(names = "--heads", split = ",", paramLabel = "LIST", description = "Sweep (year data): year heads, e.g. direct,binned:8.")
  List<String> heads;

  // ---- training overrides
  @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run (overrides the spec's).")
  Integer epochs;

  @Option(names = "--batch-size", paramLabel = "N", description = "Images per step (overrides the spec's).")
  Integer batchSize;

  @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, adam or adamw (overrides the spec's).")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (overrides the spec's).")
  Double learningRate;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of every run (overrides the spec's; default 42).")
  Long seed;

  @Option(names = "--devices", paramLabel = "LIST", description = "auto, cpu or GPU indices such as 0,1 (overrides the spec's).")
  String devices;

  @Option(names = "--threads", paramLabel = "N", description = "CPU compute threads (default: one per processor).")
  Integer threads;

  @Mixin PretrainedOptions pretrained;

  @Option(names = "--no-progress", description = "No training progress bar on stderr.")
  boolean noProgress;

  // ---- workers sharing the folder
  @Option(names = "--status", description = "List the runs of the experiment in --out: pending, running (which worker), finished or failed (reason, log); runs nothing.")
  boolean status;

  @Option(names = "--run-index", paramLabel = "N", description = "Work on run N only (from 1, as --status numbers them): what each task of a cluster job array does.")
  Integer runIndex;

  @Option(names = "--report-only", description = "Write the comparison report of the runs finished so far; runs nothing.")
  boolean reportOnly;

  @Option(names = "--stale-after", paramLabel = "SECONDS", description = "A run whose worker sent no heartbeat for this long is taken over and resumed (default 120).")
  Integer staleAfter;

  // ---- Slurm
  @Option(names = "--slurm", description = "Submit the unfinished runs to Slurm: a job array (one task per run, logs in DIR/slurm/logs/) and a report job after it; run again to resubmit what did not finish.")
  boolean slurm;

  @Option(names = "--dry-run", description = "With --slurm: write the job scripts into DIR/slurm/ but submit nothing.")
  boolean dryRun;

  @Option(names = "--partition", paramLabel = "NAME", description = "With --slurm: the partition.")
  String partition;

  @Option(names = "--account", paramLabel = "NAME", description = "With --slurm: the account charged.")
  String account;

  @Option(names = "--gpus-per-run", paramLabel = "N", description = "With --slurm: GPUs of each run (--gres=gpu:N).")
  Integer gpusPerRun;

  @Option(names = "--cpus", paramLabel = "N", description = "With --slurm: CPUs of each run (--cpus-per-task).")
  Integer cpus;

  @Option(names = "--mem", paramLabel = "SIZE", description = "With --slurm: memory of each run, e.g. 32G.")
  String memory;

  @Option(names = "--time", paramLabel = "LIMIT", description = "With --slurm: time limit of each run, e.g. 12:00:00.")
  String time;

  @Option(names = "--sbatch-line", paramLabel = "OPTION", description = "With --slurm: one more #SBATCH line, e.g. --qos=debug (repeatable).")
  List<String> sbatchLines;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (source.specFile == null && source.preset == null && source.model == null
        && out != null && Files.isRegularFile(out.resolve(ExperimentRunner.EXPERIMENT_FILE))) {
      return continueInFolder(stdout);
    }
    if (source.specFile == null && source.preset == null && source.model == null
        && out != null && (status || reportOnly || runIndex != null)) {
      throw new ParameterException(spec.commandLine(),
          out + " holds no experiment (no " + ExperimentRunner.EXPERIMENT_FILE
              + "): start one there with --spec FILE, --preset NAME or --model ARCH");
    }
    ExperimentSpec experiment = experiment();
    if (printSpec) {
      stdout.print(experiment.toJson());
      stdout.flush();
      return 0;
    }
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "--out DIR is required");
    }
    Split chosenSplit = parse("--split", split, Split::fromId);
    try {
      experiment.fetchPretrained(pretrained.cache()); // before any run: a refused download stops at once
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--pretrained: " + e.getMessage(), e);
    }
    ExperimentPreset preset = source.preset == null ? null : ExperimentPreset.named(source.preset);
    Path dataFolder = data;
    if (dataFolder == null) {
      if (preset == null || !preset.usesDemoData()) {
        throw new ParameterException(spec.commandLine(), "--data DIR is required (only the demo presets make their own data)");
      }
      ExperimentRunner.checkOutput(out, experiment); // before minutes of preparing data into it
      stdout.println("preparing the demo's generated data (GENERATED images, not Met photographs) in " + out.resolve("data"));
      stdout.flush();
      DemoDatasets datasets =
          DemoDatasets.prepareOnce(out.resolve("data"), DemoSize.STANDARD, experiment.training().config().seed(), threads());
      dataFolder = preset.task().equals("culture") ? datasets.culture() : datasets.year();
    }
    ExperimentRunner.Builder runner =
        ExperimentRunner.builder().spec(experiment).data(dataFolder).output(out).split(chosenSplit).stages(stdout);
    return work(runner, stdout);
  }

  /** {@code --out DIR} alone: the experiment recorded in DIR (another worker, a cluster task, --status). */
  private Integer continueInFolder(PrintWriter stdout) throws IOException {
    boolean overrides =
        epochs != null || batchSize != null || optimizer != null || learningRate != null || seed != null
            || devices != null || architectures != null || hiddenUnits != null || dropout != null
            || batchNorm != null || inputs != null || heads != null || inputSize != null || data != null;
    if (overrides) {
      throw new ParameterException(spec.commandLine(),
          "without --spec, --preset or --model the experiment recorded in " + out.resolve(ExperimentRunner.EXPERIMENT_FILE)
              + " is continued as it is: leave out the training, sweep and --data options");
    }
    ExperimentRunner.Builder runner = ExperimentRunner.builder().output(out).stages(stdout);
    if (!"validation".equals(split)) {
      runner.split(parse("--split", split, Split::fromId));
    }
    return work(runner, stdout);
  }

  private Integer work(ExperimentRunner.Builder runner, PrintWriter stdout) throws IOException {
    if (staleAfter != null) {
      CliOptions.requirePositive(spec, "--stale-after", staleAfter);
      runner.staleAfter(java.time.Duration.ofSeconds(staleAfter));
    }
    if (runIndex != null) {
      CliOptions.requirePositive(spec, "--run-index", runIndex);
      runner.runIndex(runIndex);
    }
    boolean slurmOptions =
        dryRun || partition != null || account != null || gpusPerRun != null || cpus != null || memory != null
            || time != null || sbatchLines != null;
    if (slurmOptions && !slurm) {
      throw new ParameterException(spec.commandLine(), "--dry-run, --partition, --account, --gpus-per-run, --cpus, --mem, --time and --sbatch-line go with --slurm");
    }
    if (slurm) {
      if (status || reportOnly || runIndex != null) {
        throw new ParameterException(spec.commandLine(), "--slurm submits the runs: leave out --status, --report-only and --run-index");
      }
      SlurmSubmission.Options options =
          usage(() -> new SlurmSubmission.Options(partition, account, gpusPerRun, cpus, memory, time, sbatchLines));
      SlurmSubmission.Result submitted =
          SlurmSubmission.builder().runner(runner.build()).options(options).launcher(launcher()).dryRun(dryRun).build().submit();
      printSubmission(submitted, stdout);
      return 0;
    }
    if (status) {
      List<RunState> states = runner.build().status();
      for (RunState state : states) {
        stdout.println(state.describe());
      }
      Map<RunState.Phase, Long> counts = new java.util.EnumMap<>(RunState.Phase.class);
      states.forEach(s -> counts.merge(s.phase(), 1L, Long::sum));
      List<String> parts = new ArrayList<>();
      counts.forEach((phase, count) -> parts.add(count + " " + phase.id()));
      stdout.println(states.size() + " runs: " + String.join(", ", parts));
      stdout.flush();
      return 0;
    }
    if (!noProgress && !reportOnly) { // epoch summaries come from the log
      runner.listener(
          new ProgressBar(
              new PrintStream(System.err, true, StandardCharsets.UTF_8), System.console() != null, false));
    }
    ExperimentResult result = reportOnly ? runner.build().report() : runner.build().run();
    stdout.println();
    stdout.printf(Locale.ROOT, "%d runs: %d trained, %d resumed, %d done earlier%n",
        result.runs().size(),
        result.count(RunOutcome.How.TRAINED),
        result.count(RunOutcome.How.RESUMED),
        result.count(RunOutcome.How.SKIPPED));
    for (RunOutcome run : result.runs()) {
      stdout.println("  " + run.run().name() + ": " + headline(run));
    }
    stdout.println(result.runs().isEmpty() ? "report: none yet (no run has finished)" : "report: " + result.reportPage());
    for (Map.Entry<String, Path> page : result.sweepPages().entrySet()) {
      stdout.println("  " + page.getKey() + ": " + page.getValue());
    }
    stdout.println("results: " + result.resultsCsv());
    boolean failed = false;
    if (!result.unfinished().isEmpty()) {
      stdout.println(result.unfinished().size() + " runs not finished:");
      for (RunState state : result.unfinished()) {
        stdout.println("  " + state.describe().strip());
        failed |= state.phase() == RunState.Phase.FAILED && (runIndex == null || state.index() == runIndex);
      }
    }
    stdout.flush();
    return failed ? MetartCli.EXIT_FAILURE : 0;
  }

  private void printSubmission(SlurmSubmission.Result submitted, PrintWriter stdout) {
    for (RunState held : submitted.held()) {
      stdout.println("left to its live worker: " + held.describe().strip());
    }
    if (submitted.runs().isEmpty()) {
      stdout.println(submitted.held().isEmpty()
          ? "every run is finished: nothing to submit (report: " + out.resolve("report/index.html") + ")"
          : "nothing to submit: every other run is finished");
    } else if (submitted.arrayJob().isEmpty()) {
      stdout.println("dry run: " + submitted.runs().size() + " runs in " + submitted.arrayScript() + ", report job " + submitted.reportScript());
      stdout.println("submit with: sbatch " + submitted.arrayScript() + ", then sbatch --dependency=afterany:ID " + submitted.reportScript());
    } else {
      stdout.println("submitted " + submitted.runs().size() + " runs as job array " + submitted.arrayJob().get()
          + " and the report as job " + submitted.reportJob().get() + " after it");
      stdout.println("logs: " + submitted.logs());
    }
    stdout.println("follow with: metart experiment --out " + out + " --status");
    stdout.flush();
  }

  /** The command that runs this command line on a cluster node: this JVM, its options and class path. */
  private static List<String> launcher() {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String argument : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-D") || argument.startsWith("-Xmx") || argument.startsWith("-Xss")) {
        command.add(argument);
      }
    }
    String offline = System.getProperty("ai.djl.offline");
    if (offline != null && command.stream().noneMatch(a -> a.startsWith("-Dai.djl.offline="))) {
      command.add("-Dai.djl.offline=" + offline); // set by the build or an application, not on the command line
    }
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
      }
    }
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, entries));
    command.add(MetartCli.class.getName());
    return command;
  }

  private static String headline(RunOutcome run) {
    List<String> parts = new ArrayList<>();
    run.metrics().headline().entrySet().stream()
        .limit(2)
        .forEach(e -> parts.add(e.getKey().displayName() + " " + e.getKey().format(e.getValue())));
    return String.join(", ", parts) + " (" + run.metrics().split() + ", " + run.metrics().count() + " objects)";
  }

  private int threads() {
    if (threads == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    CliOptions.requirePositive(spec, "--threads", threads);
    return threads;
  }

  /** The experiment from the spec file, the preset or the command line, with the overrides. */
  ExperimentSpec experiment() throws IOException {
    boolean listed =
        architectures != null || hiddenUnits != null || dropout != null || batchNorm != null
            || inputs != null || heads != null || inputSize != null;
    ExperimentSpec base;
    if (source.specFile != null || source.preset != null) {
      if (listed) {
        throw new ParameterException(spec.commandLine(),
            "sweeps are declared in the spec or preset; list them on the command line only with --model ARCH");
      }
      base = source.specFile != null
          ? ExperimentSpec.read(CliOptions.existingFile(source.specFile))
          : parse("--preset", source.preset, ExperimentPreset::named).spec();
    } else if (source.model != null) {
      base = fromCommandLine();
    } else {
      throw new ParameterException(spec.commandLine(), "say what to run: --spec FILE, --preset NAME or --model ARCH with sweeps");
    }
    TrainingSettings.Builder training = base.training().toBuilder();
    if (epochs != null) {
      training.epochs(epochs);
    }
    if (batchSize != null) {
      training.batchSize(batchSize);
    }
    if (optimizer != null) {
      training.optimizer(optimizer);
    }
    if (learningRate != null) {
      training.learningRate(learningRate);
    }
    if (seed != null) {
      training.seed(seed);
    }
    if (devices != null) {
      training.devices(devices);
    }
    if (threads != null) {
      training.cpuThreads(threads());
    }
    TrainingSettings settings = usage(training::build);
    ExperimentSpec experiment =
        new ExperimentSpec(
            base.title(), base.description(), base.task(), base.base(), settings, base.sweeps(),
            base.testTimeAugmentation());
    return pretrained.source == null ? experiment : usage(() -> experiment.withPretrained(pretrained.source));
  }

  private ExperimentSpec fromCommandLine() {
    ModelRecipe base = usage(() -> ModelRecipe.of(source.model, inputSize == null ? 224 : CliOptions.size(spec, "--input-size", inputSize)));
    List<Sweep> sweeps = new ArrayList<>();
    if (architectures != null) {
      sweeps.add(Sweep.architectures("architecture", architectures));
    }
    if (hiddenUnits != null) {
      sweeps.add(Sweep.hiddenUnits("hidden units", hiddenUnits));
    }
    if (dropout != null) {
      sweeps.add(Sweep.dropout("dropout", dropout));
    }
    if (batchNorm != null) {
      sweeps.add(Sweep.batchNorm("batch norm", batchNorm.stream().map(this::onOff).toList()));
    }
    if (inputs != null) {
      sweeps.add(Sweep.inputs("input size", inputs.stream().map(i -> parse("--inputs", i, InputChoice::parse)).toList()));
    }
    if (heads != null) {
      sweeps.add(Sweep.heads("year head", heads.stream().map(h -> parse("--heads", h, HeadChoice::parse)).toList()));
    }
    return usage(() -> new ExperimentSpec(null, null, null, base, null, sweeps));
  }

  private boolean onOff(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw new ParameterException(spec.commandLine(), "--batch-norm: use on or off, got '" + text + "'");
    };
  }

  private <T> T parse(String option, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  private <T> T usage(java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
