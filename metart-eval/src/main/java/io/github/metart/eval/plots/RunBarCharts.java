package io.github.metart.eval.plots;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** One bar per run: a final number of several runs side by side, e.g. their test accuracy. */
public final class RunBarCharts {

  private RunBarCharts() {}

  /**
   * Bars of one value per run, in the map's order; runs whose value is NaN or null are left out.
   *
   * @param title the chart title
   * @param yAxisTitle what the values are
   * @param valueByRun the value of each run
   * @param size the image size
   */
  public static CategoryChart of(
      String title, String yAxisTitle, Map<String, Double> valueByRun, ChartSize size) {
    requireNonNull(valueByRun, "valueByRun");
    requireNonNull(size, "size");
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(size.width())
            .height(size.height())
            .title(title)
            .xAxisTitle("run")
            .yAxisTitle(yAxisTitle)
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(valueByRun.size() > 5 ? 45 : 0);
    chart.getStyler().setYAxisMin(0.0);
    List<String> runs = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    valueByRun.forEach(
        (run, value) -> {
          if (value != null && !value.isNaN()) {
            runs.add(run);
            values.add(value);
          }
        });
    checkArgument(!runs.isEmpty(), "no run has a value to draw for '%s'", yAxisTitle);
    chart.addSeries(yAxisTitle, runs, values);
    return chart;
  }
}
