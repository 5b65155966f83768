package io.github.metart.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.eval.evaluation.EvaluationReport;
import io.github.metart.eval.evaluation.HeadlineMetric;
import io.github.metart.eval.evaluation.MetricsJson;
import io.github.metart.eval.evaluation.SampleReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {

  @TempDir Path dir;

  @Test
  void runsSideBySideWithTheBestMarkedAndCurvesOverlaid() throws Exception {
    // each run has its own page in a sub-folder; the comparison links to them
    EvaluationReport evaluation = SampleReports.classification();
    RunReport.builder().evaluation(evaluation).curves(RunReportTest.curves("dropout 0.5", 0)).build()
        .writeTo(dir.resolve("runs/dropout-0.5"));
    ComparedRun withPage =
        ComparedRun.of("dropout 0.5", MetricsJson.readSummary(dir.resolve("runs/dropout-0.5/metrics.json")))
            .withCurves(RunReportTest.curves("dropout 0.5", 0))
            .withLink("runs/dropout-0.5/index.html");
    ComparedRun other =
        ComparedRun.of("dropout 0.0", Map.of(HeadlineMetric.ACCURACY, 0.99, HeadlineMetric.MACRO_F1, 0.1))
            .withCurves(RunReportTest.curves("dropout 0.0", 0.2));
    ComparisonReport comparison =
        ComparisonReport.of("Dropout sweep", "Same ResNet-18, two dropout rates.", List.of(withPage, other));

    ReportFiles files = comparison.writeTo(dir);

    assertThat(LinkCheck.assertLocalLinksResolve(files.page()))
        .contains(
            "runs/dropout-0.5/index.html",
            "figures/headline-accuracy.png",
            "figures/compare-train-loss.png",
            "figures/compare-validation-loss.png",
            "figures/compare-validation-accuracy.png");
    assertThat(comparison.best(HeadlineMetric.ACCURACY)).hasValue("dropout 0.0");
    assertThat(comparison.best(HeadlineMetric.MACRO_F1)).hasValue("dropout 0.5");
    assertThat(comparison.best(HeadlineMetric.MEAN_YEAR_ERROR)).isEmpty();
    String html = Files.readString(files.page());
    assertThat(html).contains("<td class=\"num best\">99.0 %</td>");
    assertThat(html).contains("<a href=\"runs/dropout-0.5/index.html\">dropout 0.5</a>");
    // the linked run page's own links resolve too
    LinkCheck.assertLocalLinksResolve(dir.resolve("runs/dropout-0.5/index.html"));
  }

  @Test
  void lowerIsBetterForYearErrors() {
    ComparisonReport c =
        ComparisonReport.of(
            "years",
            "",
            List.of(
                ComparedRun.of("a", Map.of(HeadlineMetric.MEAN_YEAR_ERROR, 80.0)),
                ComparedRun.of("b", Map.of(HeadlineMetric.MEAN_YEAR_ERROR, 60.0)),
                ComparedRun.of("c", Map.of(HeadlineMetric.MEAN_YEAR_ERROR, Double.NaN))));

    assertThat(c.best(HeadlineMetric.MEAN_YEAR_ERROR)).hasValue("b");
    assertThat(c.metrics()).containsExactly(HeadlineMetric.MEAN_YEAR_ERROR);
  }

  @Test
  void curvesOnlyComparisonsWork() throws Exception {
    ComparisonReport c =
        ComparisonReport.of(
            "batch norm",
            "",
            List.of(
                ComparedRun.of(RunReportTest.curves("bn on", 0)),
                ComparedRun.of(RunReportTest.curves("bn off", 0.3))));

    ReportFiles files = c.writeTo(dir);

    assertThat(LinkCheck.assertLocalLinksResolve(files.page())).hasSize(3);
  }

  @Test
  void badRunsAreNamed() {
    assertThatThrownBy(
            () -> ComparisonReport.of("x", "", List.of(ComparedRun.of("a", Map.of()), ComparedRun.of("a", Map.of()))))
        .hasMessage("run name 'a' occurs twice");
    assertThatThrownBy(() -> ComparedRun.of("a", Map.of()).withLink("/abs/index.html"))
        .hasMessage("run a: the link must be relative to the comparison page, got /abs/index.html");
  }
}
