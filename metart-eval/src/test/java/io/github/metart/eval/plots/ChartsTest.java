package io.github.metart.eval.plots;

import static io.github.metart.eval.plots.PngAssertions.assertPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.MetadataField;
import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

class ChartsTest {

  @TempDir Path dir;

  private static RunCurves run(String name, double offset) {
    RunCurves.Builder b = RunCurves.builder(name);
    for (int epoch = 1; epoch <= 5; epoch++) {
      Map<String, Double> values = new LinkedHashMap<>();
      values.put(RunCurves.TRAIN_LOSS, 2.0 / epoch + offset);
      values.put(RunCurves.VALIDATION_LOSS, 2.2 / epoch + offset);
      values.put(RunCurves.VALIDATION_ACCURACY, 0.2 + 0.1 * epoch - offset);
      b.epoch(epoch, values);
    }
    return b.build();
  }

  @Test
  void chartsRenderHeadless() {
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void oneChartPerMetricWithTrainAndValidationSeries() throws Exception {
    Map<String, XYChart> charts = CurveCharts.byMetric(run("resnet18", 0), ChartSize.DEFAULT);

    assertThat(charts).containsOnlyKeys("loss", "accuracy");
    assertThat(charts.get("loss").getSeriesMap())
        .containsOnlyKeys(RunCurves.TRAIN_LOSS, RunCurves.VALIDATION_LOSS);
    assertThat(charts.get("loss").getSeriesMap().get(RunCurves.TRAIN_LOSS).getXData())
        .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    assertThat(charts.get("accuracy").getSeriesMap()).containsOnlyKeys(RunCurves.VALIDATION_ACCURACY);

    Path file = ChartFiles.writePng(charts.get("loss"), dir.resolve("curves/loss.png"));
    assertPng(file, ChartSize.DEFAULT);
  }

  @Test
  void missingEpochValuesAreLeftOutOfTheLine() {
    RunCurves curves =
        RunCurves.builder("r")
            .epoch(1, Map.of(RunCurves.TRAIN_LOSS, 1.0))
            .epoch(2, Map.of(RunCurves.TRAIN_LOSS, 0.5, RunCurves.VALIDATION_LOSS, 0.7))
            .build();

    assertThat(curves.values(RunCurves.VALIDATION_LOSS).get(0)).isNaN();
    XYChart chart = CurveCharts.byMetric(curves, ChartSize.DEFAULT).get("loss");
    assertThat(chart.getSeriesMap().get(RunCurves.VALIDATION_LOSS).getXData()).containsExactly(2.0);
  }

  @Test
  void severalRunsOnOneChartOneSeriesPerRun() throws Exception {
    List<RunCurves> runs = List.of(run("alexnet", 0.3), run("vgg11", 0.1), run("resnet18", 0));
    ChartSize size = new ChartSize(640, 400);

    XYChart chart = CurveCharts.comparison(runs, RunCurves.VALIDATION_ACCURACY, size);

    assertThat(chart.getSeriesMap()).containsOnlyKeys("alexnet", "vgg11", "resnet18");
    assertThat(chart.getTitle()).isEqualTo("validation accuracy per epoch");
    assertPng(ChartFiles.writePng(chart, dir.resolve("compare.png")), size);

    assertThatThrownBy(() -> CurveCharts.comparison(runs, "validation mean year error", size))
        .hasMessage(
            "none of the runs [alexnet, vgg11, resnet18] has the series 'validation mean year"
                + " error'");
    assertThatThrownBy(() -> CurveCharts.comparison(List.of(run("a", 0), run("a", 1)), RunCurves.TRAIN_LOSS, size))
        .hasMessage("run name 'a' occurs twice");
  }

  @Test
  void labelDistributionBarsHaveOneSeriesPerSplit() throws Exception {
    Map<String, List<Integer>> counts = new LinkedHashMap<>();
    counts.put("train", List.of(80, 60, 40));
    counts.put("validation", List.of(10, 8, 5));
    counts.put("test", List.of(10, 7, 5));

    CategoryChart chart =
        DistributionCharts.labelCounts("Objects per label", List.of("a", "b", "c"), counts, ChartSize.DEFAULT);

    assertThat(chart.getSeriesMap()).containsOnlyKeys("train", "validation", "test");
    assertThat(objects(chart.getSeriesMap().get("test").getYData())).containsExactly(10, 7, 5);
    assertPng(ChartFiles.writePng(chart, dir.resolve("labels.png")), ChartSize.DEFAULT);

    assertThatThrownBy(
            () -> DistributionCharts.labelCounts("x", List.of("a", "b"), Map.of("train", List.of(1)), ChartSize.DEFAULT))
        .hasMessage("series 'train' has 1 counts for 2 labels");
  }

  @Test
  void actualAndPredictedBarsComeFromTheConfusionMatrix() {
    ConfusionMatrix m =
        ConfusionMatrix.of(
            ClassOutcomes.of(List.of("a", "b"), new int[] {0, 0, 1}, new int[] {0, 1, 1}));

    CategoryChart chart = DistributionCharts.actualAndPredicted(m, ChartSize.DEFAULT);

    assertThat(chart.getSeriesMap()).containsOnlyKeys("actual", "predicted");
    assertThat(objects(chart.getSeriesMap().get("actual").getYData())).containsExactly(2L, 1L);
    assertThat(objects(chart.getSeriesMap().get("predicted").getYData())).containsExactly(1L, 2L);
  }

  @Test
  void yearHistogramCountsEveryYearOnce() throws Exception {
    Map<String, double[]> years = new LinkedHashMap<>();
    years.put("actual", new double[] {-500, -480, 1500, 1510, 1520, 1890});
    years.put("predicted", new double[] {-400, 1450, 1500, 1500, 1600, 1850});

    XYChart chart = YearCharts.histogram("Years", years, ChartSize.DEFAULT);

    assertThat(chart.getSeriesMap()).containsOnlyKeys("actual", "predicted");
    // the outline's heights, without its closing points, add up to the number of years
    double[] heights = chart.getSeriesMap().get("actual").getYData();
    double sum = 0;
    for (int i = 1; i < heights.length - 2; i++) {
      sum += heights[i];
    }
    assertThat(sum).isEqualTo(6);
    assertThat(chart.getXAxisTitle()).isEqualTo("year (bins of 100 years)"); // 2390 years / 40
    assertPng(ChartFiles.writePng(chart, dir.resolve("years.png")), ChartSize.DEFAULT);
  }

  @Test
  void binWidthsAreRoundNumbers() {
    assertThat(YearCharts.binWidth(0)).isEqualTo(1);
    assertThat(YearCharts.binWidth(400)).isEqualTo(10);
    assertThat(YearCharts.binWidth(900)).isEqualTo(25);
    assertThat(YearCharts.binWidth(9000)).isEqualTo(250);
  }

  @Test
  void predictedVsActualHasObjectsDiagonalAndBand() throws Exception {
    YearOutcomes p =
        YearOutcomes.of(new double[] {1500, 1600, 1700, -200}, new double[] {1520, 1550, 1800, -210});

    XYChart chart = YearCharts.predictedVsActual(p, ChartSize.SQUARE);

    assertThat(chart.getSeriesMap())
        .containsOnlyKeys("objects", "predicted = actual", "+50 years", "-50 years");
    double[] diagonal = chart.getSeriesMap().get("predicted = actual").getYData();
    assertThat(chart.getSeriesMap().get("+50 years").getYData())
        .containsExactly(diagonal[0] + 50, diagonal[1] + 50);
    assertThat(chart.getSeriesMap().get("-50 years").getYData())
        .containsExactly(diagonal[0] - 50, diagonal[1] - 50);
    assertThat(chart.getSeriesMap().get("+50 years").isShowInLegend()).isTrue();
    assertThat(chart.getSeriesMap().get("-50 years").isShowInLegend()).isTrue();
    assertThat(chart.getSeriesMap().get("objects").getXData()).containsExactly(1500, 1600, 1700, -200);
    assertThat(chart.getSeriesMap().get("objects").getYData()).containsExactly(1520, 1550, 1800, -210);
    assertPng(ChartFiles.writePng(chart, dir.resolve("pva.png")), ChartSize.SQUARE);

    assertThatThrownBy(() -> YearCharts.predictedVsActual(YearOutcomes.of(new double[0], new double[0]), ChartSize.SQUARE))
        .hasMessage("no predictions to draw");
  }

  @Test
  void breakdownBarsNameTheGroupsAndTheirSizes() throws Exception {
    YearOutcomes p =
        YearOutcomes.builder()
            .add(new ObjectMetadata(1, "Asian Art", "", "", ""), 1500, 1520, 1500, 1500)
            .add(new ObjectMetadata(2, "Asian Art", "", "", ""), 1500, 1560, 1500, 1500)
            .add(new ObjectMetadata(3, "Egyptian Art", "", "", ""), -1500, -1400, -1500, -1500)
            .build();

    CategoryChart chart =
        BreakdownCharts.of(Breakdown.yearErrorBy(p, MetadataField.DEPARTMENT), 10, ChartSize.DEFAULT);

    assertThat(chart.getTitle()).isEqualTo("Mean year error by department");
    assertThat(objects(chart.getSeriesMap().get("mean year error").getXData()))
        .containsExactly("Asian Art (2)", "Egyptian Art (1)");
    assertThat(objects(chart.getSeriesMap().get("mean year error").getYData())).containsExactly(40.0, 100.0);
    assertPng(ChartFiles.writePng(chart, dir.resolve("by-department.png")), ChartSize.DEFAULT);
  }

  private static List<Object> objects(java.util.Collection<?> values) {
    return new java.util.ArrayList<>(values);
  }

  @Test
  void sizesAreValidated() {
    assertThatThrownBy(() -> new ChartSize(50, 400))
        .hasMessage("chart size must be 100 to 8000 pixels each way, got 50x400");
  }
}
