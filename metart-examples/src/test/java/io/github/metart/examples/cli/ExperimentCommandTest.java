package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.examples.endtoend.DemoResult;
import io.github.metart.examples.endtoend.QuickDemo;
import io.github.metart.eval.experiment.ExperimentPreset;
import io.github.metart.eval.experiment.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metart experiment}: the spec it runs, and its usage and file errors (runs: ExperimentRunnerTest). */
class ExperimentCommandTest {

  @TempDir Path dir;

  @Test
  void printSpecPrintsThePresetWithTheOverridesAsJson() throws IOException {
    CliRun.Result run = CliRun.run("experiment", "--preset", "classic-year", "--epochs", "3", "--print-spec");

    assertThat(run.exitCode()).as(run.err()).isZero();
    ExperimentSpec printed = ExperimentSpec.parse(run.out(), "stdout");
    assertThat(printed.training().epochs()).isEqualTo(3);
    assertThat(printed.sweeps()).isEqualTo(ExperimentPreset.CLASSIC_YEAR.spec().sweeps());
  }

  @Test
  void sweepsListedOnTheCommandLineAreOneSweepEach() throws IOException {
    CliRun.Result run =
        CliRun.run("experiment", "--model", "alexnet", "--input-size", "224", "--dropout", "0,0.2",
            "--batch-norm", "off,on", "--inputs", "224,448+stem", "--print-spec");

    assertThat(run.exitCode()).as(run.err()).isZero();
    ExperimentSpec printed = ExperimentSpec.parse(run.out(), "stdout");
    assertThat(printed.plan().sweeps().keySet()).containsExactly("dropout", "batch norm", "input size");
    assertThat(printed.plan().runs()).hasSize(5);
  }

  @Test
  void inputSizesShareTheBoundsOfEveryImageSize() {
    CliRun.Result base = CliRun.run("experiment", "--model", "alexnet", "--input-size", "5000", "--print-spec");
    assertThat(base.exitCode()).isEqualTo(2);
    assertThat(base.err()).contains("--input-size must be between 32 and 4096 px, got 5000");

    CliRun.Result swept =
        CliRun.run("experiment", "--model", "alexnet", "--inputs", "224,16", "--print-spec");
    assertThat(swept.exitCode()).isEqualTo(2);
    assertThat(swept.err()).contains("--inputs").contains("the input size must be between 32 and 4096 px, got 16");
  }

  @Test
  void aSmallSweepFromTheCommandLineRunsAndReports() {
    DemoResult demo = QuickDemo.result();
    Path out = dir.resolve("sweep");

    CliRun.Result run =
        CliRun.run("experiment", "--model", "resnet18", "--input-size", "48", "--hidden-units", "16",
            "--epochs", "1", "--batch-size", "16", "--data", demo.culture().preparedFolder().toString(),
            "--out", out.toString(), "--no-progress");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("run 1/1 resnet18 48px hidden=16: training")
        .contains("1 runs: 1 trained, 0 resumed, 0 done earlier")
        .contains("report: " + out.resolve("report/index.html"));
    assertThat(out.resolve("runs/resnet18_48px_hidden-16/report/metrics.json")).isNotEmptyFile();
  }

  @Test
  void theClassicPresetOnAFolderWithoutItsImageCachesFailsBeforeAnyRun() {
    DemoResult demo = QuickDemo.result();
    Path data = demo.culture().preparedFolder(); // one cache, prepared for 48 px inputs
    Path out = dir.resolve("classic");

    CliRun.Result run =
        CliRun.run("experiment", "--preset", "classic-culture", "--data", data.toString(), "--out", out.toString(),
            "--no-progress");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .startsWith("metart: " + data + ": no image cache for the 224 px, 448 px inputs of ")
        .contains("--image-size PX --out " + data);
    assertThat(run.out()).doesNotContain("training");
    assertThat(out).doesNotExist();
  }

  @Test
  void aDemoPresetChecksItsOutputBeforePreparingData() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    Path others = Files.createDirectories(dir.resolve("thesis"));
    Files.writeString(others.resolve("thesis.tex"), "x");
    Path another = Files.createDirectories(dir.resolve("another"));
    Files.writeString(another.resolve("experiment.json"), "{\"spec\": {\"title\": \"something else\"}}");

    CliRun.Result onFile = CliRun.run("experiment", "--preset", "demo", "--out", file.toString(), "--no-progress");
    CliRun.Result onOthers = CliRun.run("experiment", "--preset", "demo", "--out", others.toString(), "--no-progress");
    CliRun.Result onAnother = CliRun.run("experiment", "--preset", "demo-year", "--out", another.toString(), "--no-progress");

