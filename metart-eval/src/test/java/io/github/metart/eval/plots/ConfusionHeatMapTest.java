package io.github.metart.eval.plots;

import static io.github.metart.eval.plots.PngAssertions.assertPng;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.plots.CellMark.Kind;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;

class ConfusionHeatMapTest {

  @TempDir Path dir;

  /** rows = predicted, columns = actual: 9 romans predicted etruscan, 2 greeks predicted roman. */
  private static ConfusionMatrix matrix() {
    return ConfusionMatrix.builder(List.of("etruscan", "greek", "roman"))
        .add(0, 0, 3)
        .add(0, 2, 9)
        .add(1, 0, 1)
        .add(1, 1, 1)
        .add(2, 1, 2)
        .add(2, 2, 4)
        .build();
  }

  @Test
  void diagonalAndWorstConfusionsAreMarked() {
    List<CellMark> marks = ConfusionHeatMap.marks(matrix(), 2);

    assertThat(marks.stream().filter(m -> m.kind() == Kind.DIAGONAL))
        .extracting(CellMark::row, CellMark::column, CellMark::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 0, "[3]"),
            org.assertj.core.groups.Tuple.tuple(1, 1, "[1]"),
            org.assertj.core.groups.Tuple.tuple(2, 2, "[4]"));
    assertThat(marks.stream().filter(m -> m.kind() == Kind.WORST_CONFUSION))
        .extracting(CellMark::row, CellMark::column, CellMark::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 2, "9 #1"), // row etruscan, column roman
            org.assertj.core.groups.Tuple.tuple(2, 1, "2 #2"));
    assertThat(marks.stream().filter(m -> m.kind() == Kind.COUNT))
        .extracting(CellMark::row, CellMark::column, CellMark::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 0, "1"));
  }

  @Test
  void theTransposedViewMarksTheSameConfusionAtTheSwappedCell() {
    List<CellMark> marks = ConfusionHeatMap.marks(matrix().transposed(), 1);

    assertThat(marks.stream().filter(m -> m.kind() == Kind.WORST_CONFUSION))
        .extracting(CellMark::row, CellMark::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0)); // row roman, column etruscan
  }

  @Test
  void heatMapStatesItsOrientationAndColoursByColumnShare() throws Exception {
    ConfusionHeatMap heatMap = ConfusionHeatMap.of(matrix(), 2, ChartSize.SQUARE);
    HeatMapChart chart = heatMap.chart();

    assertThat(chart.getTitle()).isEqualTo("Confusion matrix (rows = predicted, columns = actual)");
    assertThat(chart.getXAxisTitle()).isEqualTo("actual (columns)");
    assertThat(chart.getYAxisTitle()).isEqualTo("predicted (rows)");
    assertThat(chart.getSeriesMap()).containsOnlyKeys("share of actual column");
    // cell (row etruscan, column roman) holds 9 of 13 romans; drawn with row 0 on top
    List<Number[]> heat = new ArrayList<>(chart.getHeatMapSeries().getHeatData());
    assertThat(heat)
        .anySatisfy(
            cell -> {
              assertThat(cell[0]).isEqualTo(2);
              assertThat(cell[1]).isEqualTo(2);
              assertThat(cell[2].doubleValue()).isEqualTo(9.0 / 13);
            });
    assertThat(heatMap.marks()).hasSize(6);

    BufferedImage image = assertPng(ChartFiles.writePng(chart, dir.resolve("confusion.png")), ChartSize.SQUARE);
    assertThat(image).isNotNull();
    assertThat(ConfusionHeatMap.of(matrix().transposed(), 2, ChartSize.SQUARE).chart().getXAxisTitle())
        .isEqualTo("predicted (columns)");
  }

  @Test
  void largeMatricesStillRenderWithOnlyTheImportantMarks() throws Exception {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      labels.add("class " + i);
    }
    ConfusionMatrix.Builder b = ConfusionMatrix.builder(labels);
    for (int i = 0; i < 40; i++) {
      b.add(i, i, 10).add((i + 1) % 40, i, 1);
    }
    ConfusionHeatMap heatMap = ConfusionHeatMap.of(b.build(), 5, new ChartSize(1000, 950));

    assertThat(heatMap.marks()).hasSize(45); // 40 diagonal + 5 worst, no plain counts
    assertPng(ChartFiles.writePng(heatMap.chart(), dir.resolve("big.png")), new ChartSize(1000, 950));
  }

  @Test
  void longClassNamesAreCutButStayDistinct() {
    List<String> ticks =
        ConfusionHeatMap.tickTexts(
            List.of(
                "European Sculpture and Decorative Arts",
                "European Sculpture and Decorative Arts, Paris",
                "Greek and Roman Art"));

    assertThat(ticks)
        .containsExactly(
            "European Sculpture and …", "European Sculpture and … 2", "Greek and Roman Art");
  }

  @Test
  void tickLabelsAreUniqueSoXChartKeepsThem() {
    for (int n = 1; n <= 60; n++) {
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        labels.add("c" + i);
      }
      Set<String> seen = new HashSet<>();
      for (double v = -1; v <= n; v += 0.5) {
        assertThat(seen.add(ConfusionHeatMap.labelAt(labels, v))).as("n=%s v=%s", n, v).isTrue();
      }
      assertThat(ConfusionHeatMap.labelAt(labels, 0)).isEqualTo("c0");
      assertThat(ConfusionHeatMap.labelAt(labels, n - 1)).isEqualTo("c" + (n - 1));
    }
  }
}
