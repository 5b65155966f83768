package io.github.metart.examples.bench;

import io.github.metart.examples.cli.MetartCli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks run end to end on tiny inputs and print their figures (no timing asserted). */
class BenchCommandTest {

  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MetartCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void prepareBenchmarkComparesWithThePlainLoop() {
    Run run =
        run("bench", "prepare", "--work", dir.toString(), "--originals", "3", "--width", "64", "--height", "48",
            "--size", "32", "--rounds", "1", "--threads", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("generated 3 originals")
        .contains("round 1: plain loop")
        .contains("per-core ratio, CPU time (CachePreparer / plain loop): ");
  }

  @Test
  void memoryBenchmarkReportsEveryTenth() {
    Run run =
        run("bench", "prepare", "--work", dir.toString(), "--originals", "2", "--width", "40", "--height", "30",
            "--size", "32", "--count", "30", "--memory");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("prepared 30 images").contains("tenth  images  peak RSS (MB)");
    assertThat(run.out().lines().filter(line -> line.matches("\\s+10\\s+30\\s+.*"))).hasSize(1);
  }

  @Test
  void loadBenchmarkIteratesEpochsAndLeavesNoArrays() {
    Run run =
        run("bench", "load", "--work", dir.toString(), "--images", "10", "--stored", "40", "--size", "32",
            "--batch", "4", "--epochs", "2", "--augmentation", "standard");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("epoch 2: ").contains("arrays left 0").contains("median: ");
  }

  @Test
  void everyAugmentationLeverLoadsAndLeavesNoArrays() {
    Run run =
        run("bench", "load", "--work", dir.resolve("all").toString(), "--images", "10", "--stored", "40",
            "--size", "32", "--batch", "4", "--epochs", "2", "--augmentation", "all");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("augmentation all").contains("arrays left 0").contains("median: ");
  }

  @Test
  void sizesOutsideTheSharedBoundsAreUsageErrorsNamingTheOption() {
    Run prepare = run("bench", "prepare", "--work", dir.toString(), "--size", "16");
    Run load = run("bench", "load", "--work", dir.toString(), "--stored", "5000", "--size", "224");

    assertThat(prepare.exitCode()).isEqualTo(2);
    assertThat(prepare.err()).contains("--size must be between 32 and 4096 px, got 16");
    assertThat(load.exitCode()).isEqualTo(2);
    assertThat(load.err()).contains("--stored must be between 32 and 4096 px, got 5000");
  }

  @Test
  void benchWithoutABenchmarkIsAUsageError() {
    Run run = run("bench");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing benchmark: csv, prepare, load or train");
  }
}
