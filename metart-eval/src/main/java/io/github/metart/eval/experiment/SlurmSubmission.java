package io.github.metart.eval.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An experiment submitted to a Slurm cluster: a job array with one task per unfinished run, each
 * task a worker for its own run ({@code experiment --out DIR --run-index $SLURM_ARRAY_TASK_ID}), and
 * a report job that starts when the array has ended, however its tasks ended ({@code
 * --dependency=afterany}). The scripts are written into {@code DIR/slurm/}, the tasks' logs go to
 * {@code DIR/slurm/logs/run-INDEX-JOB.out}, and every submission is appended to {@code
 * DIR/slurm/submissions.log}.
 *
 * <p>Submitting again submits only the runs that are not finished (pending, failed, or whose worker
 * died); a run still held by a live worker is left to it. Since runs are claimed ({@link RunClaim}),
 * a task whose run another task already finished ends at once.
 *
 * <pre>{@code
 * SlurmSubmission.Result result =
 *     SlurmSubmission.builder()
 *         .runner(runner)
 *         .options(new SlurmSubmission.Options("gpu", "myproject", 1, 8, "32G", "12:00:00", List.of()))
 *         .launcher(List.of("/opt/metart/metart"))
 *         .build()
 *         .submit();
 * }</pre>
 */
public final class SlurmSubmission {

  /** The folder of the scripts and logs, inside the experiment's folder. */
  public static final String FOLDER = "slurm";

  private static final Pattern JOB_ID = Pattern.compile("\\d+(_\\d+)?");

  /**
   * What every task asks of Slurm; {@code null} (or empty) leaves a value to the cluster's default.
   *
   * @param partition the partition ({@code --partition})
   * @param account the account charged ({@code --account})
   * @param gpusPerRun GPUs of each run ({@code --gres=gpu:N})
   * @param cpus CPUs of each run ({@code --cpus-per-task})
   * @param memory memory of each run, e.g. {@code 16G} ({@code --mem})
   * @param time the time limit of each run, e.g. {@code 04:00:00} ({@code --time})
   * @param extraLines more {@code #SBATCH} lines, e.g. {@code --qos=debug} (the {@code #SBATCH}
   *     prefix is optional)
   */
  public record Options(
      String partition,
      String account,
      Integer gpusPerRun,
      Integer cpus,
      String memory,
      String time,
      List<String> extraLines) {

    /** Validates the values: one line each, positive counts. */
    public Options {
      partition = oneWord("partition", partition);
      account = oneWord("account", account);
      memory = oneWord("memory", memory);
      time = oneWord("time", time);
      checkArgument(gpusPerRun == null || gpusPerRun >= 0, "GPUs per run must be 0 or more, got %s", gpusPerRun);
      checkArgument(cpus == null || cpus >= 1, "CPUs per run must be 1 or more, got %s", cpus);
      List<String> lines = new ArrayList<>();
      for (String line : extraLines == null ? List.<String>of() : extraLines) {
        checkArgument(line != null && !line.isBlank(), "an #SBATCH line is empty");
        checkArgument(!line.contains("\n") && !line.contains("\r"), "an #SBATCH line holds a line break: '%s'", line);
        String option = line.strip();
        option = option.startsWith("#SBATCH") ? option.substring("#SBATCH".length()).strip() : option;
        checkArgument(option.startsWith("-"), "an #SBATCH line is an sbatch option such as --qos=debug, got '%s'", line);
        lines.add(option);
      }
      extraLines = List.copyOf(lines);
    }

    /** Nothing asked: the cluster's defaults. */
    public static Options defaults() {
      return new Options(null, null, null, null, null, null, List.of());
    }

    private static String oneWord(String what, String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      checkArgument(!value.strip().matches(".*\\s.*"), "the %s must be one word, got '%s'", what, value);
      return value.strip();
    }
  }

  /**
   * What was written and submitted.
   *
   * @param arrayScript the job array's script ({@code DIR/slurm/runs.sbatch})
   * @param reportScript the report job's script ({@code DIR/slurm/report.sbatch})
   * @param runs the runs the array holds (their indices, from 1), empty when every run was finished
   *     or held
   * @param held runs left out because a live worker holds them
   * @param arrayJob the array's job id, when submitted
   * @param reportJob the report job's id, when submitted
   */
  public record Result(
      Path arrayScript,
      Path reportScript,
      List<RunState> runs,
      List<RunState> held,
      Optional<String> arrayJob,
      Optional<String> reportJob) {

    /** Copies the lists. */
    public Result {
      runs = List.copyOf(runs);
      held = List.copyOf(held);
    }

    /** The logs folder of the tasks and of the report job. */
    public Path logs() {
      return arrayScript.resolveSibling("logs");
    }
  }

