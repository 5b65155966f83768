package io.github.metart.eval.confusion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Counts of (predicted class, actual class) pairs with the class names, immutable.
 *
 * <p>The orientation is explicit: {@link #count(int, int)} always takes the predicted class first
 * and the actual class second, whatever the view; {@link #cell(int, int)}, {@link #cells()},
 * {@link #normalizedByColumn()} and {@link #toText()} follow {@link #orientation()}, which is
 * {@link Orientation#PREDICTED_ROWS} (rows = predicted, columns = actual) unless {@link
 * #transposed()} was asked for.
 */
public final class ConfusionMatrix {

  private final List<String> labels;
  private final long[][] byPredictedThenActual;
  private final Orientation orientation;

  private ConfusionMatrix(
      List<String> labels, long[][] byPredictedThenActual, Orientation orientation) {
    this.labels = labels;
    this.byPredictedThenActual = byPredictedThenActual;
    this.orientation = orientation;
  }

  /** The confusion matrix of the given predictions, rows = predicted, columns = actual. */
  public static ConfusionMatrix of(ClassOutcomes predictions) {
    requireNonNull(predictions, "predictions");
    Builder builder = builder(predictions.labels());
    for (ClassOutcome p : predictions.outcomes()) {
      builder.add(p.predicted(), p.actual());
    }
    return builder.build();
  }

  /**
   * A matrix from counts laid out in the given orientation.
   *
   * @param labels the class names in index order
   * @param cells square counts, {@code labels.size()} rows of {@code labels.size()} columns
   * @param orientation what the rows and columns of {@code cells} are
   */
  public static ConfusionMatrix fromCells(
      List<String> labels, long[][] cells, Orientation orientation) {
    requireNonNull(cells, "cells");
    requireNonNull(orientation, "orientation");
    Builder builder = builder(labels);
    int n = builder.labels.size();
    checkArgument(cells.length == n, "%s rows for %s labels", cells.length, n);
    for (int row = 0; row < n; row++) {
      checkArgument(
          cells[row].length == n, "row %s has %s columns for %s labels", row, cells[row].length, n);
      for (int column = 0; column < n; column++) {
        long count = cells[row][column];
        checkArgument(count >= 0, "negative count %s at row %s, column %s", count, row, column);
        if (orientation == Orientation.PREDICTED_ROWS) {
          builder.add(row, column, count);
        } else {
          builder.add(column, row, count);
        }
      }
    }
    return builder.build().inOrientation(orientation);
  }

  /** An empty builder for the given class names (at least one, no duplicates). */
  public static Builder builder(List<String> labels) {
    return new Builder(labels);
  }

  /** The class names in index order. */
  public List<String> labels() {
    return labels;
  }

  /** The number of classes. */
  public int size() {
    return labels.size();
  }

  /** What the rows and columns of this view are. */
  public Orientation orientation() {
    return orientation;
  }

  /** The same counts with rows and columns swapped. */
  public ConfusionMatrix transposed() {
    return inOrientation(orientation.transposed());
  }

  /** The same counts in the given orientation. */
  public ConfusionMatrix inOrientation(Orientation wanted) {
    requireNonNull(wanted, "orientation");
    return wanted == orientation
        ? this
        : new ConfusionMatrix(labels, byPredictedThenActual, wanted);
  }

  /** How many objects of class {@code actual} were predicted as class {@code predicted}. */
  public long count(int predicted, int actual) {
    checkIndex(predicted, "predicted");
    checkIndex(actual, "actual");
    return byPredictedThenActual[predicted][actual];
  }

  /** How many objects of class {@code actual} were predicted as class {@code predicted}. */
  public long count(String predicted, String actual) {
    return count(indexOf(predicted), indexOf(actual));
  }

  /** The count at a row and column of this view (see {@link #orientation()}). */
  public long cell(int row, int column) {
    return orientation == Orientation.PREDICTED_ROWS ? count(row, column) : count(column, row);
  }

  /** All counts of this view, {@code [row][column]}, as a fresh array. */
  public long[][] cells() {
    int n = size();
    long[][] cells = new long[n][n];
    for (int row = 0; row < n; row++) {
      for (int column = 0; column < n; column++) {
        cells[row][column] = cell(row, column);
      }
    }
    return cells;
  }

  /**
   * The counts of this view divided by their column total, so that each column with objects sums
   * to 1 (columns without objects stay 0). In the default orientation a column is an actual class
   * and the diagonal holds each class's recall.
   */
  public double[][] normalizedByColumn() {
    int n = size();
    double[][] shares = new double[n][n];
    for (int row = 0; row < n; row++) {
      for (int column = 0; column < n; column++) {
        double share = columnShare(row, column);
        shares[row][column] = Double.isNaN(share) ? 0 : share;
      }
    }
    return shares;
  }

  /**
   * A cell's count divided by its column's total, NaN when the column has no objects: in the
   * default orientation the share of an actual class's objects that were predicted as the row's
   * class. {@link #normalizedByColumn()} holds all of them (0 for empty columns).
   */
  public double columnShare(int row, int column) {
    long total = columnTotal(column);
    return total == 0 ? Double.NaN : (double) cell(row, column) / total;
  }

  /**
   * The sum of one column of this view: in the default orientation the number of objects of an
   * actual class.
   */
  public long columnTotal(int column) {
    long total = 0;
    for (int row = 0; row < size(); row++) {
      total += cell(row, column);
    }
    return total;
  }

  /** The number of counted objects. */
  public long total() {
    long total = 0;
    for (long[] row : byPredictedThenActual) {
      for (long count : row) {
        total += count;
      }
    }
    return total;
  }

  /** The number of objects on the diagonal (predicted as their actual class). */
  public long correct() {
    long correct = 0;
    for (int i = 0; i < size(); i++) {
      correct += byPredictedThenActual[i][i];
    }
    return correct;
  }

  /** How many objects actually belong to a class. */
  public long actualCount(int actual) {
    checkIndex(actual, "actual");
    long total = 0;
    for (long[] row : byPredictedThenActual) {
      total += row[actual];
    }
    return total;
  }

  /** How many objects were predicted as a class. */
  public long predictedCount(int predicted) {
    checkIndex(predicted, "predicted");
    return Arrays.stream(byPredictedThenActual[predicted]).sum();
  }

  /**
   * The most frequent off-diagonal pairs, largest count first (ties by actual, then predicted
   * class name). Pairs with no objects are left out, so fewer than {@code n} may come back.
   *
   * @param n how many at most, 0 or more
   */
  public List<Confusion> topConfusions(int n) {
    checkArgument(n >= 0, "ask for 0 or more confusions, got %s", n);
    List<Confusion> all = new ArrayList<>();
    for (int predicted = 0; predicted < size(); predicted++) {
      for (int actual = 0; actual < size(); actual++) {
        long count = byPredictedThenActual[predicted][actual];
        if (predicted != actual && count > 0) {
          all.add(new Confusion(labels.get(actual), labels.get(predicted), count));
        }
      }
    }
    all.sort(
        Comparator.comparingLong(Confusion::count)
            .reversed()
            .thenComparing(Confusion::actual)
            .thenComparing(Confusion::predicted));
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }

  /**
   * A plain-text table of this view, headed by its orientation, e.g.
   *
   * <pre>
   * confusion matrix (rows = predicted, columns = actual)
   * predicted \ actual  greek  roman
   * greek                   5      1
   * roman                   2      7
   * </pre>
   */
  public String toText() {
    String corner = orientation.rows() + " \\ " + orientation.columns();
    int first = corner.length();
    int width = 1;
    for (String label : labels) {
      first = Math.max(first, label.length());
      width = Math.max(width, label.length());
    }
    for (long[] row : byPredictedThenActual) {
      for (long count : row) {
        width = Math.max(width, Long.toString(count).length());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append("confusion matrix (").append(orientation.describe()).append(")\n");
    text.append(pad(corner, first, false));
    for (String label : labels) {
      text.append("  ").append(pad(label, width, true));
    }
    text.append('\n');
    for (int row = 0; row < size(); row++) {
      text.append(pad(labels.get(row), first, false));
      for (int column = 0; column < size(); column++) {
        text.append("  ").append(pad(Long.toString(cell(row, column)), width, true));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String pad(String text, int width, boolean right) {
    String padding = " ".repeat(Math.max(0, width - text.length()));
    return right ? padding + text : text + padding;
  }

  /** The index of a class name. */
  public int indexOf(String label) {
    int index = labels.indexOf(label);
    checkArgument(index >= 0, "no class '%s' among %s", label, labels);
    return index;
  }

  private void checkIndex(int index, String what) {
    checkArgument(
        index >= 0 && index < size(),
        "%s class index %s is out of range 0..%s",
        what,
        index,
        size() - 1);
  }

  /** Equal when labels, counts and orientation are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix that
        && labels.equals(that.labels)
        && orientation == that.orientation
        && Arrays.deepEquals(byPredictedThenActual, that.byPredictedThenActual);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * labels.hashCode() + orientation.hashCode())
        + Arrays.deepHashCode(byPredictedThenActual);
  }

  /** The plain-text table, see {@link #toText()}. */
  @Override
  public String toString() {
    return toText();
  }

  /** Counts (predicted, actual) pairs. Not thread-safe. */
  public static final class Builder {
    private final List<String> labels;
    private final long[][] counts;

    private Builder(List<String> labels) {
      this.labels = List.copyOf(requireNonNull(labels, "labels"));
      checkArgument(!this.labels.isEmpty(), "at least one label is needed");
      checkArgument(
          this.labels.stream().distinct().count() == this.labels.size(),
          "labels must be distinct: %s",
          this.labels);
      this.counts = new long[this.labels.size()][this.labels.size()];
    }

    /** Counts one object of class {@code actual} predicted as class {@code predicted}. */
    public Builder add(int predicted, int actual) {
      return add(predicted, actual, 1);
    }

    /** Counts {@code count} objects of class {@code actual} predicted as {@code predicted}. */
    public Builder add(int predicted, int actual, long count) {
      int n = labels.size();
      checkArgument(
          predicted >= 0 && predicted < n, "predicted class %s out of range 0..%s", predicted,
          n - 1);
      checkArgument(actual >= 0 && actual < n, "actual class %s out of range 0..%s", actual, n - 1);
      checkArgument(count >= 0, "count must be 0 or more, got %s", count);
      counts[predicted][actual] += count;
      return this;
    }

    /** The matrix, rows = predicted, columns = actual. */
    public ConfusionMatrix build() {
      long[][] copy = new long[counts.length][];
      for (int i = 0; i < counts.length; i++) {
        copy[i] = counts[i].clone();
      }
      return new ConfusionMatrix(labels, copy, Orientation.PREDICTED_ROWS);
    }
  }
}
