package io.github.metart.eval.plots;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.GroupScore;
import io.github.metart.eval.analysis.Measure;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Bar charts of a measure per Met metadata group, e.g. accuracy per department. */
public final class BreakdownCharts {

  private BreakdownCharts() {}

  /**
   * One bar per group, for the largest groups; each bar is labelled with the group and its number
   * of objects.
   *
   * @param breakdown the measure per group
   * @param maxGroups how many of the largest groups to draw, 1 or more
   * @param size the image size
   */
  public static CategoryChart of(Breakdown breakdown, int maxGroups, ChartSize size) {
    requireNonNull(breakdown, "breakdown");
    requireNonNull(size, "size");
    checkArgument(maxGroups >= 1, "draw 1 or more groups, got %s", maxGroups);
    checkArgument(!breakdown.groups().isEmpty(), "no groups to draw");
    List<GroupScore> groups = breakdown.largest(maxGroups);
    String measure = breakdown.measure().displayName();
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(size.width())
            .height(size.height())
            .title(Character.toUpperCase(measure.charAt(0)) + measure.substring(1) + " by " + breakdown.field().displayName())
            .xAxisTitle(breakdown.field().displayName() + " (objects)")
            .yAxisTitle(measure)
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(45);
    if (breakdown.measure() == Measure.ACCURACY) {
      chart.getStyler().setYAxisMin(0.0);
      chart.getStyler().setYAxisMax(1.0);
    } else {
      chart.getStyler().setYAxisMin(0.0);
      chart.getStyler().setYAxisDecimalPattern("0");
    }
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (GroupScore g : groups) {
      names.add(shorten(g.group()) + " (" + g.count() + ")");
      values.add(g.value());
    }
    chart.addSeries(measure, names, values);
    return chart;
  }

  private static String shorten(String group) {
    return group.length() <= 28 ? group : group.substring(0, 27) + "…";
  }
}