  private final ExperimentRunner runner;
  private final Options options;
  private final List<String> launcher;
  private final boolean dryRun;
  private final String sbatch;
  private final Duration staleAfter;

  private SlurmSubmission(Builder builder) {
    this.runner = Objects.requireNonNull(builder.runner, "the experiment runner is missing");
    this.options = builder.options;
    checkArgument(builder.launcher != null && !builder.launcher.isEmpty(), "the launcher (the command that runs metart) is missing");
    this.launcher = List.copyOf(builder.launcher);
    this.dryRun = builder.dryRun;
    this.sbatch = builder.sbatch;
    this.staleAfter = runner.staleAfter();
  }

  /** A builder: the cluster's defaults, submitted with {@code sbatch} from the {@code PATH}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts (or checks) the experiment's folder, writes the scripts for the unfinished runs and
   * submits them, unless a dry run or every run is finished or held.
   *
   * @throws IOException naming sbatch when it is missing, or with sbatch's own error line (an
   *     unknown partition or account, a time limit over the partition's), or as {@link
   *     ExperimentRunner#prepare()}
   */
  public Result submit() throws IOException {
    runner.prepare();
    List<RunState> todo = new ArrayList<>();
    List<RunState> held = new ArrayList<>();
    for (RunState state : runner.status()) {
      switch (state.phase()) {
        case FINISHED -> { }
        case RUNNING -> held.add(state);
        default -> todo.add(state);
      }
    }
    Path folder = Files.createDirectories(runner.output().resolve(FOLDER));
    Files.createDirectories(folder.resolve("logs"));
    Path array = folder.resolve("runs.sbatch");
    Path report = folder.resolve("report.sbatch");
    String name = jobName(runner.spec().title());
    writeScript(report, reportScript(name, options, runner.output(), launcher));
    if (todo.isEmpty()) {
      return new Result(array, report, todo, held, Optional.empty(), Optional.empty());
    }
    List<Integer> indices = todo.stream().map(RunState::index).toList();
    writeScript(array, arrayScript(name, options, indices, runner.output(), launcher, staleAfter));
    if (dryRun) {
      return new Result(array, report, todo, held, Optional.empty(), Optional.empty());
    }
    String arrayJob = sbatch(List.of("--parsable"), array);
    String reportJob = sbatch(List.of("--parsable", "--dependency=afterany:" + arrayJob), report);
    Files.writeString(
        folder.resolve("submissions.log"),
        Instant.now().truncatedTo(ChronoUnit.SECONDS) + " array " + arrayJob + " runs " + arraySpec(indices)
            + ", report " + reportJob + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    return new Result(array, report, todo, held, Optional.of(arrayJob), Optional.of(reportJob));
  }

  /** Runs sbatch and returns the job id it printed (with {@code --parsable}: {@code ID[;CLUSTER]}). */
  private String sbatch(List<String> arguments, Path script) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(sbatch);
    command.addAll(arguments);
    command.add(script.toString());
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException(
          sbatch + ": not found (" + e.getMessage().replaceFirst("^Cannot run program \"[^\"]*\": ", "")
              + "): submit from a machine with Slurm's client (sbatch), or write the scripts only with a dry run", e);
    }
    String output;
    int exit;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(sbatch + " " + script + ": no answer within 2 minutes");
      }
      exit = process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while submitting " + script);
    }
    String first = output.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (exit != 0) {
      throw new IOException(sbatch + " " + script + " failed (exit " + exit + "): " + (first.isEmpty() ? "no message" : first));
    }
    String id = first.split(";", 2)[0].strip();
    if (!JOB_ID.matcher(id).matches()) {
      throw new IOException(sbatch + " " + script + ": expected a job id from --parsable, got '" + first + "'");
    }
    return id;
  }

  private static void writeScript(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: sbatch reads the script, it need not be executable
    }
  }

  /** The job array's script: one task per run index, each a worker for its own run. */
  static String arrayScript(
      String name, Options options, List<Integer> indices, Path output, List<String> launcher, Duration staleAfter) {
    StringBuilder script = header(name, options, true);
    script.append("#SBATCH --array=").append(arraySpec(indices)).append('\n');
    script.append("#SBATCH --output=").append(output.resolve(FOLDER).resolve("logs")).append("/run-%a-%A.out\n");
    script.append("\n# one run of the experiment in ").append(output).append(": the run numbered by this array task\n");
    script.append("set -eu\n");
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of("experiment", "--out", output.toString()));
    script.append("exec ").append(shellWords(command))
        .append(" --run-index \"$SLURM_ARRAY_TASK_ID\" --stale-after ").append(Math.max(1, staleAfter.toSeconds()))
        .append(" --no-progress\n");
    return script.toString();
  }

  /** The report job's script: the comparison of the runs that finished. */
  static String reportScript(String name, Options options, Path output, List<String> launcher) {
    StringBuilder script = header(name + "-report", options, false);
    script.append("#SBATCH --output=").append(output.resolve(FOLDER).resolve("logs")).append("/report-%j.out\n");
    script.append("\n# the comparison report of the runs of ").append(output).append(" that finished\n");
    script.append("set -eu\n");
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of("experiment", "--out", output.toString(), "--report-only"));
    script.append("exec ").append(shellWords(command)).append('\n');
    return script.toString();
  }

  private static StringBuilder header(String name, Options options, boolean run) {
    StringBuilder script = new StringBuilder("#!/bin/bash\n");
    script.append("# written by metart experiment --slurm; submit again with the same command\n");
    script.append("#SBATCH --job-name=").append(name).append('\n');
    line(script, "--partition=", options.partition());
    line(script, "--account=", options.account());
    line(script, "--time=", options.time());
    if (run) { // the report job needs one CPU and no GPU
      line(script, "--cpus-per-task=", options.cpus() == null ? null : options.cpus().toString());
      line(script, "--gres=gpu:", options.gpusPerRun() == null || options.gpusPerRun() == 0 ? null : options.gpusPerRun().toString());
      line(script, "--mem=", options.memory());
    }
    for (String extra : options.extraLines()) {
      script.append("#SBATCH ").append(extra).append('\n');
    }
    return script;
  }

  private static void line(StringBuilder script, String option, String value) {
    if (value != null) {
      script.append("#SBATCH ").append(option).append(value).append('\n');
    }
  }

  /** Slurm's array syntax for run indices: ranges of consecutive ones, e.g. {@code 1-3,5,7-8}. */
  static String arraySpec(List<Integer> indices) {
    checkArgument(!indices.isEmpty(), "no run to submit");
    List<Integer> sorted = indices.stream().sorted().distinct().toList();
    List<String> parts = new ArrayList<>();
    int start = sorted.get(0);
    int previous = start;
    for (int i = 1; i <= sorted.size(); i++) {
      if (i < sorted.size() && sorted.get(i) == previous + 1) {
        previous = sorted.get(i);
        continue;
      }
      parts.add(start == previous ? String.valueOf(start) : start + "-" + previous);
      if (i < sorted.size()) {
        start = sorted.get(i);
        previous = start;
      }
    }
    return String.join(",", parts);
  }

  /** A job name from the title: letters, digits, {@code -} and {@code _}, at most 40 characters. */
  static String jobName(String title) {
    String name = "metart-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    return name.length() > 40 ? name.substring(0, 40).replaceAll("-+$", "") : name;
  }

  /** Words quoted for bash: a word of only safe characters as it is, others in single quotes. */
  static String shellWords(List<String> words) {
    List<String> quoted = new ArrayList<>();
    for (String word : words) {
      quoted.add(word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }

  /** Builds a {@link SlurmSubmission}. */
  public static final class Builder {
    private ExperimentRunner runner;
    private Options options = Options.defaults();
    private List<String> launcher;
    private boolean dryRun;
    private String sbatch = "sbatch";

    private Builder() {}

    /** The experiment (its spec and folder; {@link ExperimentRunner#prepare()} starts it). */
    public Builder runner(ExperimentRunner value) {
      this.runner = Objects.requireNonNull(value, "runner");
      return this;
    }

    /** What each task asks of the cluster. */
    public Builder options(Options value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * The command that runs {@code metart} on the cluster's nodes, e.g. {@code [/opt/metart/metart]}
     * or {@code [java, -cp, CLASSPATH, io.github.metart.examples.cli.MetartCli]}; the tasks append
     * {@code experiment --out DIR ...}.
     */
    public Builder launcher(List<String> command) {
      this.launcher = List.copyOf(command);
      return this;
    }

    /** Only write the scripts (default: submit them). */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /** The sbatch program (default {@code sbatch} from the {@code PATH}). */
    public Builder sbatch(String program) {
      checkArgument(program != null && !program.isBlank(), "the sbatch program is missing");
      this.sbatch = program;
      return this;
    }

    /** The submission. */
    public SlurmSubmission build() {
      return new SlurmSubmission(this);
    }
  }
}
