package io.github.metart.data.csv;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the rows of one {@code MetObjects.csv}-format file as {@link MetObject}s (open one with
 * {@link MetCsvFormat#open}). Rows are parsed by Commons CSV; in front of it a framing layer
 * decodes UTF-8 with a reporting decoder and tracks physical lines, so every skipped row is reported
 * with its line and reason ({@link #report()}). Iterate once; close when done.
 */
public final class MetCsvReader implements Iterable<MetObject>, Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(MetCsvReader.class);

  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().get();
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
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
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

  /** A record the framer produced: sound (reason {@code null}) and sent to the parser, or skipped. */
  private record Entry(long line, long endLine, long offset, SkipReason reason, String detail) {}

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
    this.parser = CSV.parse(format.readsAhead() ? new ReadAheadReader() : new FramedReader());
    this.records = parser.iterator();
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
      parser.close();
    } finally {
      in.close();
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
    try (CSVParser headerParser = CSV.parse(new java.io.StringReader(text))) {
      for (String value : headerParser.iterator().next()) {
        names.add(value);
      }
    }
    java.util.Arrays.fill(columnIndex, -1);
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
      CSVRecord record;
      try {
        record = records.hasNext() ? records.next() : null;
      } catch (UncheckedIOException e) {
        throw new UncheckedIOException(name + ": " + e.getCause().getMessage(), e.getCause());
      }
      if (record == null) {
        drainSkipped();
        finished = true;
        return null;
      }
      Entry entry = pollUntilSound();
      if (entry.offset != record.getCharacterPosition()) {
        throw new IllegalStateException(
            name + ", line " + entry.line + ": framing and parsing disagree (offset "
                + entry.offset + " vs " + record.getCharacterPosition() + ")");
      }
      MetObject object = convert(record, entry);
      if (object != null) {
        rowsRead++;
        return object;
      }
    }
  }

  private Entry pollUntilSound() {
    while (true) {
      Entry entry = entries.poll();
      if (entry == null) {
        throw new IllegalStateException(name + ": a parsed row has no framed record");
      }
      if (entry.reason == null) {
        return entry;
      }
      skip(new SkippedRow(entry.line, entry.endLine, entry.reason, entry.detail));
    }
  }

  private void drainSkipped() {
    for (Entry entry = entries.poll(); entry != null; entry = entries.poll()) {
      if (entry.reason != null) {
        skip(new SkippedRow(entry.line, entry.endLine, entry.reason, entry.detail));
      }
    }
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

  private String value(CSVRecord record, MetColumn column) {
    int index = columnIndex[column.ordinal()];
    return index < 0 ? "" : record.get(index);
  }

  private MetObject convert(CSVRecord record, Entry entry) {
    String idText = value(record, MetColumn.OBJECT_ID).strip();
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
      begin = optionalInt(value(record, MetColumn.OBJECT_BEGIN_DATE));
    } catch (NumberFormatException e) {
      skip(number(entry, MetColumn.OBJECT_BEGIN_DATE, value(record, MetColumn.OBJECT_BEGIN_DATE)));
      return null;
    }
    try {
      end = optionalInt(value(record, MetColumn.OBJECT_END_DATE));
    } catch (NumberFormatException e) {
      skip(number(entry, MetColumn.OBJECT_END_DATE, value(record, MetColumn.OBJECT_END_DATE)));
      return null;
    }
    publicDomain = flag(record, MetColumn.IS_PUBLIC_DOMAIN);
    if (publicDomain == null) {
      skip(flagError(entry, MetColumn.IS_PUBLIC_DOMAIN, value(record, MetColumn.IS_PUBLIC_DOMAIN)));
      return null;
    }
    highlight = flag(record, MetColumn.IS_HIGHLIGHT);
    if (highlight == null) {
      skip(flagError(entry, MetColumn.IS_HIGHLIGHT, value(record, MetColumn.IS_HIGHLIGHT)));
      return null;
    }
    if (!ids.add(id)) {
      skip(new SkippedRow(entry.line, entry.endLine, SkipReason.DUPLICATE_OBJECT_ID,
          "Object ID " + id + " appears on an earlier row"));
      return null;
    }
    return new MetObject(
        id,
        value(record, MetColumn.OBJECT_NUMBER),
        highlight,
        publicDomain,
        value(record, MetColumn.DEPARTMENT),
        value(record, MetColumn.OBJECT_NAME),
        value(record, MetColumn.TITLE),
        value(record, MetColumn.CULTURE),
        value(record, MetColumn.PERIOD),
        value(record, MetColumn.DYNASTY),
        value(record, MetColumn.REIGN),
        value(record, MetColumn.ARTIST_DISPLAY_NAME),
        value(record, MetColumn.ARTIST_NATIONALITY),
        value(record, MetColumn.OBJECT_DATE),
        begin,
        end,
        value(record, MetColumn.MEDIUM),
        value(record, MetColumn.COUNTRY),
        value(record, MetColumn.REGION),
        value(record, MetColumn.CLASSIFICATION),
        value(record, MetColumn.LINK_RESOURCE));
  }

  private static OptionalInt optionalInt(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(stripped));
  }

  /** True/False (any case), or {@code false} when the column is absent; {@code null} when invalid. */
  private Boolean flag(CSVRecord record, MetColumn column) {
    if (columnIndex[column.ordinal()] < 0) {
      return Boolean.FALSE;
    }
    String text = value(record, column).strip();
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
   * The text Commons CSV parses: the framer's sound records only, each noted (with its physical
   * lines and char offset) in {@link #entries}; unusable records are noted there as skipped.
   */
  private final class FramedReader extends Reader {
    private char[] out;
    private int outPos;
    private int outLen;
    private long offset;

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (outPos == outLen) {
        if (!framer.next()) {
          return -1;
        }
        if (framer.problem() != null) {
          entries.add(new Entry(framer.startLine(), framer.endLine(), -1, framer.problem(), framer.detail()));
          continue;
        }
        entries.add(new Entry(framer.startLine(), framer.endLine(), offset, null, null));
        out = framer.text();
        outPos = 0;
        outLen = framer.length();
        offset += outLen;
      }
      int n = Math.min(len, outLen - outPos);
      System.arraycopy(out, outPos, cbuf, off, n);
      outPos += n;
      return n;
    }

    @Override
    public void close() {
      // the stream is closed by the reader
    }
  }

  /**
   * A block of framed text with its entries and the position figures at the time it was framed;
   * the last block has {@code last} set, a failed read carries the error.
   */
  private record Block(
      char[] text, int length, List<Entry> entries, long lines, long blankLines, long bytes,
      boolean last, Throwable error) {}

  /**
   * Like {@link FramedReader}, but decoding and framing run on a background thread a few blocks
   * ahead of the parser, so the two use two cores. Blocks pass through a small bounded queue, which
   * also carries the producer's figures and errors to the reading thread in order.
   */
  private final class ReadAheadReader extends Reader {
    private static final int BLOCK_CHARS = 1 << 16;
    private static final Block POISON = new Block(new char[0], 0, List.of(), 0, 0, 0, true, null);

    private final java.util.concurrent.BlockingQueue<Block> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(4);
    private Block current;
    private int pos;

    ReadAheadReader() {
      producer = new Thread(this::produce, "metart-csv-reader " + name);
      producer.setDaemon(true);
      producer.start();
    }

    private void produce() {
      long offset = 0;
      try {
        while (!closed) {
          char[] text = new char[BLOCK_CHARS];
          int length = 0;
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
              text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, length + n));
            }
            System.arraycopy(framer.text(), 0, text, length, n);
            blockEntries.add(new Entry(framer.startLine(), framer.endLine(), offset, null, null));
            offset += n;
            length += n;
          }
          queue.put(new Block(text, length, blockEntries, framer.lines(), framer.blankLines(),
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
            queue.put(new Block(new char[0], 0, List.of(), 0, 0, 0, true, e));
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (current == null || pos == current.length()) {
        if (current != null && current.last()) {
          current = POISON;
          pos = 0;
          return -1;
        }
        Block next;
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException(name + ": interrupted while reading");
        }
        if (next.error() != null) {
          current = POISON;
          Throwable e = next.error();
          if (e instanceof IOException io) {
            throw io;
          }
          if (e instanceof RuntimeException re) {
            throw re;
          }
          throw (Error) e;
        }
        entries.addAll(next.entries());
        producedLines = next.lines();
        producedBlankLines = next.blankLines();
        producedBytes = next.bytes();
        current = next;
        pos = 0;
      }
      int n = Math.min(len, current.length() - pos);
      System.arraycopy(current.text(), pos, cbuf, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() {
      // the stream and the producer are closed by the reader
    }
  }
}
