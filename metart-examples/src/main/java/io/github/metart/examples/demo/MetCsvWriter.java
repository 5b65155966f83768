package io.github.metart.examples.demo;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes records the way the Met's {@code MetObjects.csv} is written: a UTF-8 byte order mark
 * before the header, commas between fields, CRLF after each record, and RFC 4180 quoting only where
 * needed (a field holding a comma, a quote or a line break is quoted, quotes inside are doubled).
 *
 * <p>Written by hand rather than with Commons CSV's {@code CSVPrinter}: its minimal quoting also
 * quotes a field with leading or trailing spaces and an empty first field, which the Met's file
 * does not, and this file imitates the Met's bytes (the reader's tests depend on that).
 *
 * <p>Counts physical lines, so that every record's first line number is known (line 1 is the
 * header; a line break inside a quoted field starts a new physical line).
 */
final class MetCsvWriter {

  static final char BYTE_ORDER_MARK = '\uFEFF';
  static final String RECORD_SEPARATOR = "\r\n";

  private final Writer out;
  private final boolean byteOrderMark;
  private long nextLine = 1;
  private boolean started;

  /** A writer that starts the file with a byte order mark, as the Met's file does. */
  MetCsvWriter(Writer out) {
    this(out, true);
  }

  MetCsvWriter(Writer out, boolean byteOrderMark) {
    this.out = out;
    this.byteOrderMark = byteOrderMark;
  }

  /**
   * Writes one record (any number of fields: malformed rows are written on purpose).
   *
   * @return the physical line number on which the record starts
   */
  long writeRecord(List<String> fields) throws IOException {
    if (!started && byteOrderMark) {
      out.write(BYTE_ORDER_MARK);
    }
    started = true;
    long line = nextLine;
    StringBuilder record = new StringBuilder(256);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        record.append(',');
      }
      appendField(record, fields.get(i));
    }
    record.append(RECORD_SEPARATOR);
    out.write(record.toString());
    nextLine += lineBreaks(record);
    return line;
  }

  private static void appendField(StringBuilder record, String field) {
    if (!needsQuotes(field)) {
      record.append(field);
      return;
    }
    record.append('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"') {
        record.append('"');
      }
      record.append(c);
    }
    record.append('"');
  }

  static boolean needsQuotes(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** Line breaks in the text, counting CRLF, lone CR and lone LF once each. */
  static int lineBreaks(CharSequence text) {
    int breaks = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        breaks++;
      } else if (c == '\r') {
        breaks++;
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      }
    }
    return breaks;
  }
}
