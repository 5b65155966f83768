package io.github.metart.eval.plots;

import static java.util.Objects.requireNonNull;

/**
 * A text drawn on one cell of a confusion heat map.
 *
 * @param row the cell's row in the matrix's orientation
 * @param column the cell's column in the matrix's orientation
 * @param kind why the cell is marked
 * @param text what is written on it
 */
public record CellMark(int row, int column, Kind kind, String text) {

  /** Checks that nothing is missing. */
  public CellMark {
    requireNonNull(kind, "kind");
    requireNonNull(text, "text");
  }

  /** Why a cell is marked. */
  public enum Kind {
    /** A diagonal cell: the correctly classified objects, written {@code [count]}. */
    DIAGONAL,
    /** One of the most frequent confusions, written {@code count #rank}. */
    WORST_CONFUSION,
    /** Any other cell with objects, written as its count (only on small matrices). */
    COUNT
  }
}
