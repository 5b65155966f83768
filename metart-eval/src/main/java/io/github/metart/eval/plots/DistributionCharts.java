package io.github.metart.eval.plots;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.confusion.ConfusionMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Bar charts of how many objects each class holds. */
public final class DistributionCharts {

  private DistributionCharts() {}

  /**
   * Grouped bars of counts per label, one bar series per entry: e.g. {@code train}, {@code
   * validation} and {@code test}, or {@code actual} and {@code predicted}.
   *
   * @param title the chart title
   * @param labels the class names, one bar group each
   * @param countsBySeries counts per series, each with one count per label, in display order
   * @param size the image size
   */
  public static CategoryChart labelCounts(
      String title,
      List<String> labels,
      Map<String, ? extends List<? extends Number>> countsBySeries,
      ChartSize size) {
    requireNonNull(labels, "labels");
    requireNonNull(countsBySeries, "countsBySeries");
    requireNonNull(size, "size");
    checkArgument(!labels.isEmpty(), "no labels to draw");
    checkArgument(!countsBySeries.isEmpty(), "no counts to draw");
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(size.width())
            .height(size.height())
            .title(title)
            .xAxisTitle("label")
            .yAxisTitle("objects")
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(labels.size() > 6 ? 45 : 0);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setLegendVisible(countsBySeries.size() > 1);
    countsBySeries.forEach(
        (name, counts) -> {
          checkArgument(
              counts.size() == labels.size(),
              "series '%s' has %s counts for %s labels",
              name,
              counts.size(),
              labels.size());
          chart.addSeries(name, labels, new ArrayList<Number>(counts));
        });
    return chart;
  }

  /** Bars of the actual and the predicted count of every class of a confusion matrix. */
  public static CategoryChart actualAndPredicted(ConfusionMatrix matrix, ChartSize size) {
    requireNonNull(matrix, "matrix");
    List<Long> actual = new ArrayList<>();
    List<Long> predicted = new ArrayList<>();
    for (int i = 0; i < matrix.size(); i++) {
      actual.add(matrix.actualCount(i));
      predicted.add(matrix.predictedCount(i));
    }
    Map<String, List<Long>> series = new LinkedHashMap<>();
    series.put("actual", actual);
    series.put("predicted", predicted);
    return labelCounts("Objects per label: actual and predicted", matrix.labels(), series, size);
  }
}
