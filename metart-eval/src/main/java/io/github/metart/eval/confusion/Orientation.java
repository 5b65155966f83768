package io.github.metart.eval.confusion;

/**
 * Which axis of a confusion matrix holds the predicted classes and which the actual ones. Every
 * output of a {@link ConfusionMatrix} states its orientation.
 */
public enum Orientation {
  /** Rows are predicted classes, columns are actual classes (the classic report; the default). */
  PREDICTED_ROWS("predicted", "actual"),
  /** Rows are actual classes, columns are predicted classes (the transposed view). */
  ACTUAL_ROWS("actual", "predicted");

  private final String rows;
  private final String columns;

  Orientation(String rows, String columns) {
    this.rows = rows;
    this.columns = columns;
  }

  /** What the rows are: {@code predicted} or {@code actual}. */
  public String rows() {
    return rows;
  }

  /** What the columns are: {@code actual} or {@code predicted}. */
  public String columns() {
    return columns;
  }

  /** The other orientation. */
  public Orientation transposed() {
    return this == PREDICTED_ROWS ? ACTUAL_ROWS : PREDICTED_ROWS;
  }

  /**
   * What a confusion matrix normalized by column holds in this orientation, e.g. {@code each count
   * divided by its column's total (all objects of one actual class); a column with objects sums to
   * 1, one without is all 0; the diagonal is each class's recall}.
   */
  public String describeColumnShares() {
    boolean actualColumns = this == PREDICTED_ROWS;
    return "each count divided by its column's total (all objects "
        + (actualColumns ? "of one actual class" : "predicted as one class")
        + "); a column with objects sums to 1, one without is all 0; the diagonal is each class's "
        + (actualColumns ? "recall" : "precision");
  }

  /** E.g. {@code rows = predicted, columns = actual}. */
  public String describe() {
    return "rows = " + rows + ", columns = " + columns;
  }
}
