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
            "--size", "16", "--rounds", "1", "--threads", "2");

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
            "--size", "16", "--count", "30", "--memory");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("prepared 30 images").contains("tenth  images  peak RSS (MB)");
    assertThat(run.out().lines().filter(line -> line.matches("\\s+10\\s+30\\s+.*"))).hasSize(1);
  }

  @Test
  void loadBenchmarkIteratesEpochsAndLeavesNoArrays() {
    Run run =
        run("bench", "load", "--work", dir.toString(), "--images", "10", "--stored", "20", "--size", "16",
            "--batch", "4", "--epochs", "2", "--augmentation", "standard");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("epoch 2: ").contains("arrays left 0").contains("median: ");
  }

  @Test
  void everyAugmentationLeverLoadsAndLeavesNoArrays() {
    Run run =
        run("bench", "load", "--work", dir.resolve("all").toString(), "--images", "10", "--stored", "20",
            "--size", "16", "--batch", "4", "--epochs", "2", "--augmentation", "all");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("augmentation all").contains("arrays left 0").contains("median: ");
  }

  @Test
  void trainBenchmarkPrintsTheCostOfEmaAndMixingBesideThePlainStep() {
    Run run =
        run("bench", "train", "--models", "resnet18", "--size", "32", "--batch-size", "2", "--steps", "2",
            "--warmup", "0", "--updates", "1", "--threads", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String header = run.out().lines().filter(line -> line.startsWith("model ")).findFirst().orElseThrow();
    assertThat(header.split("\\|")[4].trim().split("\\s+")).containsExactly("fit", "cpu", "cores");
    assertThat(header.split("\\|")[5].trim().split("\\s+")).containsExactly("fit", "EMA", "EMA", "+%", "cpu", "+%");
    assertThat(header.split("\\|")[6].trim().split("\\s+"))
        .containsExactly("fit", "mixed", "mix", "cost", "cpu", "+%");
    String row = run.out().lines().filter(line -> line.startsWith("resnet18 ")).findFirst().orElseThrow();
    String[] columns = row.split("\\|");
    assertThat(columns).hasSize(7);
    // every figure a finite number: fit cpu and cores, then each lever's step and its two costs
    assertThat(columns[4].trim().split("\\s+")).hasSize(2).allMatch(BenchCommandTest::finite);
    assertThat(columns[5].trim().split("\\s+")).hasSize(3).allMatch(BenchCommandTest::finite);
    assertThat(columns[6].trim().split("\\s+")).hasSize(3).allMatch(BenchCommandTest::finite);
    assertThat(run.out()).contains("cpu +% in CPU time").contains("metart bench load --augmentation");
  }

  private static boolean finite(String figure) {
    return Double.isFinite(Double.parseDouble(figure.replaceAll("(ms|%)$", "")));
  }

  @Test
  void benchWithoutABenchmarkIsAUsageError() {
    Run run = run("bench");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing benchmark: csv, prepare, load or train");
  }
}