    for (CliRun.Result run : List.of(onFile, onOthers, onAnother)) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(MetartCli.EXIT_FAILURE);
      assertThat(run.err().strip()).doesNotContain("\n");
      assertThat(run.out()).doesNotContain("preparing");
    }
    assertThat(onFile.err().strip()).isEqualTo("metart: " + file + ": exists and is not a folder");
    assertThat(onOthers.err().strip())
        .isEqualTo("metart: " + others + ": is not empty and holds no experiment.json: choose a new or empty folder");
    assertThat(onAnother.err().strip())
        .startsWith("metart: " + another.resolve("experiment.json") + ": this folder holds another experiment (the spec differs)");
    assertThat(others.resolve("data")).doesNotExist();
    assertThat(another.resolve("data")).doesNotExist();
  }

  @Test
  void aDemoPresetPreparesItsDataWithTheDefaultSeedBeforeASlurmDryRun() throws IOException {
    Path out = dir.resolve("demo");

    // the preset gives no seed: the data are prepared with the training's default one
    CliRun.Result run = CliRun.run("experiment", "--preset", "demo", "--out", out.toString(), "--slurm", "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("preparing the demo's generated data").contains("dry run: 4 runs in ");
    assertThat(out.resolve("data/culture/manifest.json")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("slurm/runs.sbatch"))).contains("#SBATCH --array=1-4\n");
    assertThat(Files.readString(out.resolve("experiment.json"))).contains(out.resolve("data/culture").toString());
  }

  @Test
  void nothingToRunIsAUsageError() {
    CliRun.Result run = CliRun.run("experiment", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").contains("say what to run: --spec FILE, --preset NAME or --model ARCH");
  }

  @Test
  void followingAFolderThatHoldsNoExperimentSaysSo() {
    for (String option : List.of("--status", "--report-only")) {
      CliRun.Result run = CliRun.run("experiment", "--out", dir.toString(), option);

      assertThat(run.exitCode()).as(option).isEqualTo(MetartCli.EXIT_USAGE);
      assertThat(run.err().strip())
          .doesNotContain("\n")
          .contains(dir + " holds no experiment (no experiment.json): start one there with --spec FILE");
    }
  }

  @Test
  void badValuesAreUsageErrors() {
    CliRun.Result preset = CliRun.run("experiment", "--preset", "huge", "--out", dir.toString());
    CliRun.Result both = CliRun.run("experiment", "--preset", "demo", "--dropout", "0.1", "--out", dir.toString());
    CliRun.Result arch = CliRun.run("experiment", "--model", "lenet", "--dropout", "0.1", "--out", dir.toString());
    CliRun.Result input = CliRun.run("experiment", "--model", "alexnet", "--inputs", "big", "--out", dir.toString());
    CliRun.Result split = CliRun.run("experiment", "--preset", "demo", "--split", "holdout", "--out", dir.toString());
    CliRun.Result noData = CliRun.run("experiment", "--preset", "classic-culture", "--out", dir.toString());
    CliRun.Result noOut = CliRun.run("experiment", "--preset", "demo");

    for (CliRun.Result run : new CliRun.Result[] {preset, both, arch, input, split, noData, noOut}) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(MetartCli.EXIT_USAGE);
      assertThat(run.err().strip()).doesNotContain("\n");
    }
    assertThat(preset.err()).contains("unknown preset 'huge'");
    assertThat(both.err()).contains("sweeps are declared in the spec or preset");
    assertThat(arch.err()).contains("unknown architecture 'lenet'");
    assertThat(input.err()).contains("--inputs: unknown input 'big'");
    assertThat(split.err()).contains("--split").contains("holdout");
    assertThat(noData.err()).contains("--data DIR is required");
    assertThat(noOut.err()).contains("--out DIR is required");
  }

  @Test
  void aMissingOrBrokenSpecFileFailsNamingIt() throws IOException {
    Path missing = dir.resolve("study.json");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"base\": ");

    CliRun.Result none = CliRun.run("experiment", "--spec", missing.toString(), "--out", dir.resolve("o").toString());
    CliRun.Result bad = CliRun.run("experiment", "--spec", broken.toString(), "--out", dir.resolve("o").toString());

    assertThat(none.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(none.err().strip()).isEqualTo("metart: " + missing + ": no such file");
    assertThat(bad.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(bad.err().strip()).startsWith("metart: " + broken + ":1: ").doesNotContain("\n");
  }

  @Test
  void dataThatIsNoPreparedFolderFailsNamingIt() {
    Path missing = dir.resolve("prepared");

    CliRun.Result run =
        CliRun.run("experiment", "--model", "resnet18", "--hidden-units", "16", "--data", missing.toString(),
            "--out", dir.resolve("o").toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).startsWith("metart: " + missing).doesNotContain("\n");
  }
}
