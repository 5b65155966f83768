package io.github.metart.data.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A row that was not read, with where it is and why.
 *
 * @param line the physical line (1-based) the row starts on
 * @param endLine the physical line the row ends on ({@code == line} unless a field spans lines)
 * @param reason the kind of problem
 * @param detail what exactly was wrong, e.g. {@code 53 fields, the header has 54}
 */
public record SkippedRow(long line, long endLine, SkipReason reason, String detail) {

  /** Validates the lines. */
  public SkippedRow {
    checkArgument(line >= 1 && endLine >= line, "bad line span %s..%s", line, endLine);
    requireNonNull(reason, "reason");
    requireNonNull(detail, "detail");
  }

  /** {@code line 12: wrong field count: 53 fields, the header has 54} (or {@code lines 12-15: ...}). */
  @Override
  public String toString() {
    String where = endLine == line ? "line " + line : "lines " + line + "-" + endLine;
    return where + ": " + reason.description() + ": " + detail;
  }
}
