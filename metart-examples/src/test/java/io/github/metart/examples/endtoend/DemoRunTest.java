package io.github.metart.examples.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Task;
import io.github.metart.train.history.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end at the quick size: generated collection, real datasets, image caches, two
 * trainings, test evaluations, report folder and summary — and real learning.
 */
class DemoRunTest {

  @TempDir Path temp;

  @Test
  void theQuickDemoLearnsBothTasks() {
    DemoResult result = QuickDemo.result();

    assertThat(result.culture().manifest().labels())
        .containsExactly("chinese", "french", "german", "greek", "italian", "japanese");
    assertThat(result.accuracy())
        .as("culture test accuracy (chance %.3f)", result.chanceAccuracy())
        .isGreaterThan(2.5 * result.chanceAccuracy());
    assertThat(result.meanYearError())
        .as("mean year error (constant guess: %.1f years)", result.baselineYearError())
        .isLessThan(0.8 * result.baselineYearError());
    assertThat(result.culture().fit().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.year().fit().history().size()).isEqualTo(DemoSize.QUICK.yearEpochs());
  }

  @Test
  void thePreparedFoldersAreWhatPrepareWrites() throws IOException {
    DemoResult result = QuickDemo.result();

    DatasetSplits culture = DatasetSplits.read(result.culture().preparedFolder());
    DatasetSplits year = DatasetSplits.read(result.year().preparedFolder());

    assertThat(culture.task()).isEqualTo(Task.CULTURE);
    assertThat(year.task()).isEqualTo(Task.YEAR);
    assertThat(year.yearRange()).hasValueSatisfying(r -> {
      assertThat(r.begin()).isEqualTo(DemoRun.MIN_YEAR);
      assertThat(r.end()).isEqualTo(DemoRun.MAX_YEAR);
    });
    assertThat(culture.manifest().input().rowsSkipped())
        .as("the malformed rows the generator wrote are skipped by the real reader")
        .isEqualTo(result.collection().malformedRows().size());
    assertThat(result.culture().preparedFolder().resolve("cache")).isDirectory();
  }

  @Test
  void theReportFolderHoldsMetricsFiguresAndPages() throws IOException {
    DemoResult result = QuickDemo.result();
    Path culture = result.culture().reportFolder();
    Path year = result.year().reportFolder();

    for (Path file :
        List.of(
            culture.resolve("index.html"), culture.resolve("metrics.json"), culture.resolve("predictions.csv"),
            culture.resolve("figures/confusion-matrix.png"), culture.resolve("figures/curves-loss.png"),
            year.resolve("index.html"), year.resolve("metrics.json"),
            year.resolve("figures/predicted-vs-actual.png"), year.resolve("figures/curves-mean-year-error.png"),
            result.reportPage(), result.directory().resolve("summary.txt"))) {
      assertThat(file).as("%s", file).isNotEmptyFile();
    }
    JsonNode metrics = new ObjectMapper().readTree(culture.resolve("metrics.json").toFile());
    assertThat(metrics.path("headline").path("accuracy").asDouble()).isEqualTo(result.accuracy());
    assertThat(metrics.path("split").asText()).isEqualTo("test");

    String index = Files.readString(result.reportPage(), StandardCharsets.UTF_8);
    assertThat(index)
        .contains("The images are generated")
        .contains("href=\"culture/index.html\"")
        .contains("href=\"year/index.html\"");
    assertThat(Files.readString(result.directory().resolve("README.txt")))
        .startsWith(DemoRun.README_FIRST_LINE)
        .contains("GENERATED");
  }

  @Test
  void theSummarySaysTheImagesAreGeneratedAndComparesWithTheBaselines() {
    DemoResult result = QuickDemo.result();

    String summary = DemoSummary.text(result);

    assertThat(summary)
        .contains("GENERATED")
        .contains("chance: 16.7 %")
        .containsPattern("mean year error \\d+\\.\\d years \\(always guessing \\d+, the mean training year: \\d+\\.\\d years\\)")
        .contains("report: " + result.reportPage());
  }

  @Test
  void aFolderWithOtherFilesIsRefusedAndLeftAlone() throws IOException {
    Path mine = Files.writeString(temp.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> DemoRun.builder().output(temp).size(DemoSize.QUICK).build().run())
        .isInstanceOf(IOException.class)
        .hasMessage(temp.toAbsolutePath().normalize() + ": is not empty and holds no earlier demo output: choose a new or empty folder");
    assertThat(mine).hasContent("mine");
  }

  @Test
  void sizesAreNamedAndValidated() {
    assertThat(DemoSize.named("Quick")).isEqualTo(DemoSize.QUICK);
    assertThatThrownBy(() -> DemoSize.named("huge"))
        .hasMessage("unknown demo size 'huge': use standard or quick");
    assertThatThrownBy(
            () -> new DemoSize("x", 40, 32, io.github.metart.models.spec.ModelRecipe.of("resnet18", 64), 1, 1, 8, 0.01))
        .hasMessage("the model input (64 px) must not be larger than the images (32 px)");
  }
}
