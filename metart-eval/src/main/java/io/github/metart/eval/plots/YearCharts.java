package io.github.metart.eval.plots;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.YearOutcomes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of years: their distribution and predicted against actual. */
public final class YearCharts {

  /** The band drawn around the diagonal of {@link #predictedVsActual}, in years. */
  public static final int BAND_YEARS = 50;

  private static final int[] NICE_BIN_WIDTHS = {
    1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000
  };

  private YearCharts() {}

  /**
   * Histograms of years drawn as outlines on one chart, one per entry: e.g. {@code actual} and
   * {@code predicted}, or one per split. The bin width is a round number of years chosen for about
   * 40 bins over the range of all years.
   *
   * @param title the chart title
   * @param yearsBySeries years per series, in display order; at least one year in all
   * @param size the image size
   */
  public static XYChart histogram(String title, Map<String, double[]> yearsBySeries, ChartSize size) {
    requireNonNull(yearsBySeries, "yearsBySeries");
    requireNonNull(size, "size");
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] years : yearsBySeries.values()) {
      for (double year : years) {
        checkArgument(Double.isFinite(year), "years must be finite, got %s", year);
        min = Math.min(min, year);
        max = Math.max(max, year);
      }
    }
    checkArgument(min <= max, "no years to draw");
    int width = binWidth(max - min);
    double first = Math.floor(min / width) * width;
    int bins = (int) Math.floor((max - first) / width) + 1;

    XYChart chart =
        new XYChartBuilder()
            .width(size.width())
            .height(size.height())
            .title(title)
            .xAxisTitle("year (bins of " + width + (width == 1 ? " year)" : " years)"))
            .yAxisTitle("objects")
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    yearsBySeries.forEach(
        (name, years) -> {
          long[] counts = new long[bins];
          for (double year : years) {
            counts[(int) Math.floor((year - first) / width)]++;
          }
          List<Double> x = new ArrayList<>();
          List<Long> y = new ArrayList<>();
          x.add(first);
          y.add(0L);
          for (int b = 0; b < bins; b++) {
            x.add(first + (double) b * width);
            y.add(counts[b]);
          }
          x.add(first + (double) bins * width);
          y.add(counts[bins - 1]);
          x.add(first + (double) bins * width);
          y.add(0L);
          XYSeries series = chart.addSeries(name, x, y);
          series.setMarker(SeriesMarkers.NONE);
          series.setLineStyle(new BasicStroke(2f));
        });
    return chart;
  }

  /** A round bin width in years giving about 40 bins over {@code range} years. */
  static int binWidth(double range) {
    double wanted = range / 40;
    for (int width : NICE_BIN_WIDTHS) {
      if (width >= wanted) {
        return width;
      }
    }
    return NICE_BIN_WIDTHS[NICE_BIN_WIDTHS.length - 1];
  }

  /**
   * Each object's predicted year against its actual year, with the diagonal (a perfect
   * prediction) and the band of ±{@value #BAND_YEARS} years around it.
   *
   * @param predictions the predictions, at least one
   * @param size the image size
   */
  public static XYChart predictedVsActual(YearOutcomes predictions, ChartSize size) {
    requireNonNull(predictions, "predictions");
    requireNonNull(size, "size");
    checkArgument(!predictions.isEmpty(), "no predictions to draw");
    double[] actual = predictions.actualYears();
    double[] predicted = predictions.predictedYears();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < actual.length; i++) {
      min = Math.min(min, Math.min(actual[i], predicted[i]));
      max = Math.max(max, Math.max(actual[i], predicted[i]));
    }
    if (max - min < 2 * BAND_YEARS) {
      min -= BAND_YEARS;
      max += BAND_YEARS;
    }

    XYChart chart =
        new XYChartBuilder()
            .width(size.width())
            .height(size.height())
            .title("Predicted against actual year (" + predictions.size() + " objects)")
            .xAxisTitle("actual year")
            .yAxisTitle("predicted year")
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("0");
    chart.getStyler().setXAxisMin(min);
    chart.getStyler().setXAxisMax(max);
    chart.getStyler().setYAxisMin(min);
    chart.getStyler().setYAxisMax(max);
    chart.getStyler().setMarkerSize(predictions.size() > 2000 ? 3 : 5);

    XYSeries objects = chart.addSeries("objects", actual, predicted);
    objects.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    objects.setMarker(SeriesMarkers.CIRCLE);
    objects.setMarkerColor(new Color(31, 119, 180, predictions.size() > 500 ? 90 : 200));

    XYSeries diagonal = chart.addSeries("predicted = actual", new double[] {min, max}, new double[] {min, max});
    style(diagonal, new Color(40, 40, 40), new BasicStroke(1.5f));
    float[] dash = {6f, 4f};
    BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    XYSeries above =
        chart.addSeries(
            "+" + BAND_YEARS + " years",
            new double[] {min, max},
            new double[] {min + BAND_YEARS, max + BAND_YEARS});
    style(above, new Color(214, 39, 40), dashed);
    XYSeries below =
        chart.addSeries(
            "-" + BAND_YEARS + " years",
            new double[] {min, max},
            new double[] {min - BAND_YEARS, max - BAND_YEARS});
    style(below, new Color(214, 39, 40), dashed);
    return chart;
  }

  private static void style(XYSeries series, Color color, BasicStroke stroke) {
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(stroke);
  }
}
