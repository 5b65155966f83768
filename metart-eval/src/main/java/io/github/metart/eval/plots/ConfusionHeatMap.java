package io.github.metart.eval.plots;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.confusion.Confusion;
import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.confusion.Orientation;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A confusion matrix as a heat map: the colour of a cell is its share of its column (in the
 * default orientation, of the actual class), the diagonal cells are written {@code [count]} and
 * the most frequent confusions {@code count #rank}; other cells show their count while the matrix
 * is small enough to read. Axis titles state the orientation.
 *
 * @param chart the XChart heat map, ready to write
 * @param marks the texts written on cells, in drawing order
 */
public record ConfusionHeatMap(HeatMapChart chart, List<CellMark> marks) {

  /** Up to this many classes every cell with objects shows its count. */
  public static final int MAX_CLASSES_WITH_ALL_COUNTS = 20;

  /** Longer class names are cut in tick labels (the report's tables show them whole). */
  public static final int MAX_TICK_CHARS = 24;

  private static final Color[] SHADES = {
    new Color(255, 255, 255), new Color(198, 219, 239), new Color(107, 174, 214), new Color(66, 146, 198)
  };

  /** Checks that nothing is missing. */
  public ConfusionHeatMap {
    requireNonNull(chart, "chart");
    marks = List.copyOf(marks);
  }

  /**
   * Draws a confusion matrix in its own orientation.
   *
   * @param matrix the counts
   * @param worstConfusions how many of the most frequent confusions to mark, 0 or more
   * @param size the image size
   */
  public static ConfusionHeatMap of(ConfusionMatrix matrix, int worstConfusions, ChartSize size) {
    requireNonNull(matrix, "matrix");
    requireNonNull(size, "size");
    checkArgument(worstConfusions >= 0, "mark 0 or more confusions, got %s", worstConfusions);
    int n = matrix.size();
    List<String> labels = matrix.labels();
    String rows = matrix.orientation().rows();
    String columns = matrix.orientation().columns();

    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(size.width())
            .height(size.height())
            .title("Confusion matrix (" + matrix.orientation().describe() + ")")
            .xAxisTitle(columns + " (columns)")
            .yAxisTitle(rows + " (rows)")
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setRangeColors(SHADES);
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(1);
    chart.getStyler().setShowValue(false);
    List<String> ticks = tickTexts(labels);
    int longest = ticks.stream().mapToInt(String::length).max().orElse(1);
    boolean rotate = n > 6 || longest * n > 60; // unrotated names would not fit side by side
    chart.getStyler().setXAxisLabelRotation(rotate ? 90 : 0);
    chart.getStyler().setXAxisTickMarkSpacingHint(rotate ? 14 : 60); // rotated labels stack tightly
    chart.getStyler().setYAxisTickMarkSpacingHint(14);
    chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, n > 12 ? 9 : 12));
    chart.getStyler().setAnnotationTextFontColor(new Color(20, 20, 20));
    // numeric axes from -0.5 to n - 0.5 put cell i's centre at i, so ticks and marks line up
    chart.getStyler().setXAxisMin(-0.5);
    chart.getStyler().setXAxisMax(n - 0.5);
    chart.getStyler().setYAxisMin(-0.5);
    chart.getStyler().setYAxisMax(n - 0.5);
    chart.setCustomXAxisTickLabelsFormatter(value -> labelAt(ticks, value));
    // XChart draws y = 0 at the bottom; rows are drawn top-down, so row r sits at y = n - 1 - r
    chart.setCustomYAxisTickLabelsFormatter(value -> labelAt(ticks, n - 1 - value));

    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      indices.add(i);
    }
    double[][] shares = matrix.normalizedByColumn();
    List<Number[]> heat = new ArrayList<>();
    for (int row = 0; row < n; row++) {
      for (int column = 0; column < n; column++) {
        heat.add(new Number[] {column, n - 1 - row, shares[row][column]});
      }
    }
    chart.addSeries("share of " + columns + " column", indices, indices, heat);

    List<CellMark> marks = marks(matrix, worstConfusions);
    for (CellMark mark : marks) {
      chart.addAnnotation(new AnnotationText(mark.text(), mark.column(), n - 1 - mark.row(), false));
    }
    return new ConfusionHeatMap(chart, marks);
  }

  /**
   * The texts to write on the cells: {@code [count]} on every diagonal cell, {@code count #rank} on
   * the most frequent confusions and, for up to {@value #MAX_CLASSES_WITH_ALL_COUNTS} classes, the
   * count on every other cell with objects.
   */
  public static List<CellMark> marks(ConfusionMatrix matrix, int worstConfusions) {
    int n = matrix.size();
    List<CellMark> marks = new ArrayList<>();
    boolean[][] marked = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      marks.add(new CellMark(i, i, CellMark.Kind.DIAGONAL, "[" + matrix.cell(i, i) + "]"));
      marked[i][i] = true;
    }
    int rank = 1;
    for (Confusion confusion : matrix.topConfusions(worstConfusions)) {
      int predicted = matrix.indexOf(confusion.predicted());
      int actual = matrix.indexOf(confusion.actual());
      boolean predictedRows = matrix.orientation() == Orientation.PREDICTED_ROWS;
      int row = predictedRows ? predicted : actual;
      int column = predictedRows ? actual : predicted;
      marks.add(
          new CellMark(row, column, CellMark.Kind.WORST_CONFUSION, confusion.count() + " #" + rank));
      marked[row][column] = true;
      rank++;
    }
    if (n <= MAX_CLASSES_WITH_ALL_COUNTS) {
      for (int row = 0; row < n; row++) {
        for (int column = 0; column < n; column++) {
          long count = matrix.cell(row, column);
          if (!marked[row][column] && count > 0) {
            marks.add(new CellMark(row, column, CellMark.Kind.COUNT, Long.toString(count)));
          }
        }
      }
    }
    return List.copyOf(marks);
  }

  /**
   * The class names as tick labels: cut to {@value #MAX_TICK_CHARS} characters, and numbered when
   * cutting made two equal (XChart drops every tick label when two are equal).
   */
  static List<String> tickTexts(List<String> labels) {
    List<String> ticks = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>(labels);
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      String tick =
          label.length() <= MAX_TICK_CHARS ? label : label.substring(0, MAX_TICK_CHARS - 1) + "…";
      if (!tick.equals(label) && (ticks.contains(tick) || seen.contains(tick))) {
        tick = tick + " " + (i + 1);
      }
      ticks.add(tick);
    }
    return ticks;
  }

  /**
   * The tick label at an axis value: the class name at whole positions inside the matrix, blank
   * elsewhere. XChart drops every tick label when two are equal, so each blank position gets its
   * own short run of blanks: the half-step index, written in binary with a space for 0 and a
   * no-break space for 1.
   */
  static String labelAt(List<String> labels, double value) {
    int n = labels.size();
    long index = Math.round(value);
    if (Math.abs(value - index) < 1e-6 && index >= 0 && index < n) {
      return labels.get((int) index);
    }
    long half = Math.round(value * 2);
    long code = (half >= 0 ? 2 * half : -2 * half - 1) + 1; // zigzag, then 1 or more
    StringBuilder blank = new StringBuilder();
    for (String bits = Long.toBinaryString(code); !bits.isEmpty(); bits = bits.substring(1)) {
      blank.append(bits.charAt(0) == '1' ? '\u00A0' : ' ');
    }
    return blank.toString();
  }
}
