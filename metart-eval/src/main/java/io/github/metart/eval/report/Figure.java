package io.github.metart.eval.report;

import static java.util.Objects.requireNonNull;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart to be written as {@code figures/<name>.png} and shown on a page.
 *
 * @param name the file name without folder and extension
 * @param caption what to read from it
 * @param chart the chart
 */
record Figure(String name, String caption, Chart<?, ?> chart) {

  /** The folder, relative to the page, holding the figures. */
  static final String FOLDER = "figures";

  Figure {
    requireNonNull(name, "name");
    requireNonNull(caption, "caption");
    requireNonNull(chart, "chart");
  }

  /** The path relative to the page, e.g. {@code figures/confusion-matrix.png}. */
  String relativePath() {
    return FOLDER + "/" + name + ".png";
  }

  /** The chart's width in pixels, for the page's {@code img} element. */
  int width() {
    return chart.getWidth();
  }
}
