package io.github.metart.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetCsvReaderTest {

  static final String HEADER =
      "Object ID,Is Public Domain,Department,Classification,Culture,Period,Object Date,"
          + "Object Begin Date,Object End Date";

  @TempDir Path dir;

  /** What one read produced. */
  record Read(List<MetObject> objects, ReadReport report) {}

  /** Reads with and without read-ahead, checks that both agree, and returns the result. */
  static Read read(byte[] bytes, MetCsvFormat format) throws IOException {
    Read ahead = readOnce(bytes, format.withReadAhead(true));
    Read direct = readOnce(bytes, format.withReadAhead(false));
    assertThat(ahead).as("read-ahead and direct reading agree").isEqualTo(direct);
    return ahead;
  }

  static Read readOnce(byte[] bytes, MetCsvFormat format) throws IOException {
    try (MetCsvReader reader = format.open(new ByteArrayInputStream(bytes), "test.csv")) {
      List<MetObject> objects = new ArrayList<>();
      reader.forEach(objects::add);
      return new Read(objects, reader.report());
    }
  }

  static Read read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), MetCsvFormat.DEFAULT);
  }

  static String row(long id, String culture, String date, int begin, int end) {
    return id + ",True,Asian Art,Ceramics," + culture + ",," + date + "," + begin + "," + end;
  }

  @Test
  void readsRowsByHeaderName() throws IOException {
    Read read = read(HEADER + "\n" + row(1, "Japan", "ca. 1785", 1780, 1790) + "\n");

    assertThat(read.report().rowsRead()).isEqualTo(1);
    assertThat(read.report().clean()).isTrue();
    MetObject object = read.objects().get(0);
    assertThat(object.objectId()).isEqualTo(1);
    assertThat(object.publicDomain()).isTrue();
    assertThat(object.department()).isEqualTo("Asian Art");
    assertThat(object.culture()).isEqualTo("Japan");
    assertThat(object.objectDate()).isEqualTo("ca. 1785");
    assertThat(object.objectBeginDate()).isEqualTo(OptionalInt.of(1780));
    assertThat(object.objectEndDate()).isEqualTo(OptionalInt.of(1790));
    assertThat(object.title()).isEmpty();
    assertThat(read.report().missingColumns()).contains(MetColumn.TITLE, MetColumn.OBJECT_NUMBER);
  }

  @Test
  void toleratesAnyColumnOrderExtraColumnsAndHeaderCase() throws IOException {
    String text =
        "object date,Extra,culture,Object ID,Object End Date,Is Public Domain,Department,"
            + "Classification,Period,Object Begin Date,Title\n"
            + "1850s,x,Greek,7,1859,False,Greek and Roman Art,Vases,Classical,1850,\"A, b\"\n";

    MetObject object = read(text).objects().get(0);

    assertThat(object.objectId()).isEqualTo(7);
    assertThat(object.objectDate()).isEqualTo("1850s");
    assertThat(object.culture()).isEqualTo("Greek");
    assertThat(object.period()).isEqualTo("Classical");
    assertThat(object.title()).isEqualTo("A, b");
    assertThat(object.publicDomain()).isFalse();
    assertThat(object.objectBeginDate()).hasValue(1850);
  }

  @Test
  void handlesBomCrlfLfAndCrLineEnds() throws IOException {
    String body = HEADER + "\r\n" + row(1, "Japan", "1800", 1800, 1800) + "\r\n"
        + row(2, "China", "1801", 1801, 1801) + "\r\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    for (String text : List.of(body, body.replace("\r\n", "\n"), body.replace("\r\n", "\r"))) {
      byte[] bytes = concat(bom, text.getBytes(StandardCharsets.UTF_8));
      Read read = read(bytes, MetCsvFormat.DEFAULT);

      assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(1L, 2L);
      assertThat(read.report().lines()).isEqualTo(3);
    }
    Read noFinalNewline = read(HEADER + "\n" + row(3, "Korea", "1802", 1802, 1802));
    assertThat(noFinalNewline.objects()).extracting(MetObject::objectId).containsExactly(3L);
  }

  @Test
  void keepsLineBreaksInsideQuotesAndCountsPhysicalLines() throws IOException {
    String text =
        HEADER + ",Medium\r\n"
            + "1,True,A,B,Japan,,1800,1800,1800,\"Oil\r\non canvas\r\n\"\"signed\"\"\"\r\n"
            + "2,True,A,B,Japan,,1800,1800,1800,paper\r\n"
            + "3,True,A,B,Japan,,1800,1800\r\n";

    Read read = read(text);

    assertThat(read.objects().get(0).medium()).isEqualTo("Oil\r\non canvas\r\n\"signed\"");
    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(1L, 2L);
    assertThat(read.report().skipped())
        .containsExactly(
            new SkippedRow(6, 6, SkipReason.WRONG_FIELD_COUNT, "8 fields, the header has 10"));
    assertThat(read.report().lines()).isEqualTo(6);
  }

  @Test
  void skipsAndReportsRowsWithTheWrongFieldCount() throws IOException {
    String text = HEADER + "\n" + row(1, "Japan", "1800", 1800, 1800) + ",extra\n"
        + row(2, "Japan", "1800", 1800, 1800) + "\n" + "3,True\n";

    Read read = read(text);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(2L);
    assertThat(read.report().rowsSkipped()).isEqualTo(2);
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly(
            "line 2: wrong field count: 10 fields, the header has 9",
            "line 4: wrong field count: 2 fields, the header has 9");
    assertThat(read.report().skippedByReason()).containsEntry(SkipReason.WRONG_FIELD_COUNT, 2L);
  }

  @Test
  void skipsUnparseableNumbersFlagsAndIds() throws IOException {
    String text = HEADER + "\n"
        + "1,True,A,B,Japan,,18th century,18th,1799\n"
        + "2,True,A,B,Japan,,1850,1850,1850.0\n"
        + "x3,True,A,B,Japan,,1850,1850,1850\n"
        + ",True,A,B,Japan,,1850,1850,1850\n"
        + "-4,True,A,B,Japan,,1850,1850,1850\n"
        + "5,yes,A,B,Japan,,1850,1850,1850\n"
        + "6,True,A,B,Japan,,1850, 1850 ,\n"
        + "6,True,A,B,Japan,,1850,1850,1850\n";

    Read read = read(text);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(6L);
    assertThat(read.objects().get(0).objectBeginDate()).hasValue(1850);
    assertThat(read.objects().get(0).objectEndDate()).isEmpty();
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly(
            "line 2: unparseable number: Object Begin Date is not an integer: '18th'",
            "line 3: unparseable number: Object End Date is not an integer: '1850.0'",
            "line 4: unparseable number: Object ID is not an integer: 'x3'",
            "line 5: missing Object ID: Object ID is empty",
            "line 6: missing Object ID: Object ID must be positive, found -4",
            "line 7: unparseable flag: Is Public Domain must be True or False, found 'yes'",
            "line 9: duplicate Object ID: Object ID 6 appears on an earlier row");
  }

  @Test
  void textAfterAClosingQuoteIsABrokenQuote() throws IOException {
    String text = HEADER + "\n"
        + "1,True,A,B,\"Japan\"ese,,1800,1800,1800\n"
        + row(2, "Japan", "1800", 1800, 1800) + "\n";

    Read read = read(text);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(2L);
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly("line 2: broken quote: text after the closing quote of field 5");
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
    Read read = read(HEADER + "\n1,True,A,B,12 in. \"tall,,1800,1800,1800\n");

    assertThat(read.objects().get(0).culture()).isEqualTo("12 in. \"tall");
  }

  @Test
  void anUnclosedQuoteDoesNotSwallowTheRowsAfterIt() throws IOException {
    String text = HEADER + "\n"
        + row(1, "Japan", "1800", 1800, 1800) + "\n"
        + "2,True,A,B,\"Japan,,1800,1800,1800\n"
        + row(3, "China", "1800", 1800, 1800) + "\n"
        + row(4, "\"Korea, Joseon\"", "1800", 1800, 1800) + "\n"
        + row(5, "India", "1800", 1800, 1800) + "\n";

    Read read = read(text);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(1L, 3L, 4L, 5L);
    assertThat(read.objects().get(2).culture()).isEqualTo("Korea, Joseon");
    assertThat(read.report().skipped()).hasSize(1);
    SkippedRow skipped = read.report().skipped().get(0);
    assertThat(skipped.line()).isEqualTo(3);
    assertThat(skipped.endLine()).isEqualTo(3);
    assertThat(skipped.reason()).isEqualTo(SkipReason.BROKEN_QUOTE);
    assertThat(skipped.detail()).startsWith("text after the closing quote of field 5");
  }

  @Test
  void aMultiLineRowWithAFieldTooFewIsReportedOnceWithAllItsLines() throws IOException {
    String text = HEADER + "\n"
        + "1,True,A,B,\"Japan\nese\",1800,1800,1800\n"
        + row(2, "China", "1800", 1800, 1800) + "\n";

    Read read = read(text);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(2L);
    assertThat(read.report().rowsSkipped()).isEqualTo(1);
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly("lines 2-3: wrong field count: 8 fields, the header has 9");
    assertThat(read.report().lines()).isEqualTo(4);
  }

  @Test
  void aMultiLineRowWithTextAfterItsClosingQuoteIsReportedOnce() throws IOException {
    String text = HEADER + "\r\n"
        + "1,True,A,B,\"Jap\r\nan\"ese,,1800,1800,1800\r\n"
        + row(2, "China", "1800", 1800, 1800) + "\r\n";

    Read read = read(text);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(2L);
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly("lines 2-3: broken quote: text after the closing quote of field 5");
  }

  @Test
  void aStrayQuoteThatEndsInTheWrongFieldCountStillGivesBackTheRowsItSwallowed()
      throws IOException {
    String text = HEADER + "\n"
        + row(1, "Japan", "1800", 1800, 1800) + "\n"
        + "2,True,A,B,\"Japan,,1800,1800,1800\n"
        + row(3, "China", "1800", 1800, 1800) + "\n"
        + "4,True,A,B,Korea,12\",1800,1800,1800\n"
        + row(5, "India", "1800", 1800, 1800) + "\n";

    Read read = read(text);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(1L, 3L, 4L, 5L);
    assertThat(read.objects().get(2).period()).isEqualTo("12\"");
    assertThat(read.report().rowsSkipped()).isEqualTo(1);
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly(
            "line 3: wrong field count: 8 fields, the header has 9; the lines after it (4-5) are"
                + " read again as rows");
  }

  @Test
  void aQuoteOpenUntilTheEndOfTheFileIsReportedAndTheRowsAfterItAreRead() throws IOException {
    String text = HEADER + "\n"
        + "1,True,A,B,\"Japan,,1800,1800,1800\n"
        + row(2, "China", "1800", 1800, 1800) + "\n"
        + row(3, "Korea", "1800", 1800, 1800) + "\n";

    Read read = read(text);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(2L, 3L);
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly(
            "line 2: broken quote: a quoted field is never closed (end of file); the lines after"
                + " it (3-4) are read again as rows");
  }

  @Test
  void aQuoteOpenForTooManyLinesIsGivenUp() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("1,True,A,B,\"Japan,,1800,1800,1800\n");
    for (int id = 2; id <= 30; id++) {
      text.append(row(id, "China", "1800", 1800, 1800)).append('\n');
    }

    Read read = read(text.toString().getBytes(StandardCharsets.UTF_8),
        MetCsvFormat.DEFAULT.withMaxRowLines(10));

    assertThat(read.objects()).hasSize(29);
    assertThat(read.report().skipped().get(0).detail())
        .startsWith("a quoted field is not closed within 10 lines");
  }

  @Test
  void invalidUtf8SkipsOnlyItsRow() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((HEADER + "\n" + row(1, "Japan", "1800", 1800, 1800) + "\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("2,True,A,B,Fran".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE7); // Latin-1 ç: not UTF-8
    bytes.writeBytes("ais,,1800,1800,1800\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes((row(3, "Français", "1800", 1800, 1800) + "\n").getBytes(StandardCharsets.UTF_8));

    Read read = read(bytes.toByteArray(), MetCsvFormat.DEFAULT);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(1L, 3L);
    assertThat(read.objects().get(1).culture()).isEqualTo("Français");
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly("line 3: invalid UTF-8: byte sequence 0xE7");
  }

  @Test
  void invalidUtf8InsideAMultiLineFieldNamesItsLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((HEADER + "\n1,True,A,B,\"Japan\nline ").getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3);
    bytes.write(0x28);
    bytes.writeBytes(("\",,1800,1800,1800\n" + row(2, "China", "1800", 1800, 1800) + "\n").getBytes(StandardCharsets.UTF_8));

    Read read = read(bytes.toByteArray(), MetCsvFormat.DEFAULT);

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(2L);
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly("lines 2-3: invalid UTF-8: byte sequence 0xC3 on line 3");
  }

  @Test
  void strictModeThrowsAtTheFirstBadRowNamingFileAndLine() throws IOException {
    String text = HEADER + "\n" + row(1, "Japan", "1800", 1800, 1800) + "\n" + "2,True\n";
    MetCsvFormat strict = MetCsvFormat.DEFAULT.strict();

    try (MetCsvReader reader = strict.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "objects.csv")) {
      var rows = reader.iterator();
      assertThat(rows.next().objectId()).isEqualTo(1);
      assertThatThrownBy(rows::hasNext)
          .isInstanceOf(MetCsvException.class)
          .hasMessage("objects.csv, line 3: wrong field count: 2 fields, the header has 9")
          .satisfies(e -> assertThat(((MetCsvException) e).line()).isEqualTo(3));
    }
  }

  @Test
  void strictModeWorksWithoutReadAheadToo() throws IOException {
    String text = HEADER + "\n" + row(1, "Japan", "1800", 1800, 1800) + "\n" + "2,True\n";
    MetCsvFormat strict = MetCsvFormat.DEFAULT.strict().withReadAhead(false);

    try (MetCsvReader reader = strict.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "objects.csv")) {
      var rows = reader.iterator();
      assertThat(rows.next().objectId()).isEqualTo(1);
      assertThatThrownBy(rows::hasNext)
          .isInstanceOf(MetCsvException.class)
          .hasMessage("objects.csv, line 3: wrong field count: 2 fields, the header has 9");
    }
  }

  @Test
  void manyBlocksOfRowsArriveInOrder() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int id = 1; id <= 3_000; id++) {
      text.append(id % 97 == 0 ? id + ",True\n" : row(id, "\"Japan,\nmulti-line\"", "ca. 1800", 1795, 1805) + "\n");
    }

    Read read = read(text.toString().getBytes(StandardCharsets.UTF_8), MetCsvFormat.DEFAULT);

    assertThat(read.objects()).hasSize(3_000 - 30);
    assertThat(read.report().rowsSkipped()).isEqualTo(30);
    assertThat(read.report().skipped().get(0).line()).isEqualTo(2 + 96 * 2);
    assertThat(read.report().lines()).isEqualTo(1 + 2 * 2_970 + 30);
    long previous = 0;
    for (MetObject o : read.objects()) {
      assertThat(o.objectId()).isGreaterThan(previous);
      previous = o.objectId();
    }
  }

  @Test
  void closingEarlyStopsTheBackgroundReader() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int id = 1; id <= 20_000; id++) {
      text.append(row(id, "Japan", "1800", 1800, 1800)).append('\n');
    }
    try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "big.csv")) {
      assertThat(reader.iterator().next().objectId()).isEqualTo(1);
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("metart-csv-reader big.csv") && t.isAlive());
  }

  @Test
  void blankLinesAreIgnoredAndCounted() throws IOException {
    Read read = read(HEADER + "\n\n" + row(1, "Japan", "1800", 1800, 1800) + "\r\n\r\n\n");

    assertThat(read.objects()).hasSize(1);
    assertThat(read.report().blankLines()).isEqualTo(3);
    assertThat(read.report().clean()).isTrue();
  }

  @Test
  void anOverlongRowIsSkipped() throws IOException {
    String text = HEADER + "\n1,True,A,B," + "x".repeat(500) + ",,1800,1800,1800\n"
        + row(2, "Japan", "1800", 1800, 1800) + "\n";

    Read read = read(text.getBytes(StandardCharsets.UTF_8), MetCsvFormat.DEFAULT.withMaxRowChars(200));

    assertThat(read.objects()).extracting(MetObject::objectId).containsExactly(2L);
    assertThat(read.report().skipped())
        .extracting(SkippedRow::toString)
        .containsExactly("line 2: row too long: longer than 200 chars");
  }

  @Test
  void theReportKeepsALimitedNumberOfRowsButCountsAll() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 50; i++) {
      text.append("1,True\n");
    }

    Read read = read(text.toString().getBytes(StandardCharsets.UTF_8),
        MetCsvFormat.DEFAULT.withMaxReportedRows(5));

    assertThat(read.report().rowsSkipped()).isEqualTo(50);
    assertThat(read.report().skipped()).hasSize(5);
    assertThat(read.report().toText(3))
        .contains("rows read: 0\nrows skipped: 50\n  line 2: wrong field count")
        .contains("  ... 47 more\n");
  }

  // ------------------------------------------------------------ unusable files

  @Test
  void anEmptyFileFailsWithOneMessage() {
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(MetCsvException.class)
        .hasMessage("test.csv: is empty: expected a header line naming the MetObjects.csv columns");
    assertThatThrownBy(() -> read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n', '\n'}, MetCsvFormat.DEFAULT))
        .isInstanceOf(MetCsvException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void aFileWithoutALineBreakIsRefusedWithoutReadingItToTheEnd() {
    long size = 256L << 20; // 256 MiB of one endless "header"
    long[] served = {0};
    java.io.InputStream endless =
        new java.io.InputStream() {
          @Override
          public int read() {
            return served[0] < size ? (served[0]++ % 2 == 0 ? 'a' : ',') : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            int n = (int) Math.min(len, size - served[0]);
            if (n <= 0) {
              return -1;
            }
            for (int i = 0; i < n; i++) {
              b[off + i] = (byte) ((served[0] + i) % 2 == 0 ? 'a' : ',');
            }
            served[0] += n;
            return n;
          }
        };

    assertThatThrownBy(() -> MetCsvFormat.DEFAULT.open(endless, "endless.csv").close())
        .isInstanceOf(MetCsvException.class)
        .hasMessageStartingWith("endless.csv: is not a MetObjects.csv file: its header (line 1)")
        .hasMessageContaining("longer than 1048576 chars");
    assertThat(served[0]).as("bytes read of %s", size).isLessThan(8L << 20);
  }

  @Test
  void aFileInWindows1252GetsAHintAboutItsEncoding() throws IOException {
    StringBuilder text = new StringBuilder(HEADER + "\n");
    for (long id = 1; id <= 40; id++) {
      text.append(row(id, id % 4 == 0 ? "Japan" : "Français", "1800", 1800, 1800)).append('\n');
    }
    Read cp1252 = read(text.toString().getBytes(java.nio.charset.Charset.forName("windows-1252")), MetCsvFormat.DEFAULT);
    Read utf8 = read(text.toString());

    assertThat(cp1252.report().rowsSkipped()).isEqualTo(30);
    assertThat(cp1252.report().encodingHint())
        .hasValue(
            "30 of 40 rows are not valid UTF-8: test.csv is probably in another encoding, such as"
                + " Windows-1252 (cp1252) or Latin-1; convert it first, e.g. iconv -f cp1252 -t utf-8"
                + " test.csv > MetObjects-utf8.csv");
    assertThat(cp1252.report().toText(0)).contains("hint: 30 of 40 rows are not valid UTF-8");
    assertThat(utf8.report().encodingHint()).isEmpty();
  }

  @Test
  void aHeaderWithoutRowsReadsNothing() throws IOException {
    Read read = read(HEADER + "\r\n");

    assertThat(read.objects()).isEmpty();
    assertThat(read.report().clean()).isTrue();
  }

  @Test
  void missingRequiredColumnsAreNamed() {
    assertThatThrownBy(() -> read("Object ID,Culture,Title\n1,Japan,Vase\n"))
        .isInstanceOf(MetCsvException.class)
        .hasMessage(
            "test.csv: is not a MetObjects.csv file: the header (line 1) lacks the required columns"
                + " Is Public Domain, Department, Period, Object Date, Object Begin Date,"
                + " Object End Date, Classification; it has 3 columns: 'Object ID', 'Culture',"
                + " 'Title'");
  }

  @Test
  void requiredColumnsCanBeChosen() throws IOException {
    MetCsvFormat format = MetCsvFormat.DEFAULT.withRequiredColumns(List.of(MetColumn.CULTURE));

    Read read = read("Object ID,Culture\n1,Japan\n".getBytes(StandardCharsets.UTF_8), format);

    assertThat(read.objects().get(0).culture()).isEqualTo("Japan");
    assertThat(read.objects().get(0).publicDomain()).isFalse();
  }

  @Test
  void aDuplicateColumnIsRefused() {
    assertThatThrownBy(() -> read(HEADER + ",Culture\n"))
        .isInstanceOf(MetCsvException.class)
        .hasMessage("test.csv: the header names the column 'Culture' twice (columns 5 and 10)");
  }

  @Test
  void filesThatAreNotCsvFailWithOneMessage() {
    assertThatThrownBy(() -> read("{\"objectID\": 1, \"culture\": \"Japan\"}\n"))
        .isInstanceOf(MetCsvException.class)
        .hasMessageStartingWith("test.csv: is not a MetObjects.csv file: the header (line 1) lacks")
        .hasMessageContaining("Object ID");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    assertThatThrownBy(() -> read(png, MetCsvFormat.DEFAULT))
        .isInstanceOf(MetCsvException.class)
        .hasMessage(
            "test.csv: is not a MetObjects.csv file: its header (line 1) is unreadable: invalid"
                + " UTF-8: byte sequence 0x89");
    assertThatThrownBy(() -> read(new byte[] {0x1F, (byte) 0x8B, 8, 0}, MetCsvFormat.DEFAULT))
        .isInstanceOf(MetCsvException.class)
        .hasMessage("test.csv: is gzip-compressed: decompress it first (gunzip)");
    assertThatThrownBy(() -> read(new byte[] {'P', 'K', 3, 4, 0}, MetCsvFormat.DEFAULT))
        .isInstanceOf(MetCsvException.class)
        .hasMessageContaining("is a ZIP archive");
    assertThatThrownBy(() -> read(new byte[] {(byte) 0xFF, (byte) 0xFE, 'O', 0}, MetCsvFormat.DEFAULT))
        .isInstanceOf(MetCsvException.class)
        .hasMessageContaining("UTF-16");
    assertThatThrownBy(() -> read("Object ID\tCulture\n1\tJapan\n"))
        .isInstanceOf(MetCsvException.class)
        .hasMessageContaining("a tab-separated file?");
    assertThatThrownBy(() -> read("Object ID,Culture\0\n"))
        .isInstanceOf(MetCsvException.class)
        .hasMessage("test.csv: is not a CSV text file (NUL character in line 1)");
  }

  @Test
  void aFolderOrMissingFileIsNamed() {
    assertThatThrownBy(() -> MetCsvFormat.DEFAULT.open(dir))
        .isInstanceOf(MetCsvException.class)
        .hasMessageContaining("is a folder");
    assertThatThrownBy(() -> MetCsvFormat.DEFAULT.open(dir.resolve("nope.csv")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining("nope.csv");
  }

  @Test
  void computesTheSha256OfTheBytes() throws Exception {
    byte[] bytes = (HEADER + "\n" + row(1, "Japan", "1800", 1800, 1800) + "\n").getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("objects.csv");
    Files.write(file, bytes);

    MetCsvFormat.ReadResult result = MetCsvFormat.DEFAULT.withSha256(true).readAll(file);

    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(result.report().sha256()).isEqualTo(expected);
    assertThat(result.report().bytes()).isEqualTo(bytes.length);
    assertThat(MetCsvFormat.DEFAULT.readAll(file).report().sha256()).isEmpty();
  }

  @Test
  void aReaderIsIteratedOnce() throws IOException {
    try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(
        new ByteArrayInputStream((HEADER + "\n").getBytes(StandardCharsets.UTF_8)), "t.csv")) {
      reader.iterator();
      assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
