package io.github.metart.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.evaluation.ClassificationResult;
import io.github.metart.eval.evaluation.EvaluationReport;
import io.github.metart.eval.evaluation.Formats;
import io.github.metart.eval.evaluation.SampleReports;
import io.github.metart.eval.plots.RunCurves;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

  @TempDir Path dir;

  static RunCurves curves(String run, double offset) {
    RunCurves.Builder b = RunCurves.builder(run);
    for (int epoch = 1; epoch <= 4; epoch++) {
      Map<String, Double> values = new LinkedHashMap<>();
      values.put(RunCurves.TRAIN_LOSS, 1.5 / epoch + offset);
      values.put(RunCurves.VALIDATION_LOSS, 1.7 / epoch + offset);
      values.put(RunCurves.VALIDATION_ACCURACY, 0.3 + 0.1 * epoch - offset);
      b.epoch(epoch, values);
    }
    return b.build();
  }

  @Test
  void classificationPagePutsMetricsTablesAndFiguresTogether() throws Exception {
    EvaluationReport evaluation = SampleReports.classification();
    ClassificationResult result = (ClassificationResult) evaluation.result();
    RunReport report = RunReport.builder().evaluation(evaluation).curves(curves("resnet18", 0)).build();

    ReportFiles files = report.writeTo(dir);

    assertThat(files.page()).isEqualTo(dir.resolve("index.html"));
    List<String> local = LinkCheck.assertLocalLinksResolve(files.page());
    assertThat(local)
        .contains(
            "metrics.json",
            "report.md",
            "predictions.csv",
            "figures/curves-loss.png",
            "figures/curves-accuracy.png",
            "figures/confusion-matrix.png",
            "figures/labels.png",
            "figures/accuracy-by-department.png",
            "figures/accuracy-by-classification.png",
            "figures/accuracy-by-object-name.png");
    assertThat(files.figures()).hasSize(7).allSatisfy(f -> assertThat(f).isRegularFile());
    assertThat(files.evaluation()).isPresent();

    String html = Files.readString(files.page());
    assertThat(html).contains("<title>resnet18 on test</title>");
    assertThat(html).contains("Confusion matrix (rows = predicted, columns = actual)");
    assertThat(html).contains("<th>predicted \\ actual</th>");
    assertThat(html)
        .contains(
            "Counts and, in brackets, shares of the column (each count divided by its column&#39;s total"
                + " (all objects of one actual class)");
    ConfusionMatrix matrix = result.confusion();
    int roman = matrix.indexOf("roman");
    int etruscan = matrix.indexOf("etruscan");
    assertThat(html)
        .contains(
            ">"
                + matrix.cell(etruscan, roman)
                + " ("
                + Formats.share(matrix.columnShare(etruscan, roman))
                + ")</td>");
    assertThat(html).contains(result.topConfusions(1).get(0).toString());
    long id = result.misclassified().get(0).objectId();
    assertThat(html).contains("<a href=\"https://www.metmuseum.org/art/collection/search/" + id + "\">" + id + "</a>");
    // metadata text is escaped, never markup
    assertThat(html).contains("&quot;youth&quot;, &lt;archaic&gt;").doesNotContain("<archaic>");
    assertThat(html).contains("Training: resnet18");
  }

  @Test
  void theLabelDistributionOfEverySplitIsDrawnWhenGiven() throws Exception {
    EvaluationReport evaluation = SampleReports.classification();
    Map<String, Integer> train = new LinkedHashMap<>();
    train.put("greek", 80);
    train.put("etruscan", 20);
    train.put("roman", 60);
    train.put("egyptian", 40);
    RunReport report =
        RunReport.builder()
            .evaluation(evaluation)
            .labelDistribution("train", train)
            .labelDistribution("validation", Map.of("roman", 8, "greek", 10))
            .labelDistribution("test", Map.of("etruscan", 15, "greek", 15, "roman", 15, "egyptian", 15))
            .build();

    ReportFiles files = report.writeTo(dir);

    assertThat(report.labelDistribution()).containsOnlyKeys("train", "validation", "test");
    assertThat(report.labelDistribution().get("train")).containsEntry("roman", 60L);
    assertThat(LinkCheck.assertLocalLinksResolve(files.page())).contains("figures/label-distribution.png");
    assertThat(files.figures()).contains(dir.resolve("figures/label-distribution.png"));
    String html = Files.readString(files.page());
    assertThat(html)
        .contains("Label distribution per split")
        .contains("Objects per label in each split (train, validation, test).");
    assertThat(RunReport.of(evaluation).toHtml()).doesNotContain("Label distribution per split");
    assertThatThrownBy(() -> RunReport.builder().evaluation(evaluation).labelDistribution("test", Map.of()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the label distribution of split 'test' is empty");
    assertThatThrownBy(
            () -> RunReport.builder().evaluation(evaluation).labelDistribution("test", Map.of("a", -1)).build())
        .hasMessage("split 'test': label 'a' has -1 objects");
  }

  @Test
  void yearPageShowsBaselineScatterAndHistogram() throws Exception {
    ReportFiles files = RunReport.of(SampleReports.year()).writeTo(dir);

    List<String> local = LinkCheck.assertLocalLinksResolve(files.page());
    assertThat(local)
        .contains(
            "figures/predicted-vs-actual.png",
            "figures/years-histogram.png",
            "figures/mean-year-error-by-department.png");
    String html = Files.readString(files.page());
    assertThat(html).contains("Year errors beside the baseline").contains("The baseline always guesses 900");
    assertThat(html).contains("Largest year errors");
  }

  @Test
  void aTrainingOnlyPageNeedsNoEvaluation() throws Exception {
    ReportFiles files = RunReport.builder().curves(curves("vgg11", 0.1)).build().writeTo(dir);

    assertThat(LinkCheck.assertLocalLinksResolve(files.page()))
        .containsExactly("figures/curves-loss.png", "figures/curves-accuracy.png");
    assertThat(files.evaluation()).isEmpty();
    assertThat(dir.resolve("metrics.json")).doesNotExist();
    assertThat(Files.readString(files.page())).contains("<title>vgg11</title>");
  }

  @Test
  void anEmptySplitStillGivesAPage() throws Exception {
    EvaluationReport empty =
        EvaluationReport.classification(
            "m", "validation", io.github.metart.eval.outcomes.ClassOutcomes.of(List.of("a", "b"), new int[0], new int[0]));

    ReportFiles files = RunReport.of(empty).writeTo(dir);

    LinkCheck.assertLocalLinksResolve(files.page());
    assertThat(Files.readString(files.page())).contains("n/a").contains("No misclassified objects.");
  }

  @Test
  void somethingMustBeShown() {
    assertThatThrownBy(() -> RunReport.builder().title("nothing").build())
        .hasMessage("a run report needs an evaluation, training curves or both");
  }
}
