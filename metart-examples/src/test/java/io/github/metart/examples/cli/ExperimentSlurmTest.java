package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.eval.experiment.ExperimentRunner;
import io.github.metart.eval.experiment.ExperimentSpec;
import io.github.metart.eval.experiment.RunState;
import io.github.metart.eval.experiment.SlurmSubmission;
import io.github.metart.eval.experiment.Sweep;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.config.TrainingSettings;
import io.github.metart.train.data.PreparedFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metart experiment --slurm}: the scripts it writes, what it submits (against a stand-in
 * sbatch), its errors, and, with {@code METART_SLURM_TEST=1}, a whole sweep on a real Slurm cluster
 * (started by {@code .ci/slurm-one-node.sh}; {@code .ci/run} does both).
 */
class ExperimentSlurmTest {

  @TempDir Path dir;

  private Path data;
  private Path specFile;

  private static ExperimentSpec spec() {
    return new ExperimentSpec(
        "Slurm sweep",
        "",
        "culture",
        ModelRecipe.of("resnet18", 32),
        TrainingSettings.builder().epochs(1).batchSize(8).learningRate(0.002).cpuThreads(1).build(),
        List.of(Sweep.hiddenUnits("hidden units", List.of(16, 32, 64))));
  }

  @BeforeEach
  void prepare() throws IOException {
    data = PreparedFolders.culture(dir.resolve("data"), 16, 8, 32, 0);
    specFile = Files.writeString(dir.resolve("spec.json"), spec().toJson());
  }

