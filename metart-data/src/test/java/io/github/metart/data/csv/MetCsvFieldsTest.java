package io.github.metart.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The reader's own lexer against Commons CSV as an oracle: the same generated text, full of quoted
 * fields with {@code ""} escapes, embedded commas and CR/LF/CRLF line breaks, quoted and unquoted
 * empty fields, an empty last field and quotes inside unquoted fields, must give the same values.
 */
class MetCsvFieldsTest {

  private static final CSVFormat ORACLE = CSVFormat.RFC4180;

  private static final String[] PIECES = {
    "", "a", "Japan", "Oil, on canvas", "\"", "\"\"", "say \"hi\"", "line\nbreak", "cr\rcr",
    "crlf\r\nend", " spaced ", "日本 古琴", "12 in. \"tall", "end\"", ",", "\n", "x,\"y\",z", "\t",
  };

  /** The MetObject value of each text column. */
  private static final Map<MetColumn, Function<MetObject, String>> TEXT = new EnumMap<>(MetColumn.class);

  static {
    TEXT.put(MetColumn.OBJECT_NUMBER, MetObject::objectNumber);
    TEXT.put(MetColumn.DEPARTMENT, MetObject::department);
    TEXT.put(MetColumn.OBJECT_NAME, MetObject::objectName);
    TEXT.put(MetColumn.TITLE, MetObject::title);
    TEXT.put(MetColumn.CULTURE, MetObject::culture);
    TEXT.put(MetColumn.PERIOD, MetObject::period);
    TEXT.put(MetColumn.DYNASTY, MetObject::dynasty);
    TEXT.put(MetColumn.REIGN, MetObject::reign);
    TEXT.put(MetColumn.ARTIST_DISPLAY_NAME, MetObject::artistDisplayName);
    TEXT.put(MetColumn.ARTIST_NATIONALITY, MetObject::artistNationality);
    TEXT.put(MetColumn.OBJECT_DATE, MetObject::objectDate);
    TEXT.put(MetColumn.MEDIUM, MetObject::medium);
    TEXT.put(MetColumn.COUNTRY, MetObject::country);
    TEXT.put(MetColumn.REGION, MetObject::region);
    TEXT.put(MetColumn.CLASSIFICATION, MetObject::classification);
    TEXT.put(MetColumn.LINK_RESOURCE, MetObject::linkResource);
  }

  @Test
  void fieldValuesAgreeWithCommonsCsv() throws IOException {
    for (int seed = 1; seed <= 4; seed++) {
      // seeds 2 and 4 end without a final line break, on a record whose last field is empty
      String text = generate(new Random(seed), 3_000, seed % 2 == 0);
      check(text, "seed " + seed);
    }
  }

  @Test
  void handPickedFieldsAgreeWithCommonsCsv() throws IOException {
    String header = "\"Object ID\",Is Public Domain,\"Department\",Classification,Period,Object Date,"
        + "Object Begin Date,\"Object End Date\",Culture,\"Extra \"\"x\"\"\"\r\n";
    String text = header
        + "1,True,\"a \"\"b\"\", c\",,\"\",\"\"\"\",\"1800\",1800,\"two\r\nlines\",\n"
        + "\"2\",False,\"\",\"\r\",\"\n\",\"\"\"\"\"\",,,12 in. \"tall,\"\"\r"
        + "3,\"True\",x,\",\",\"a,\"\"\",\"\",,,,\"\"\r\n"
        + "5,True, \"a,b\",x,,,,,\n" // a quote after a space is text, so its comma separates
        + "4,True,\"multi\nline\r\nfield\"\"\",\"\"\"q\"\"\",\"\",,,\" 1805\",,";
    MetCsvReaderTest.Read read = check(text, "hand-picked");

    assertThat(read.objects()).extracting(MetObject::department)
        .containsExactly("a \"b\", c", "", "x", " \"a", "multi\nline\r\nfield\"");
    assertThat(read.objects().get(3).classification()).isEqualTo("b\"");
    assertThat(read.objects().get(1).period()).isEqualTo("\n");
    assertThat(read.objects().get(1).culture()).isEqualTo("12 in. \"tall");
  }

