package io.github.metart.data.csv;

/**
 * A {@code MetObjects.csv} file that cannot be used at all (empty, not a CSV, missing required
 * columns), or, in strict mode, the first bad row. The message is one line naming the file, the
 * line where there is one, and what is wrong or missing.
 */
public final class MetCsvException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  /**
   * A problem with a whole file.
   *
   * @param file the file's name as given to the reader
   * @param message what is wrong, without the file name
   */
  public MetCsvException(String file, String message) {
    super(file + ": " + message);
    this.file = file;
    this.line = 0;
  }

  /**
   * A problem with one row.
   *
   * @param file the file's name as given to the reader
   * @param row the row
   */
  public MetCsvException(String file, SkippedRow row) {
    super(file + ", " + row);
    this.file = file;
    this.line = row.line();
  }

  /** The file's name as given to the reader. */
  public String file() {
    return file;
  }

  /** The physical line of the problem, or 0 when it concerns the whole file. */
  public long line() {
    return line;
  }
}
