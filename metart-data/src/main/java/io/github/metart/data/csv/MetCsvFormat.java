package io.github.metart.data.csv;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How to read a {@code MetObjects.csv}-format file: one small immutable object, configured
 * fluently, that opens streaming readers.
 *
 * <pre>{@code
 * try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(path)) {
 *   for (MetObject object : reader) { ... }
 *   System.out.println(reader.report().toText(20));
 * }
 * }</pre>
 *
 * <p>The file is UTF-8 (a byte order mark is skipped), comma-separated with RFC 4180 quoting, CR,
 * LF or CRLF line ends and line breaks inside quoted fields; columns are found by header name, in
 * any order. By default reading is <em>lenient</em>: a row that cannot be used (wrong field count,
 * broken quote, invalid UTF-8, unparseable number or flag, missing or duplicate Object ID) is
 * skipped and recorded in the {@link ReadReport} with its physical line and reason. {@link
 * #strict()} throws a {@link MetCsvException} at the first such row instead. A file that cannot be
 * used at all (empty, not UTF-8 text, missing required columns) always fails with one message
 * naming the file and what is missing.
 */
public final class MetCsvFormat {

  /** Lenient, the required columns of {@link MetColumn#REQUIRED_BY_DEFAULT}, no digest. */
  public static final MetCsvFormat DEFAULT =
      new MetCsvFormat(
          false, EnumSet.copyOf(MetColumn.REQUIRED_BY_DEFAULT), 1_000, 1_000, 1 << 20, false, true);

  private static final int BUFFER_SIZE = 1 << 16;

  private final boolean strict;
  private final Set<MetColumn> requiredColumns;
  private final int maxReportedRows;
  private final int maxRowLines;
  private final int maxRowChars;
  private final boolean sha256;
  private final boolean readAhead;

  private MetCsvFormat(
      boolean strict,
      Set<MetColumn> requiredColumns,
      int maxReportedRows,
      int maxRowLines,
      int maxRowChars,
      boolean sha256,
      boolean readAhead) {
    this.strict = strict;
    this.requiredColumns = requiredColumns;
    this.maxReportedRows = maxReportedRows;
    this.maxRowLines = maxRowLines;
    this.maxRowChars = maxRowChars;
    this.sha256 = sha256;
    this.readAhead = readAhead;
  }

  /** This format, but throwing a {@link MetCsvException} at the first unusable row. */
  public MetCsvFormat strict() {
    return withStrict(true);
  }

  /** This format, skipping and reporting unusable rows (the default). */
  public MetCsvFormat lenient() {
    return withStrict(false);
  }

  /** This format, strict or lenient. */
  public MetCsvFormat withStrict(boolean value) {
    return new MetCsvFormat(value, requiredColumns, maxReportedRows, maxRowLines, maxRowChars, sha256, readAhead);
  }

  /**
   * This format requiring exactly these columns ({@link MetColumn#OBJECT_ID} is always required);
   * the other known columns are read when present and empty otherwise.
   */
  public MetCsvFormat withRequiredColumns(Collection<MetColumn> columns) {
    EnumSet<MetColumn> required = EnumSet.of(MetColumn.OBJECT_ID);
    required.addAll(columns);
    return new MetCsvFormat(strict, required, maxReportedRows, maxRowLines, maxRowChars, sha256, readAhead);
  }

  /** This format keeping at most {@code count} skipped rows in the report (all are counted). */
  public MetCsvFormat withMaxReportedRows(int count) {
    checkArgument(count >= 0, "maxReportedRows must be >= 0, got %s", count);
    return new MetCsvFormat(strict, requiredColumns, count, maxRowLines, maxRowChars, sha256, readAhead);
  }

  /**
   * This format giving up on a quoted field that is still open after {@code lines} physical lines
   * (the row is reported as a broken quote and reading resumes on its second line). Default 1,000:
   * the longest legitimate Met row seen has 90 lines.
   */
  public MetCsvFormat withMaxRowLines(int lines) {
    checkArgument(lines >= 2, "maxRowLines must be at least 2, got %s", lines);
    return new MetCsvFormat(strict, requiredColumns, maxReportedRows, lines, maxRowChars, sha256, readAhead);
  }

  /** This format skipping rows longer than {@code chars} (default 1 Mi chars). */
  public MetCsvFormat withMaxRowChars(int chars) {
    checkArgument(chars >= 64, "maxRowChars must be at least 64, got %s", chars);
    return new MetCsvFormat(strict, requiredColumns, maxReportedRows, maxRowLines, chars, sha256, readAhead);
  }

  /** This format computing the SHA-256 of the file's bytes while reading ({@link ReadReport#sha256()}). */
  public MetCsvFormat withSha256(boolean value) {
    return new MetCsvFormat(strict, requiredColumns, maxReportedRows, maxRowLines, maxRowChars, value, readAhead);
  }

  /**
   * This format decoding and framing (cutting records and fields) on a background thread a few
   * blocks ahead of the reading thread, which makes the values and objects (default true: on two or
   * more cores reading is faster), or on the reading thread only.
   */
  public MetCsvFormat withReadAhead(boolean value) {
    return new MetCsvFormat(strict, requiredColumns, maxReportedRows, maxRowLines, maxRowChars, sha256, value);
  }

  /** Whether decoding and framing run on a background thread. */
  public boolean readsAhead() {
    return readAhead;
  }

  /** Whether the first unusable row throws. */
  public boolean isStrict() {
    return strict;
  }

  /** The columns a file must have. */
  public Set<MetColumn> requiredColumns() {
    return EnumSet.copyOf(requiredColumns);
  }

  /** How many skipped rows the report keeps. */
  public int maxReportedRows() {
    return maxReportedRows;
  }

  /** After how many lines an open quoted field is given up. */
  public int maxRowLines() {
    return maxRowLines;
  }

  /** The longest row in chars. */
  public int maxRowChars() {
    return maxRowChars;
  }

  /** Whether the SHA-256 of the input is computed. */
  public boolean computesSha256() {
    return sha256;
  }

  /**
   * Opens a file and reads its header. Throws {@link MetCsvException} when the file cannot be used
   * at all, {@link IOException} when it cannot be read (e.g. {@link NoSuchFileException}).
   */
  public MetCsvReader open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new MetCsvException(file.toString(), "is a folder, not a MetObjects.csv file");
    }
    InputStream in = Files.newInputStream(file);
    try {
      return open(in, file.toString());
    } catch (RuntimeException | IOException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Opens a stream (closed with the reader) and reads its header.
   *
   * @param in the bytes of a MetObjects.csv-format file
   * @param name the name used in messages and the report, e.g. the file name
   */
  public MetCsvReader open(InputStream in, String name) throws IOException {
    return new MetCsvReader(in, name, this, BUFFER_SIZE);
  }

  /** Reads a whole file into memory: the objects and the report. Fine for small files and tests. */
  public ReadResult readAll(Path file) throws IOException {
    try (MetCsvReader reader = open(file)) {
      List<MetObject> objects = new ArrayList<>();
      reader.forEach(objects::add);
      return new ReadResult(objects, reader.report());
    }
  }

  /**
   * The outcome of {@link #readAll(Path)}.
   *
   * @param objects the usable rows, in file order
   * @param report the read report
   */
  public record ReadResult(List<MetObject> objects, ReadReport report) {

    /** Copies the list. */
    public ReadResult {
      objects = List.copyOf(objects);
    }
  }

  @Override
  public String toString() {
    return "MetCsvFormat[" + (strict ? "strict" : "lenient") + ", required " + requiredColumns + "]";
  }
}