  /** Reads the text with the reader (both modes) and with Commons CSV and compares every value. */
  private static MetCsvReaderTest.Read check(String text, String what) throws IOException {
    List<CSVRecord> records;
    try (CSVParser parser = ORACLE.parse(new StringReader(text))) {
      records = parser.getRecords();
    }
    List<String> header = records.get(0).toList();
    MetCsvReaderTest.Read read =
        MetCsvReaderTest.read(text.getBytes(StandardCharsets.UTF_8), MetCsvFormat.DEFAULT);
    try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv")) {
      assertThat(reader.header()).as("%s: header", what).isEqualTo(header);
    }

    assertThat(read.report().skipped()).as("%s: skipped rows", what).isEmpty();
    assertThat(read.objects()).as("%s: rows", what).hasSize(records.size() - 1);
    for (int r = 1; r < records.size(); r++) {
      CSVRecord expected = records.get(r);
      MetObject actual = read.objects().get(r - 1);
      String row = what + ", row " + r;
      for (Map.Entry<MetColumn, Function<MetObject, String>> column : TEXT.entrySet()) {
        int index = header.indexOf(column.getKey().header());
        String value = index < 0 ? "" : expected.get(index);
        assertThat(column.getValue().apply(actual)).as("%s, %s", row, column.getKey()).isEqualTo(value);
      }
      assertThat(actual.objectId()).as(row).isEqualTo(Long.parseLong(get(expected, header, MetColumn.OBJECT_ID)));
      assertThat(actual.publicDomain()).as(row)
          .isEqualTo(Boolean.parseBoolean(get(expected, header, MetColumn.IS_PUBLIC_DOMAIN)));
      assertThat(actual.objectBeginDate()).as(row).isEqualTo(year(get(expected, header, MetColumn.OBJECT_BEGIN_DATE)));
      assertThat(actual.objectEndDate()).as(row).isEqualTo(year(get(expected, header, MetColumn.OBJECT_END_DATE)));
    }
    return read;
  }

  private static String get(CSVRecord record, List<String> header, MetColumn column) {
    int index = header.indexOf(column.header());
    return index < 0 ? "" : record.get(index).strip();
  }

  private static OptionalInt year(String text) {
    return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
  }

  /** A file of all columns in a random order plus one extra, last column, written by hand. */
  private static String generate(Random random, int rows, boolean noFinalBreak) {
    List<String> columns = new ArrayList<>();
    for (MetColumn column : MetColumn.values()) {
      columns.add(column.header());
    }
    Collections.shuffle(columns, random);
    columns.add("Extra \"x\", y");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      text.append(i == 0 ? "" : ",").append(encode(columns.get(i), random));
    }
    for (int r = 1; r <= rows; r++) {
      text.append(lineEnd(random));
      boolean lastRow = r == rows;
      for (int i = 0; i < columns.size(); i++) {
        String value = value(columns.get(i), r, random);
        if (lastRow && i == columns.size() - 1) {
          value = "";
        }
        text.append(i == 0 ? "" : ",").append(lastRow && value.isEmpty() ? "" : encode(value, random));
      }
    }
    if (!noFinalBreak) {
      text.append(lineEnd(random));
    }
    return text.toString();
  }

  private static String value(String column, int row, Random random) {
    if (column.equals(MetColumn.OBJECT_ID.header())) {
      return Integer.toString(row);
    }
    if (column.equals(MetColumn.IS_PUBLIC_DOMAIN.header()) || column.equals(MetColumn.IS_HIGHLIGHT.header())) {
      return random.nextBoolean() ? "True" : "false";
    }
    if (column.equals(MetColumn.OBJECT_BEGIN_DATE.header()) || column.equals(MetColumn.OBJECT_END_DATE.header())) {
      return random.nextInt(4) == 0 ? "" : Integer.toString(random.nextInt(4000) - 2000);
    }
    StringBuilder value = new StringBuilder();
    for (int n = random.nextInt(4); n > 0; n--) {
      value.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return value.toString();
  }

  /** RFC 4180: quoted when it must be, and sometimes when it need not (also {@code ""} for empty). */
  private static String encode(String value, Random random) {
    boolean mustQuote = value.startsWith("\"") || value.indexOf(',') >= 0
        || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    if (mustQuote || random.nextInt(3) == 0) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static String lineEnd(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> "\n";
      case 1 -> "\r";
      default -> "\r\n";
    };
  }
}