  /** A stand-in sbatch: records its arguments, prints the given line, exits with the given code. */
  private Path fakeSbatch(String printed, int exit) throws IOException {
    Path script = dir.resolve("sbatch");
    Files.writeString(
        script,
        "#!/bin/sh\necho \"$@\" >>" + dir.resolve("sbatch.calls") + "\necho '" + printed + "'\nexit " + exit + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void aDryRunWritesTheArrayAndTheReportJobAndSubmitsNothing() throws IOException {
    Path out = dir.resolve("sweep");

    CliRun.Result run =
        CliRun.run("experiment", "--spec", specFile.toString(), "--data", data.toString(), "--out", out.toString(),
            "--slurm", "--dry-run", "--partition", "debug", "--cpus", "2", "--time", "00:20:00",
            "--sbatch-line", "--qos=short", "--sbatch-line", "--nice=10");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("dry run: 3 runs in " + out.resolve("slurm/runs.sbatch"))
        .contains("follow with: metart experiment --out " + out + " --status");
    String array = Files.readString(out.resolve("slurm/runs.sbatch"));
    assertThat(array)
        .contains("#SBATCH --partition=debug\n#SBATCH --time=00:20:00\n#SBATCH --cpus-per-task=2\n")
        .contains("#SBATCH --qos=short\n#SBATCH --nice=10\n#SBATCH --array=1-3\n")
        .contains(MetartCli.class.getName() + " experiment --out " + out + " --run-index \"$SLURM_ARRAY_TASK_ID\"");
    assertThat(Files.readString(out.resolve("slurm/report.sbatch")))
        .contains(MetartCli.class.getName() + " experiment --out " + out + " --report-only");
    assertThat(out.resolve("experiment.json")).isNotEmptyFile();
    assertThat(out.resolve("slurm/submissions.log")).doesNotExist();
    assertThat(out.resolve("runs")).doesNotExist();
  }

  @Test
  void slurmOptionsWithoutSlurmAreAUsageError() {
    CliRun.Result run =
        CliRun.run("experiment", "--spec", specFile.toString(), "--data", data.toString(), "--out",
            dir.resolve("o").toString(), "--partition", "gpu");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").contains("go with --slurm");
  }

  @Test
  void theArrayIsSubmittedThenTheReportAfterItAndASecondSubmissionHoldsOnlyUnfinishedRuns() throws IOException {
    Path out = dir.resolve("sweep");
    Path sbatch = fakeSbatch("4242;metart", 0);
    ExperimentRunner runner = ExperimentRunner.builder().spec(spec()).data(data).output(out).build();

    SlurmSubmission.Result first =
        SlurmSubmission.builder().runner(runner).launcher(List.of("metart")).sbatch(sbatch.toString()).build().submit();

    assertThat(first.arrayJob()).hasValue("4242");
    assertThat(first.reportJob()).hasValue("4242");
    assertThat(Files.readAllLines(dir.resolve("sbatch.calls")))
        .containsExactly(
            "--parsable " + out.resolve("slurm/runs.sbatch"),
            "--parsable --dependency=afterany:4242 " + out.resolve("slurm/report.sbatch"));
    assertThat(Files.readString(out.resolve("slurm/submissions.log"))).contains("array 4242 runs 1-3, report 4242");

    // run 2 is done by a worker (as its array task would): a new submission leaves it out
    ExperimentRunner.builder().output(out).runIndex(2).build().run();
    SlurmSubmission.Result second =
        SlurmSubmission.builder().runner(ExperimentRunner.builder().output(out).build()).launcher(List.of("metart"))
            .dryRun(true).build().submit();

    assertThat(second.runs()).extracting(RunState::index).containsExactly(1, 3);
    assertThat(Files.readString(second.arrayScript())).contains("#SBATCH --array=1,3\n");

    CliRun.Result status = CliRun.run("experiment", "--out", out.toString(), "--status");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out().lines().toList())
        .containsExactly(
            "  1 pending  resnet18 32px hidden=16",
            "  2 finished resnet18 32px hidden=32",
            "  3 pending  resnet18 32px hidden=64",
            "3 runs: 2 pending, 1 finished");
    CliRun.Result beyond = CliRun.run("experiment", "--out", out.toString(), "--run-index", "4", "--no-progress");
    assertThat(beyond.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(beyond.err().strip()).isEqualTo("metart: --run-index 4: the experiment has 3 runs (1 to 3)");
  }

  @Test
  void aMissingSbatchOrAnSbatchErrorIsOneLine() throws IOException {
    Path out = dir.resolve("sweep");
    ExperimentRunner runner = ExperimentRunner.builder().spec(spec()).data(data).output(out).build();
    Path missing = dir.resolve("no-such/sbatch");
    Path refusing = fakeSbatch("sbatch: error: invalid partition specified: nope", 1);

    assertThatThrownBy(
            () -> SlurmSubmission.builder().runner(runner).launcher(List.of("metart")).sbatch(missing.toString()).build().submit())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(missing + ": not found (")
        .hasMessageEndingWith("): submit from a machine with Slurm's client (sbatch), or write the scripts only with a dry run")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(
            () -> SlurmSubmission.builder().runner(runner).launcher(List.of("metart")).sbatch(refusing.toString()).build().submit())
        .isInstanceOf(IOException.class)
        .hasMessage(refusing + " " + out.resolve("slurm/runs.sbatch") + " failed (exit 1): sbatch: error: invalid partition specified: nope");
  }

  @Test
  void aSweepRunsAsAJobArrayOnARealSlurmCluster() throws Exception {
    Assumptions.assumeTrue(
        "1".equals(System.getenv("METART_SLURM_TEST")),
        "set METART_SLURM_TEST=1 with a Slurm cluster running (.ci/slurm-one-node.sh start DIR) to run this test");
    Path out = dir.resolve("sweep");
    CliRun.Result wrong =
        CliRun.run("experiment", "--spec", specFile.toString(), "--data", data.toString(), "--out", out.toString(),
            "--slurm", "--partition", "no-such-partition");
    assertThat(wrong.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(wrong.err().strip()).doesNotContain("\n").contains("invalid partition specified: no-such-partition");

    CliRun.Result run =
        CliRun.run("experiment", "--spec", specFile.toString(), "--data", data.toString(), "--out", out.toString(),
            "--slurm", "--cpus", "1", "--time", "00:10:00");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("submitted 3 runs as job array ");
    String reportJob = run.out().replaceAll("(?s).*the report as job (\\d+).*", "$1");

    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
    while (System.nanoTime() < deadline && inQueue(reportJob)) {
      Thread.sleep(1000);
    }
    assertThat(inQueue(reportJob)).as("the report job %s ended", reportJob).isFalse();
    CliRun.Result status = CliRun.run("experiment", "--out", out.toString(), "--status");
    assertThat(status.out()).as(logs(out)).contains("3 runs: 3 finished");
    String page = Files.readString(out.resolve("report/index.html"), StandardCharsets.UTF_8);
    for (String folder : List.of("resnet18_32px_hidden-16", "resnet18_32px_hidden-32", "resnet18_32px_hidden-64")) {
      assertThat(page).contains("runs/" + folder + "/report/index.html");
    }
    try (var logs = Files.list(out.resolve("slurm/logs"))) {
      assertThat(logs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("run-"))).hasSize(3);
    }
    CliRun.Result again =
        CliRun.run("experiment", "--spec", specFile.toString(), "--data", data.toString(), "--out", out.toString(), "--slurm");
    assertThat(again.out()).contains("every run is finished: nothing to submit");
  }

  private static boolean inQueue(String job) throws IOException, InterruptedException {
    Process squeue = new ProcessBuilder("squeue", "-h", "-j", job).redirectErrorStream(true).start();
    String listed = new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    squeue.waitFor();
    return listed.contains(job);
  }

  private static String logs(Path out) throws IOException {
    StringBuilder text = new StringBuilder();
    try (var files = Files.list(out.resolve("slurm/logs"))) {
      for (Path file : files.toList()) {
        text.append("== ").append(file).append('\n').append(Files.readString(file));
      }
    }
    return text.toString();
  }
}
