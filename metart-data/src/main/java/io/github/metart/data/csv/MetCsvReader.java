package io.github.metart.data.csv;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the rows of one {@code MetObjects.csv}-format file as {@link MetObject}s (open one with
 * {@link MetCsvFormat#open}). The bytes are decoded with a reporting UTF-8 decoder and cut into
 * records and fields by one lexer that tracks physical lines ({@link RecordFramer}, which says why
 * it is not Commons CSV), so every skipped row is reported with its line and reason ({@link
 * #report()}). Iterate once; close when done.
 */
public final class MetCsvReader implements Iterable<MetObject>, Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(MetCsvReader.class);

  private static final int HEADER_PREVIEW = 12;

  private final InputStream in;
  private final String name;
  private final MetCsvFormat format;
  private final HashingInputStream digest;
  private String sha256;
  private final Utf8ChunkDecoder decoder;
  private final RecordFramer framer;
  private final List<String> header;
  private final int[] columnIndex = new int[MetColumn.values().length];
  private final List<MetColumn> missingColumns = new ArrayList<>();
  private final ReadAhead readAhead;
  private final LongHashSet ids = new LongHashSet();

  // report
  private long rowsRead;
  private long rowsSkipped;
  private final List<SkippedRow> skipped = new ArrayList<>();
  private final EnumMap<SkipReason, Long> byReason = new EnumMap<>(SkipReason.class);
  private boolean finished;
  private boolean iterated;
  private volatile boolean closed;
  private Thread producer;
  private long producedLines;
  private long producedBlankLines;
  private long producedBytes;

  /**
   * A record the framer produced: sound (reason {@code null}, its field bounds in {@link #rowBounds}
   * from {@code boundsAt}) or skipped.
   */
  private record Entry(long line, long endLine, int boundsAt, SkipReason reason, String detail) {}

  // the text and field bounds of the sound records being converted (the framer's, or a block's)
  private char[] rowText;
  private int[] rowBounds;

  MetCsvReader(InputStream stream, String name, MetCsvFormat format, int bufferSize)
      throws IOException {
    this.name = name;
    this.format = format;
    if (format.computesSha256()) {
      HashingInputStream hashing = new HashingInputStream(Hashing.sha256(), stream);
      this.digest = hashing;
      this.in = hashing;
    } else {
      this.digest = null;
      this.in = stream;
    }
    this.decoder = new Utf8ChunkDecoder(in, name, bufferSize);
    this.framer =
        new RecordFramer(decoder, bufferSize, format.maxRowChars(), format.maxRowLines());
    this.header = readHeader();
    framer.expectFields(header.size());
    this.readAhead = format.readsAhead() ? new ReadAhead() : null;
  }

  /** The file's column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** The optional known columns the file lacks (their values read as empty). */
  public List<MetColumn> missingColumns() {
    return Collections.unmodifiableList(missingColumns);
  }

  /** The rows read and skipped so far; complete once the iteration has ended. */
  public ReadReport report() {
    if (finished && digest != null && sha256 == null) {
      sha256 = digest.hash().toString(); // a hash can be taken once: kept for later reports
    }
    String sha = sha256 == null ? "" : sha256;
    return new ReadReport(
        name,
        rowsRead,
        rowsSkipped,
        skipped,
        byReason,
        lines(),
        blankLines(),
        missingColumns,
        bytesRead(),
        sha);
  }

  /** The rows as a sequential stream (close the reader, or the stream, when done). */
  public Stream<MetObject> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::closeQuietly);
  }

  /**
   * The rows; may be called once. In strict mode {@code hasNext()} throws a {@link
   * MetCsvException} at the first unusable row; an I/O error surfaces as an {@link
   * UncheckedIOException} naming the file.
   */
  @Override
  public Iterator<MetObject> iterator() {
    if (iterated) {
      throw new IllegalStateException(name + ": a MetCsvReader can be iterated once");
    }
    iterated = true;
    return new Iterator<>() {
      private MetObject next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = advance();
        }
        return next != null;
      }

      @Override
      public MetObject next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        MetObject result = next;
        next = null;
        return result;
      }
    };
  }

  @Override
  public void close() throws IOException {
    closed = true;
    if (producer != null) {
      producer.interrupt();
    }
    try {
      in.close();
    } finally {
      if (producer != null) {
        try {
          producer.join(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private long lines() {
    return producer == null ? framer.lines() : producedLines;
  }

  private long blankLines() {
    return producer == null ? framer.blankLines() : producedBlankLines;
  }

  private long bytesRead() {
    return producer == null ? decoder.bytesRead() : producedBytes;
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ header

  private List<String> readHeader() throws IOException {
    if (!framer.next()) {
      throw new MetCsvException(
          name, "is empty: expected a header line naming the MetObjects.csv columns");
    }
    if (framer.problem() != null) {
      throw new MetCsvException(
          name,
          "is not a MetObjects.csv file: its header (line "
              + framer.startLine()
              + ") is unreadable: "
              + framer.problem().description()
              + ": "
              + framer.detail());
    }
    String text = framer.textWithoutTerminator();
    if (text.indexOf('\0') >= 0) {
      throw new MetCsvException(name, "is not a CSV text file (NUL character in line 1)");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < framer.fields(); i++) {
      names.add(RecordFramer.field(framer.text(), framer.bounds(), 2 * i));
    }
    Arrays.fill(columnIndex, -1);
    Map<String, MetColumn> known = new java.util.HashMap<>();
    for (MetColumn column : MetColumn.values()) {
      known.put(column.header().toLowerCase(Locale.ROOT), column);
    }
    for (int i = 0; i < names.size(); i++) {
      MetColumn column = known.get(names.get(i).strip().toLowerCase(Locale.ROOT));
      if (column == null) {
        continue;
      }
      if (columnIndex[column.ordinal()] >= 0) {
        throw new MetCsvException(
            name,
            "the header names the column '"
                + column.header()
                + "' twice (columns "
                + (columnIndex[column.ordinal()] + 1)
                + " and "
                + (i + 1)
                + ")");
      }
      columnIndex[column.ordinal()] = i;
    }
    List<String> missingRequired = new ArrayList<>();
    for (MetColumn column : MetColumn.values()) {
      if (columnIndex[column.ordinal()] >= 0) {
        continue;
      }
      if (format.requiredColumns().contains(column)) {
        missingRequired.add(column.header());
      } else {
        missingColumns.add(column);
      }
    }
    if (!missingRequired.isEmpty()) {
      String hint =
          names.size() == 1 && text.indexOf('\t') >= 0
              ? " (the header has tabs but no commas: a tab-separated file? metart reads"
                  + " comma-separated MetObjects.csv)"
              : "";
      throw new MetCsvException(
          name,
          "is not a MetObjects.csv file: the header (line "
              + framer.startLine()
              + ") lacks the required column"
              + (missingRequired.size() == 1 ? " " : "s ")
              + String.join(", ", missingRequired)
              + "; it has "
              + names.size()
              + " column"
              + (names.size() == 1 ? "" : "s")
              + ": "
              + preview(names)
              + hint);
    }
    if (!missingColumns.isEmpty()) {
      LOG.debug("{}: optional columns absent, read as empty: {}", name, missingColumns);
    }
    return List.copyOf(names);
  }

  private static String preview(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String n : names.subList(0, Math.min(HEADER_PREVIEW, names.size()))) {
      String clean = n.replaceAll("\\p{Cntrl}", "?");
      shown.add("'" + (clean.length() > 40 ? clean.substring(0, 40) + "..." : clean) + "'");
    }
    return String.join(", ", shown) + (names.size() > HEADER_PREVIEW ? ", ..." : "");
  }

  // ------------------------------------------------------------------ rows

  /** The next usable row, or {@code null} at the end; reports skipped rows on the way. */
  private MetObject advance() {
    while (true) {
      Entry entry = readAhead != null ? readAhead.next() : frame();
      if (entry == null) {
        finished = true;
        return null;
      }
      if (entry.reason != null) {
        skip(new SkippedRow(entry.line, entry.endLine, entry.reason, entry.detail));
        continue;
      }
      MetObject object = convert(entry);
      if (object != null) {
        rowsRead++;
        return object;
      }
    }
  }

  /** Frames the next record on this thread (no read-ahead); {@code null} at the end. */
  private Entry frame() {
    try {
      if (!framer.next()) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    if (framer.problem() != null) {
      return new Entry(framer.startLine(), framer.endLine(), -1, framer.problem(), framer.detail());
    }
    rowText = framer.text();
    rowBounds = framer.bounds();
    return new Entry(framer.startLine(), framer.endLine(), 0, null, null);
  }

  private void skip(SkippedRow row) {
    if (format.isStrict()) {
      throw new MetCsvException(name, row);
    }
    rowsSkipped++;
    byReason.merge(row.reason(), 1L, Long::sum);
    if (skipped.size() < format.maxReportedRows()) {
      skipped.add(row);
    }
  }

  private String value(Entry entry, MetColumn column) {
    int index = columnIndex[column.ordinal()];
    return index < 0 ? "" : RecordFramer.field(rowText, rowBounds, entry.boundsAt + 2 * index);
  }

  private MetObject convert(Entry entry) {
    String idText = value(entry, MetColumn.OBJECT_ID).strip();
    if (idText.isEmpty()) {
      skip(new SkippedRow(entry.line, entry.endLine, SkipReason.MISSING_OBJECT_ID, "Object ID is empty"));
      return null;
    }
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      skip(number(entry, MetColumn.OBJECT_ID, idText));
      return null;
    }
    if (id <= 0) {
      skip(new SkippedRow(entry.line, entry.endLine, SkipReason.MISSING_OBJECT_ID,
          "Object ID must be positive, found " + id));
      return null;
    }
    OptionalInt begin;
    OptionalInt end;
    Boolean publicDomain;
    Boolean highlight;
    try {
      begin = optionalInt(value(entry, MetColumn.OBJECT_BEGIN_DATE));
    } catch (NumberFormatException e) {
      skip(number(entry, MetColumn.OBJECT_BEGIN_DATE, value(entry, MetColumn.OBJECT_BEGIN_DATE)));
      return null;
    }
    try {
      end = optionalInt(value(entry, MetColumn.OBJECT_END_DATE));
    } catch (NumberFormatException e) {
      skip(number(entry, MetColumn.OBJECT_END_DATE, value(entry, MetColumn.OBJECT_END_DATE)));
      return null;
    }
    publicDomain = flag(entry, MetColumn.IS_PUBLIC_DOMAIN);
    if (publicDomain == null) {
      skip(flagError(entry, MetColumn.IS_PUBLIC_DOMAIN, value(entry, MetColumn.IS_PUBLIC_DOMAIN)));
      return null;
    }
    highlight = flag(entry, MetColumn.IS_HIGHLIGHT);
    if (highlight == null) {
      skip(flagError(entry, MetColumn.IS_HIGHLIGHT, value(entry, MetColumn.IS_HIGHLIGHT)));
      return null;
    }
    if (!ids.add(id)) {
      skip(new SkippedRow(entry.line, entry.endLine, SkipReason.DUPLICATE_OBJECT_ID,
          "Object ID " + id + " appears on an earlier row"));
      return null;
    }
    return new MetObject(
        id,
        value(entry, MetColumn.OBJECT_NUMBER),
        highlight,
        publicDomain,
        value(entry, MetColumn.DEPARTMENT),
        value(entry, MetColumn.OBJECT_NAME),
        value(entry, MetColumn.TITLE),
        value(entry, MetColumn.CULTURE),
        value(entry, MetColumn.PERIOD),
        value(entry, MetColumn.DYNASTY),
        value(entry, MetColumn.REIGN),
        value(entry, MetColumn.ARTIST_DISPLAY_NAME),
        value(entry, MetColumn.ARTIST_NATIONALITY),
        value(entry, MetColumn.OBJECT_DATE),
        begin,
        end,
        value(entry, MetColumn.MEDIUM),
        value(entry, MetColumn.COUNTRY),
        value(entry, MetColumn.REGION),
        value(entry, MetColumn.CLASSIFICATION),
        value(entry, MetColumn.LINK_RESOURCE));
  }

  private static OptionalInt optionalInt(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(stripped));
  }

  /** True/False (any case), or {@code false} when the column is absent; {@code null} when invalid. */
  private Boolean flag(Entry entry, MetColumn column) {
    if (columnIndex[column.ordinal()] < 0) {
      return Boolean.FALSE;
    }
    String text = value(entry, column).strip();
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  private static SkippedRow number(Entry entry, MetColumn column, String text) {
    return new SkippedRow(entry.line, entry.endLine, SkipReason.UNPARSEABLE_NUMBER,
        column.header() + " is not an integer: '" + abbreviate(text) + "'");
  }

  private static SkippedRow flagError(Entry entry, MetColumn column, String text) {
    return new SkippedRow(entry.line, entry.endLine, SkipReason.UNPARSEABLE_FLAG,
        column.header() + " must be True or False, found '" + abbreviate(text) + "'");
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  /**
   * A block of framed records: the text and field bounds of its sound ones, its entries and the
   * position figures at the time it was framed; the last block has {@code last} set, a failed read
   * carries the error.
   */
  private record Block(
      char[] text, int[] bounds, List<Entry> entries, long lines, long blankLines, long bytes,
      boolean last, Throwable error) {}

  /**
   * Decoding and framing on a background thread a few blocks ahead of the reading thread, which
   * makes the field values and objects, so the two use two cores. Blocks pass through a small
   * bounded queue, which also carries the producer's figures and errors to the reading thread in
   * order.
   */
  private final class ReadAhead {
    private static final int BLOCK_CHARS = 1 << 16;
    private static final Block POISON =
        new Block(new char[0], new int[0], List.of(), 0, 0, 0, true, null);

    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(4);
    private Block current;
    private int pos;

    ReadAhead() {
      producer = new Thread(this::produce, "metart-csv-reader " + name);
      producer.setDaemon(true);
      producer.start();
    }

    private void produce() {
      try {
        while (!closed) {
          char[] text = new char[BLOCK_CHARS];
          int length = 0;
          int[] bounds = new int[BLOCK_CHARS / 8];
          int boundsLength = 0;
          List<Entry> blockEntries = new ArrayList<>();
          boolean last = false;
          while (length < BLOCK_CHARS) {
            if (!framer.next()) {
              last = true;
              break;
            }
            if (framer.problem() != null) {
              blockEntries.add(new Entry(framer.startLine(), framer.endLine(), -1, framer.problem(), framer.detail()));
              continue;
            }
            int n = framer.length();
            if (length + n > text.length) {
              text = Arrays.copyOf(text, Math.max(text.length * 2, length + n));
            }
            System.arraycopy(framer.text(), 0, text, length, n);
            int b = 2 * framer.fields();
            if (boundsLength + b > bounds.length) {
              bounds = Arrays.copyOf(bounds, Math.max(bounds.length * 2, boundsLength + b));
            }
            int[] recordBounds = framer.bounds();
            for (int i = 0; i < b; i++) {
              int bound = recordBounds[i];
              // moved by the record's place in the block; an escaped end (~end) stays negative
              bounds[boundsLength + i] = bound >= 0 ? bound + length : ~(~bound + length);
            }
            blockEntries.add(new Entry(framer.startLine(), framer.endLine(), boundsLength, null, null));
            boundsLength += b;
            length += n;
          }
          queue.put(new Block(text, bounds, blockEntries, framer.lines(), framer.blankLines(),
              decoder.bytesRead(), last, null));
          if (last) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException | Error e) {
        if (!closed) {
          try {
            queue.put(new Block(new char[0], new int[0], List.of(), 0, 0, 0, true, e));
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }

    /** The next framed record, or {@code null} at the end. */
    Entry next() {
      while (current == null || pos == current.entries().size()) {
        if (current != null && current.last()) {
          current = POISON;
          pos = 0;
          return null;
        }
        Block next;
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UncheckedIOException(
              new InterruptedIOException(name + ": interrupted while reading"));
        }
        if (next.error() != null) {
          current = POISON;
          pos = 0;
          Throwable e = next.error();
          if (e instanceof IOException io) {
            throw new UncheckedIOException(name + ": " + io.getMessage(), io);
          }
          if (e instanceof RuntimeException re) {
            throw re;
          }
          throw (Error) e;
        }
        producedLines = next.lines();
        producedBlankLines = next.blankLines();
        producedBytes = next.bytes();
        rowText = next.text();
        rowBounds = next.bounds();
        current = next;
        pos = 0;
      }
      return current.entries().get(pos++);
    }
  }
}
