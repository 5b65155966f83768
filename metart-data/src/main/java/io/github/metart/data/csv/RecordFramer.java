package io.github.metart.data.csv;

import java.io.IOException;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The lexer of {@code MetObjects.csv}: cuts decoded text into RFC 4180 records (comma, {@code "}
 * quoting with {@code ""} escapes, CR, LF or CRLF line ends, line breaks inside quoted fields) and
 * the fields of each sound record ({@link #field(char[], int[], int)}), in one pass over the chars,
 * while keeping the physical line each record starts and ends on and whether it is structurally
 * sound. Unsound records come back with a reason instead of fields:
 *
 * <ul>
 *   <li>a byte sequence that is not UTF-8 on one of the record's lines;
 *   <li>text after a closing quote ({@code "abc"x}), or a quoted field that never closes (at the
 *       end of the file or within the format's line/char limits);
 *   <li>a field count that differs from the header's;
 *   <li>a record longer than the char limit.
 * </ul>
 *
 * <p>A broken record that spans several lines may have swallowed good rows (a stray opening quote
 * runs on into the next rows). When its text after the first line holds at least one sound row with
 * the header's field count, only its first line is reported and framing resumes on its second line,
 * so the rows after it are read again and nothing good is lost. Otherwise it is one broken row,
 * reported once with all its lines.
 *
 * <p>Why hand-written rather than Commons CSV's {@code CSVParser} (which metart uses for the small
 * CSV files it writes itself): a parser fails a whole file, or at best a record, at a broken quote,
 * and it cannot tell the physical lines a broken record spans, cannot name the line of an invalid
 * UTF-8 sequence (the {@code Reader} it reads has replaced the bytes, or failed without a
 * position) and cannot go back to read again the good rows a stray opening quote swallowed. The
 * state machine that finds all this walks every char once and notes the field boundaries on the
 * way, so no second lexer goes over the sound records again.
 */
final class RecordFramer {

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_SEEN = 3;

  private final Utf8ChunkDecoder decoder;
  private final int maxRecordChars;
  private final int maxRecordLines;

  // input: replayed text first, then decoded chunks
  private final char[] chunk;
  private int chunkPos;
  private int chunkLen;
  private int nextError; // index of the decoder's next invalid sequence in this chunk
  private char[] replay;
  private int replayPos;
  private int replayLen;
  private boolean endOfInput;

  // position
  private long line = 1;
  private boolean afterCr;
  private boolean lastWasBreak = true;
  private long blankLines;
  private final NavigableMap<Long, String> decodeErrors = new TreeMap<>();

  // the current record
  private char[] rec = new char[4096];
  private int recLen;
  private int recFirstBreak;
  private long recStartLine;
  private long recEndLine;
  private int recLines;
  private int fields;
  /** Per field of the current record: its start and end in {@link #rec} (see {@link #field}). */
  private int[] bounds = new int[128];
  private boolean started;
  private boolean discarding;
  /** Whether no record has been framed yet: the header, which is never skipped over. */
  private boolean headerPending = true;
  private SkipReason problem;
  private String detail;
  private boolean replayAfter;
  private int expectedFields = -1;

  RecordFramer(Utf8ChunkDecoder decoder, int chunkSize, int maxRecordChars, int maxRecordLines) {
    this.decoder = decoder;
    this.chunk = new char[chunkSize];
    this.maxRecordChars = maxRecordChars;
    this.maxRecordLines = maxRecordLines;
  }

  /** From now on, records with another number of fields are reported as such. */
  void expectFields(int count) {
    this.expectedFields = count;
  }

  /**
   * Frames the next record that is not a blank line.
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    while (true) {
      if (!scan()) {
        return false;
      }
      if (problem == null && fields == 1 && isBlank()) {
        blankLines++;
        continue;
      }
      judge();
      return true;
    }
  }

  /** The current record's text (valid until the next call of {@link #next()}). */
  char[] text() {
    return rec;
  }

  /** The current record's length in chars, line terminator included. */
  int length() {
    return recLen;
  }

  /** The current record as a string, without its line terminator. */
  String textWithoutTerminator() {
    int end = recLen;
    while (end > 0 && (rec[end - 1] == '\n' || rec[end - 1] == '\r')) {
      end--;
    }
    return new String(rec, 0, end);
  }

  long startLine() {
    return recStartLine;
  }

  long endLine() {
    return recEndLine;
  }

  int fields() {
    return fields;
  }

  /**
   * The current record's field boundaries, two ints per field: start and end in {@link #text()}
   * (valid until the next call of {@link #next()}; meaningful for a sound record only). Read a field
   * with {@link #field(char[], int[], int)}.
   */
  int[] bounds() {
    return bounds;
  }

  /**
   * The value of a field: the chars between {@code bounds[at]} and {@code bounds[at + 1]} of {@code
   * text}, without the quotes of a quoted field and with its {@code ""} escapes undone (an end
   * stored as {@code ~end} marks a field that has escapes).
   */
  static String field(char[] text, int[] bounds, int at) {
    int start = bounds[at];
    int end = bounds[at + 1];
    if (end >= 0) {
      return new String(text, start, end - start);
    }
    end = ~end;
    StringBuilder value = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text[i];
      value.append(c);
      if (c == '"') {
        i++; // the second quote of a "" escape (a sound quoted field holds quotes only in pairs)
      }
    }
    return value.toString();
  }

  /** Why the current record is unusable, or {@code null} when it is sound. */
  SkipReason problem() {
    return problem;
  }

  String detail() {
    return detail;
  }

  /** The physical lines read so far (all of them at the end of the input). */
  long lines() {
    return lastWasBreak ? line - 1 : line;
  }

  long blankLines() {
    return blankLines;
  }

  private boolean isBlank() {
    for (int i = 0; i < recLen; i++) {
      if (rec[i] != '\r' && rec[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  /**
   * Decides the record's problem (invalid UTF-8 first, then the structure, then the field count) and
   * sets up the replay of a broken record that spans lines when it has swallowed rows.
   */
  private void judge() {
    decodeErrors.headMap(recStartLine, false).clear();
    if (problem == null && expectedFields >= 0 && fields != expectedFields) {
      problem = SkipReason.WRONG_FIELD_COUNT;
      detail = fields + " fields, the header has " + expectedFields;
      replayAfter = recLines > 0;
    }
    boolean replaying = replayAfter && recFirstBreak > 0 && recFirstBreak < recLen
        && swallowedASoundRow();
    if (problem != SkipReason.ROW_TOO_LONG) {
      String error = firstDecodeError(recStartLine, replaying ? recStartLine : recEndLine);
      if (error != null) {
        problem = SkipReason.INVALID_UTF8;
        detail = error;
      }
    }
    if (replaying) {
      detail += "; the lines after it (" + (recStartLine + 1) + "-" + recEndLine
          + ") are read again as rows";
      recEndLine = recStartLine;
      startReplay();
    }
  }

  /**
   * Whether the record's text after its first line break, framed afresh, holds at least one
   * structurally sound row with the header's field count: the evidence that a stray quote on the
   * first line swallowed good rows. Without it the record is one broken row (e.g. a multi-line
   * field with a missing column), reported once with all its lines.
   */
  private boolean swallowedASoundRow() {
    if (expectedFields < 0) {
      return true;
    }
    int start = recFirstBreak;
    if (rec[start - 1] == '\r' && rec[start] == '\n') {
      start++;
    }
    int state = FIELD_START;
    int count = 0;
    boolean sound = true;
    boolean blank = true;
    for (int i = start; i <= recLen; i++) {
      boolean atEnd = i == recLen;
      char c = atEnd ? '\n' : rec[i];
      boolean lineBreak = c == '\r' || c == '\n';
      if (atEnd && state == QUOTED) {
        return false; // the tail of the record never closes its quote
      }
      if (lineBreak && state != QUOTED) {
        if (sound && !blank && count + 1 == expectedFields) {
          return true;
        }
        if (c == '\r' && i + 1 < recLen && rec[i + 1] == '\n') {
          i++;
        }
        state = FIELD_START;
        count = 0;
        sound = true;
        blank = true;
        continue;
      }
      blank = false;
      switch (state) {
        case FIELD_START:
          state = c == '"' ? QUOTED : c == ',' ? FIELD_START : UNQUOTED;
          count += c == ',' ? 1 : 0;
          break;
        case UNQUOTED:
          if (c == ',') {
            count++;
            state = FIELD_START;
          }
          break;
        case QUOTED:
          if (c == '"') {
            state = QUOTE_SEEN;
          }
          break;
        default: // QUOTE_SEEN
          if (c == '"') {
            state = QUOTED;
          } else if (c == ',') {
            count++;
            state = FIELD_START;
          } else {
            sound = false;
            state = UNQUOTED;
          }
          break;
      }
    }
    return false;
  }

  private String firstDecodeError(long from, long to) {
    NavigableMap<Long, String> inRecord = decodeErrors.subMap(from, true, to, true);
    if (inRecord.isEmpty()) {
      return null;
    }
    var first = inRecord.firstEntry();
    return first.getValue() + (from == to ? "" : " on line " + first.getKey());
  }

  /** Pushes the record's text after its first line break back in front of the input. */
  private void startReplay() {
    int len = recLen - recFirstBreak;
    int rest = replay == null ? 0 : replayLen - replayPos;
    char[] text = new char[len + rest];
    System.arraycopy(rec, recFirstBreak, text, 0, len);
    if (rest > 0) {
      System.arraycopy(replay, replayPos, text, len, rest);
    }
    replay = text;
    replayPos = 0;
    replayLen = text.length;
    line = recStartLine + 1;
    afterCr = rec[recFirstBreak - 1] == '\r';
  }

  /**
   * Reads one record's chars (or a blank line); false when the input is exhausted. The text is
   * scanned segment by segment (a stretch of replayed text, or of a decoded chunk up to the next
   * invalid byte sequence) in a tight loop and copied into the record buffer in bulk.
   */
  private boolean scan() throws IOException {
    recLen = 0;
    recFirstBreak = -1;
    recLines = 0;
    fields = 0;
    started = false;
    discarding = false;
    problem = null;
    detail = null;
    replayAfter = false;
    int state = FIELD_START;
    int fieldStart = 0; // where the current field's value starts in rec
    int fieldEnd = 0; // in a quoted field, where its last quote is in rec
    boolean escaped = false; // whether the current quoted field has a "" escape
    while (true) {
      char[] src;
      int pos;
      int end;
      boolean replaying = replay != null && replayPos < replayLen;
      if (replaying) {
        src = replay;
        pos = replayPos;
        end = replayLen;
      } else {
        replay = null;
        if (chunkPos == chunkLen && !fillChunk()) {
          if (!started) {
            return false;
          }
          if (state == QUOTED && !discarding) {
            broken("a quoted field is never closed (end of file)");
            replayAfter = true;
          }
          if (state == QUOTE_SEEN) {
            addField(fieldStart, fieldEnd, escaped);
          } else {
            addField(state == FIELD_START ? recLen : fieldStart, recLen, false);
          }
          recEndLine = lastWasBreak ? line - 1 : line;
          return true;
        }
        src = chunk;
        pos = chunkPos;
        end = chunkLen;
        if (nextError < decoder.errorCount()) {
          int errorAt = decoder.errorPosition(nextError);
          if (errorAt == pos) {
            decodeErrors.putIfAbsent(line, decoder.errorDetail(nextError));
            nextError++;
            errorAt = nextError < decoder.errorCount() ? decoder.errorPosition(nextError) : end;
          }
          end = Math.min(end, errorAt);
        }
      }
      if (!started) {
        if (afterCr && src[pos] == '\n') {
          afterCr = false; // the LF of a CRLF that ended the previous record
          advance(replaying, pos + 1);
          continue;
        }
        started = true;
        recStartLine = line;
      }
      int segStart = pos;
      int base = recLen - segStart; // src[i] goes to rec[base + i]
      boolean prevCr = afterCr;
      boolean ended = false;
      int i = pos;
      for (; i < end; i++) {
        char c = src[i];
        if (c > ',') {
          if (state == FIELD_START) {
            state = UNQUOTED;
            fieldStart = base + i;
          } else if (state == QUOTE_SEEN) {
            afterQuote(discarding);
            state = UNQUOTED;
          }
          continue;
        }
        boolean crlf = c == '\n' && (i > segStart ? src[i - 1] == '\r' : prevCr);
        boolean lineBreak = (c == '\r' || c == '\n') && !crlf;
        if (discarding) {
          if (lineBreak) {
            addField(fieldStart, fieldStart, false); // the record is unusable: its count only
            ended = true;
            break;
          }
          continue;
        }
        switch (state) {
          case FIELD_START:
            if (c == '"') {
              state = QUOTED;
              fieldStart = base + i + 1;
              escaped = false;
            } else if (c == ',') {
              addField(base + i, base + i, false);
            } else if (lineBreak) {
              addField(base + i, base + i, false);
              ended = true;
            } else if (!crlf) {
              state = UNQUOTED;
              fieldStart = base + i;
            }
            break;
          case UNQUOTED:
            if (c == ',') {
              addField(fieldStart, base + i, false);
              state = FIELD_START;
            } else if (lineBreak) {
              addField(fieldStart, base + i, false);
              ended = true;
            }
            break;
          case QUOTED:
            if (c == '"') {
              state = QUOTE_SEEN;
              fieldEnd = base + i;
            } else if (lineBreak) {
              line++;
              recLines++;
              if (recFirstBreak < 0) {
                recFirstBreak = recLen + (i + 1 - segStart);
              }
              if (recLines >= maxRecordLines) {
                copy(src, segStart, i + 1);
                advance(replaying, i + 1);
                afterCr = c == '\r';
                lastWasBreak = true;
                broken("a quoted field is not closed within " + maxRecordLines + " lines");
                replayAfter = true;
                addField(fieldStart, base + i + 1, false);
                recEndLine = line - 1;
                return true;
              }
            }
            break;
          case QUOTE_SEEN:
            if (c == '"') {
              state = QUOTED;
              escaped = true;
            } else if (c == ',') {
              addField(fieldStart, fieldEnd, escaped);
              state = FIELD_START;
            } else if (lineBreak) {
              addField(fieldStart, fieldEnd, escaped);
              ended = true;
            } else {
              afterQuote(false);
              state = UNQUOTED;
            }
            break;
          default:
            throw new IllegalStateException("state " + state);
        }
        if (ended) {
          break;
        }
      }
      int stop = ended ? i + 1 : i;
      if (stop > segStart) {
        copy(src, segStart, stop);
        char last = src[stop - 1];
        afterCr = last == '\r';
        lastWasBreak = last == '\r' || last == '\n';
      }
      advance(replaying, stop);
      if (ended) {
        recEndLine = line;
        line++;
        if (recLen > maxRecordChars && problem == null) {
          tooLong();
        }
        headerPending = false;
        return true;
      }
      if (recLen > maxRecordChars && headerPending) {
        // a header longer than any record may be is not a MetObjects.csv header: stop here rather
        // than read a file without line breaks (gigabytes, perhaps) to its end to skip it
        tooLong();
        addField(fieldStart, recLen, false);
        recEndLine = line;
        headerPending = false;
        return true;
      }
      if (recLen > maxRecordChars && !discarding) {
        if (state == QUOTED && recLines > 0) {
          broken("a quoted field is not closed within " + maxRecordChars + " chars");
          replayAfter = true;
          addField(fieldStart, recLen, false);
          recEndLine = line;
          return true;
        }
        if (state == QUOTED) {
          broken("a quoted field is not closed within " + maxRecordChars + " chars");
        } else {
          tooLong();
        }
        discarding = true;
      }
    }
  }

  /** Notes the next field's value: {@code rec[start, end)}, with {@code ""} escapes or not. */
  private void addField(int start, int end, boolean escaped) {
    int at = 2 * fields;
    if (at + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[at] = start;
    bounds[at + 1] = escaped ? ~end : end;
    fields++;
  }

  private void tooLong() {
    problem = SkipReason.ROW_TOO_LONG;
    detail = "longer than " + maxRecordChars + " chars";
  }

  private void afterQuote(boolean quiet) {
    if (!quiet && problem == null) {
      broken("text after the closing quote of field " + (fields + 1));
      replayAfter = recLines > 0;
    }
  }

  private void advance(boolean replaying, int pos) {
    if (replaying) {
      replayPos = pos;
    } else {
      chunkPos = pos;
    }
  }

  private boolean fillChunk() throws IOException {
    if (endOfInput) {
      return false;
    }
    int n = decoder.fill(chunk);
    if (n < 0) {
      endOfInput = true;
      return false;
    }
    chunkPos = 0;
    chunkLen = n;
    nextError = 0;
    return true;
  }

  private void copy(char[] src, int from, int to) {
    if (discarding) {
      return;
    }
    int n = to - from;
    if (recLen + n > rec.length) {
      rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLen + n));
    }
    System.arraycopy(src, from, rec, recLen, n);
    recLen += n;
  }

  private void broken(String why) {
    if (problem == null) {
      problem = SkipReason.BROKEN_QUOTE;
      detail = why;
    }
  }

}
