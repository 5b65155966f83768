package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.examples.endtoend.DemoResult;
import io.github.metart.examples.endtoend.QuickDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metart evaluate} on the quick demo's trained models and prepared folders. */
class EvaluateCommandTest {

  @TempDir Path dir;

  @Test
  void evaluatingTheDemoModelAgainGivesTheDemoFigures() throws IOException {
    DemoResult demo = QuickDemo.result();
    Path out = dir.resolve("culture");

    CliRun.Result run =
        CliRun.run(
            "evaluate",
            "--model", demo.culture().fit().outputDirectory().toString(),
            "--data", demo.culture().preparedFolder().toString(),
            "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.path("split").asText()).isEqualTo("test");
    assertThat(metrics.path("headline").path("accuracy").asDouble()).isEqualTo(demo.accuracy());
    assertThat(out.resolve("index.html")).isNotEmptyFile();
    assertThat(out.resolve("figures/confusion-matrix.png")).isNotEmptyFile();
    assertThat(out.resolve("figures/curves-accuracy.png"))
        .as("the training curves of the run folder's history")
        .isNotEmptyFile();
    assertThat(run.out())
        .contains("culture on test (")
        .contains("metrics: " + out.resolve("metrics.json"))
        .contains("report: " + out.resolve("index.html"));
  }

  @Test
  void theLibraryEvaluatesAModelInMemoryUnderItsSpecsNameWhenNoneIsGiven() throws Exception {
    DemoResult demo = QuickDemo.result();
    Path modelFolder = demo.culture().fit().outputDirectory().resolve("model");
    try (io.github.metart.models.MetModel model = io.github.metart.models.MetModels.load(modelFolder)) {
      java.util.List<io.github.metart.eval.evaluation.EvaluationReport> reports =
          io.github.metart.eval.evaluation.ModelEvaluation.of(
                  demo.culture().preparedFolder(), io.github.metart.data.dataset.Split.TEST)
              .evaluate(model);

      assertThat(reports).singleElement().satisfies(report -> {
        assertThat(report.model()).isEqualTo(model.spec().name());
        assertThat(report.result().headline().get(io.github.metart.eval.evaluation.HeadlineMetric.ACCURACY))
            .isEqualTo(demo.accuracy());
      });
    }
  }

  @Test
  void testTimeAugmentationIsRecordedInTheMetrics() throws IOException {
    DemoResult demo = QuickDemo.result();
    Path plain = dir.resolve("plain");
    Path averaged = dir.resolve("tta");
    String[] common = {
      "evaluate",
      "--model", demo.culture().fit().outputDirectory().toString(),
      "--data", demo.culture().preparedFolder().toString()
    };

    CliRun.Result once = CliRun.run(concat(common, "--out", plain.toString()));
    CliRun.Result views = CliRun.run(concat(common, "--tta", "flip-crops", "--out", averaged.toString()));
    CliRun.Result bad = CliRun.run(concat(common, "--tta", "five-crops", "--out", dir.resolve("bad").toString()));

    assertThat(once.exitCode()).as(once.err()).isZero();
    assertThat(views.exitCode()).as(views.err()).isZero();
    JsonNode a = new ObjectMapper().readTree(plain.resolve("metrics.json").toFile());
    JsonNode b = new ObjectMapper().readTree(averaged.resolve("metrics.json").toFile());
    assertThat(a.path("testTimeAugmentation").asText()).isEqualTo("none");
    assertThat(b.path("testTimeAugmentation").asText()).isEqualTo("flip-crops");
    assertThat(b.path("count").asInt()).isEqualTo(a.path("count").asInt());
    assertThat(b.path("headline").path("accuracy").isNumber()).isTrue();
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("--tta: unknown test-time augmentation 'five-crops': use none, flip or flip-crops");
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void aYearModelOnTheValidationSplitReportsItsYearError() throws IOException {
    DemoResult demo = QuickDemo.result();
    Path out = dir.resolve("year");

    CliRun.Result run =
        CliRun.run(
            "evaluate",
            "--model", demo.year().fit().modelFolder().orElseThrow().toString(),
            "--data", demo.year().preparedFolder().toString(),
            "--split", "validation",
            "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.path("split").asText()).isEqualTo("validation");
    assertThat(metrics.path("count").asInt()).isEqualTo(demo.year().manifest().total(io.github.metart.data.dataset.Split.VALIDATION));
    assertThat(metrics.path("headline").path("meanYearError").asDouble()).isPositive();
    assertThat(run.out()).contains("mean year error");
  }

  @Test
  void aMissingModelFolderFailsNamingIt() {
    Path missing = dir.resolve("no-such-run");

    CliRun.Result run =
        CliRun.run("evaluate", "--model", missing.toString(), "--data", dir.toString(), "--out", dir.resolve("o").toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip())
        .isEqualTo("metart: " + missing + ": no such folder (expected a model folder, or a folder written by metart train)");
  }

  @Test
  void aFolderThatIsNoModelFailsNamingIt() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    CliRun.Result run =
        CliRun.run("evaluate", "--model", empty.toString(), "--data", dir.toString(), "--out", dir.resolve("o").toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err()).startsWith("metart: " + empty + ": not a model folder");
  }

  @Test
  void dataThatIsNoPreparedFolderFailsNamingIt() {
    DemoResult demo = QuickDemo.result();
    Path missing = dir.resolve("prepared");

    CliRun.Result run =
        CliRun.run(
            "evaluate", "--model", demo.culture().fit().outputDirectory().toString(),
            "--data", missing.toString(), "--out", dir.resolve("o").toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).startsWith("metart: " + missing).doesNotContain("\n");
  }

  @Test
  void aCultureModelOnYearDataFailsSayingWhy() {
    DemoResult demo = QuickDemo.result();

    CliRun.Result run =
        CliRun.run(
            "evaluate", "--model", demo.culture().fit().outputDirectory().toString(),
            "--data", demo.year().preparedFolder().toString(), "--out", dir.resolve("o").toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip())
        .startsWith("metart: a culture model cannot be evaluated on year data: ")
        .doesNotContain("\n");
  }

  @Test
  void aYearModelOnCultureDataFailsSayingWhy() {
    DemoResult demo = QuickDemo.result();

    CliRun.Result run =
        CliRun.run(
            "evaluate", "--model", demo.year().fit().outputDirectory().toString(),
            "--data", demo.culture().preparedFolder().toString(), "--out", dir.resolve("o").toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip())
        .startsWith("metart: a year model cannot be evaluated on culture data: ")
        .contains(demo.culture().preparedFolder().toString())
        .doesNotContain("\n");
    assertThat(dir.resolve("o/metrics.json")).doesNotExist();
  }

  @Test
  void anUnknownSplitIsAUsageError() {
    CliRun.Result run =
        CliRun.run("evaluate", "--model", "m", "--data", "d", "--split", "holdout", "--out", "o");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").contains("--split").contains("holdout");
  }

  @Test
  void aMissingOptionIsAUsageError() {
    CliRun.Result run = CliRun.run("evaluate", "--model", "m", "--out", "o");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").contains("--data");
  }
}
