package io.github.metart.data.csv;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What reading a {@code MetObjects.csv} produced: how many rows were usable, which were skipped and
 * why (with their physical line numbers), and the file's identity.
 *
 * @param file the file's name as given to the reader
 * @param rowsRead the rows turned into {@link MetObject}s
 * @param rowsSkipped the rows skipped (all of them, even beyond {@code skipped}'s limit)
 * @param skipped the first skipped rows, in file order, up to the format's limit
 * @param skippedByReason the number of skipped rows per reason
 * @param lines the physical lines read
 * @param blankLines blank lines outside quoted fields (ignored, not rows)
 * @param missingColumns the optional columns the file lacks (read as empty)
 * @param bytes the bytes read
 * @param sha256 the SHA-256 of the file's bytes (lowercase hex) when the format computes it and the
 *     file was read to the end, {@code ""} otherwise
 */
public record ReadReport(
    String file,
    long rowsRead,
    long rowsSkipped,
    List<SkippedRow> skipped,
    Map<SkipReason, Long> skippedByReason,
    long lines,
    long blankLines,
    List<MetColumn> missingColumns,
    long bytes,
    String sha256) {

  /** Copies the collections. */
  public ReadReport {
    requireNonNull(file, "file");
    requireNonNull(sha256, "sha256");
    skipped = List.copyOf(skipped);
    EnumMap<SkipReason, Long> reasons = new EnumMap<>(SkipReason.class);
    reasons.putAll(skippedByReason);
    skippedByReason = Collections.unmodifiableMap(reasons);
    missingColumns = List.copyOf(missingColumns);
  }

  /** Whether every row was read. */
  public boolean clean() {
    return rowsSkipped == 0;
  }

  /**
   * The report as text: {@code rows read: N}, {@code rows skipped: M}, then one line per skipped row
   * ({@code   line 12: wrong field count: ...}) up to {@code limit}, then the counts per reason.
   */
  public String toText(int limit) {
    StringBuilder out = new StringBuilder();
    out.append("file: ").append(file).append('\n');
    out.append("rows read: ").append(rowsRead).append('\n');
    out.append("rows skipped: ").append(rowsSkipped).append('\n');
    int shown = 0;
    for (SkippedRow row : skipped) {
      if (shown == limit) {
        break;
      }
      out.append("  ").append(row).append('\n');
      shown++;
    }
    if (rowsSkipped > shown) {
      out.append("  ... ").append(rowsSkipped - shown).append(" more\n");
    }
    if (!skippedByReason.isEmpty()) {
      out.append("skipped by reason:");
      skippedByReason.forEach(
          (reason, count) -> out.append(' ').append(reason.description()).append(' ').append(count).append(';'));
      out.setLength(out.length() - 1);
      out.append('\n');
    }
    if (!missingColumns.isEmpty()) {
      out.append("optional columns absent (read as empty): ").append(missingColumns).append('\n');
    }
    encodingHint().ifPresent(hint -> out.append("hint: ").append(hint).append('\n'));
    return out.toString();
  }

  /**
   * When many rows are not valid UTF-8 (at least a tenth of them, and at least 10), the likely
   * cause and its remedy: the file was saved in another encoding, most often Windows-1252 by a
   * spreadsheet program.
   */
  public java.util.Optional<String> encodingHint() {
    long invalid = skippedByReason.getOrDefault(SkipReason.INVALID_UTF8, 0L);
    long rows = rowsRead + rowsSkipped;
    if (invalid < 10 || invalid * 10 < rows) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        invalid
            + " of "
            + rows
            + " rows are not valid UTF-8: "
            + file
            + " is probably in another encoding, such as Windows-1252 (cp1252) or Latin-1;"
            + " convert it first, e.g. iconv -f cp1252 -t utf-8 "
            + file
            + " > MetObjects-utf8.csv");
  }
}
