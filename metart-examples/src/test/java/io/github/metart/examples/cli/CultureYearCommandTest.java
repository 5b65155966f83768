package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Task;
import io.github.metart.examples.demo.DemoCollection;
import io.github.metart.examples.demo.DemoCollectionGenerator;
import io.github.metart.examples.demo.DemoCollectionSpec;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.train.history.HistoryFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Culture and year together through the command line, on a tiny generated demo collection: prepare
 * --task culture+year, train one backbone with both heads, evaluate both tasks.
 */
class CultureYearCommandTest {

  @TempDir Path dir;

  @Test
  void prepareTrainAndEvaluateCultureAndYearTogether() throws Exception {
    DemoCollection demo = DemoCollectionGenerator.generate(DemoCollectionSpec.tiny(), dir.resolve("collection"));
    Path collection = demo.directory();
    Path prepared = dir.resolve("prepared");

    CliRun.Result prepare =
        CliRun.run(
            "prepare", "--csv", collection.resolve(DemoCollection.CSV_FILE).toString(), "--task", "culture+year",
            "--min-per-label", "4", "--exclude", "european", "--split", "6:2:2",
            "--min-year", "1500", "--max-year", "1900", "--max-span", "100",
            "--images", collection.resolve(DemoCollection.IMAGES_DIRECTORY).toString(), "--image-size", "32",
            "--image-threads", "1", "--out", prepared.toString());
    assertThat(prepare.exitCode()).as(prepare.err()).isZero();
    DatasetSplits splits = DatasetSplits.read(prepared);
    assertThat(splits.task()).isEqualTo(Task.CULTURE_YEAR);
    assertThat(splits.labels()).hasSizeGreaterThanOrEqualTo(2).doesNotContain("european");

    Path run = dir.resolve("run");
    CliRun.Result train =
        CliRun.run(
            "train", "--data", prepared.toString(), "--model", "resnet18", "--input-size", "32",
            "--epochs", "1", "--batch-size", "16", "--devices", "cpu", "--year-target", "interval",
            "--year-loss-weight", "0.5", "--no-progress", "--out", run.toString());
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(HistoryFiles.read(run).provenance().config().yearLossWeight()).isEqualTo(0.5);
    try (MetModel model = MetModels.load(run.resolve("model"))) {
      assertThat(model.spec().head()).isInstanceOf(HeadSpec.CultureYear.class);
    }

    Path out = dir.resolve("report");
    CliRun.Result evaluate =
        CliRun.run("evaluate", "--model", run.toString(), "--data", prepared.toString(), "--out", out.toString());
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    JsonNode culture = json.readTree(out.resolve("culture/metrics.json").toFile());
    JsonNode year = json.readTree(out.resolve("year/metrics.json").toFile());
    int testObjects = splits.test().size();
    assertThat(culture.path("count").asInt()).isEqualTo(testObjects);
    assertThat(year.path("count").asInt()).isEqualTo(testObjects);
    assertThat(culture.path("headline").path("accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(year.path("headline").path("meanYearError").asDouble()).isPositive();
    assertThat(year.path("headline").path("meanIntervalError").asDouble())
        .as("the error to the interval is at most the error to the year")
        .isBetween(0.0, year.path("headline").path("meanYearError").asDouble());
    assertThat(year.path("headline").has("insideInterval")).isTrue();
    assertThat(out.resolve("culture/index.html")).isNotEmptyFile();
    assertThat(out.resolve("year/report.md")).isNotEmptyFile();
    assertThat(evaluate.out())
        .contains("accuracy")
        .contains("mean year error")
        .contains("metrics: " + out.resolve("culture/metrics.json"))
        .contains("metrics: " + out.resolve("year/metrics.json"));
  }
}
