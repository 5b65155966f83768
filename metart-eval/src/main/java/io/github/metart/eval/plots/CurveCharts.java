package io.github.metart.eval.plots;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts of per-epoch values: one run's curves, or several runs compared. */
public final class CurveCharts {

  private CurveCharts() {}

  /**
   * One chart per metric of a run: e.g. {@code loss} (train and validation loss) and {@code
   * accuracy}, in the order the metrics first appear.
   *
   * @return charts keyed by metric name, each with the run's series of that metric
   */
  public static Map<String, XYChart> byMetric(RunCurves run, ChartSize size) {
    requireNonNull(run, "run");
    Map<String, List<String>> seriesByMetric = new LinkedHashMap<>();
    for (String name : run.seriesNames()) {
      seriesByMetric.computeIfAbsent(RunCurves.metricOf(name), m -> new ArrayList<>()).add(name);
    }
    Map<String, XYChart> charts = new LinkedHashMap<>();
    seriesByMetric.forEach(
        (metric, names) -> charts.put(metric, curves(run, names, metric + " per epoch", metric, size)));
    return charts;
  }

  /**
   * Chosen series of one run against the epoch.
   *
   * @param run the run
   * @param seriesNames the series to draw, each present in the run
   * @param title the chart title
   * @param yAxisTitle what the values are
   * @param size the image size
   */
  public static XYChart curves(
      RunCurves run, List<String> seriesNames, String title, String yAxisTitle, ChartSize size) {
    requireNonNull(run, "run");
    checkArgument(!seriesNames.isEmpty(), "run %s: name at least one series to draw", run.run());
    XYChart chart = newChart(run.run() + ": " + title, yAxisTitle, size);
    for (String name : seriesNames) {
      addSeries(chart, name, run.epochs(), run.values(name));
    }
    return chart;
  }

  /**
   * The same series of several runs on one chart, one line per run named after the run: e.g. the
   * validation accuracy of every architecture in a sweep. Runs without the series are left out.
   *
   * @param runs the runs (names unique)
   * @param seriesName the series to compare, e.g. {@link RunCurves#VALIDATION_ACCURACY}
   * @param size the image size
   * @throws IllegalArgumentException when no run has the series
   */
  public static XYChart comparison(List<RunCurves> runs, String seriesName, ChartSize size) {
    requireNonNull(runs, "runs");
    requireNonNull(seriesName, "seriesName");
    XYChart chart = newChart(seriesName + " per epoch", RunCurves.metricOf(seriesName), size);
    List<String> seen = new ArrayList<>();
    for (RunCurves run : runs) {
      checkArgument(!seen.contains(run.run()), "run name '%s' occurs twice", run.run());
      seen.add(run.run());
      if (run.has(seriesName)) {
        addSeries(chart, run.run(), run.epochs(), run.values(seriesName));
      }
    }
    checkArgument(
        !chart.getSeriesMap().isEmpty(),
        "none of the runs %s has the series '%s'",
        seen,
        seriesName);
    return chart;
  }

  /** The series names any of the runs have, in first-seen order. */
  public static List<String> commonSeriesNames(List<RunCurves> runs) {
    List<String> names = new ArrayList<>();
    for (RunCurves run : runs) {
      for (String name : run.seriesNames()) {
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static XYChart newChart(String title, String yAxisTitle, ChartSize size) {
    requireNonNull(size, "size");
    XYChart chart =
        new XYChartBuilder()
            .width(size.width())
            .height(size.height())
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle(yAxisTitle)
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setXAxisDecimalPattern("0");
    return chart;
  }

  private static void addSeries(XYChart chart, String name, List<Integer> epochs, List<Double> values) {
    List<Integer> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < epochs.size(); i++) {
      if (!Double.isNaN(values.get(i))) {
        x.add(epochs.get(i));
        y.add(values.get(i));
      }
    }
    if (x.isEmpty()) { // keep the legend entry honest: a series with no values is not drawn
      return;
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(x.size() <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
  }
}
