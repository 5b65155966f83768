package io.github.metart.data.dataset;

import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV form of one split ({@code splits/train.csv} ...): one labeled object per row, UTF-8, LF
 * line ends, RFC 4180 quoting, with the header {@link #COLUMNS}.
 */
final class SplitCsv {

  /** The columns of a split file, in order. */
  static final List<String> COLUMNS =
      List.of(
          "object_id",
          "label",
          "year",
          "year_begin",
          "year_end",
          "year_source",
          "object_number",
          "department",
          "classification",
          "object_name",
          "title",
          "culture",
          "artist_nationality",
          "period",
          "object_date",
          "met_begin",
          "met_end",
          "public_domain");

  private static final CSVFormat WRITE_FORMAT =
      CSVFormat.RFC4180.builder()
          .setRecordSeparator("\n")
          .setHeader(COLUMNS.toArray(String[]::new))
          .get();

  private static final CSVFormat READ_FORMAT =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private SplitCsv() {}

  static void write(List<LabeledObject> objects, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, WRITE_FORMAT)) {
      for (LabeledObject o : objects) {
        SourceValues s = o.source();
        printer.printRecord(
            o.objectId(),
            o.label(),
            o.year().isPresent() ? Integer.toString(o.year().getAsInt()) : "",
            o.years().map(r -> Integer.toString(r.begin())).orElse(""),
            o.years().map(r -> Integer.toString(r.end())).orElse(""),
            ManifestJson.id(o.yearSource()),
            s.objectNumber(),
            s.department(),
            s.classification(),
            s.objectName(),
            s.title(),
            s.culture(),
            s.artistNationality(),
            s.period(),
            s.objectDate(),
            s.metBegin().isPresent() ? Integer.toString(s.metBegin().getAsInt()) : "",
            s.metEnd().isPresent() ? Integer.toString(s.metEnd().getAsInt()) : "",
            s.publicDomain() ? "True" : "False");
      }
    }
  }

  /** Reads a split file; throws an {@link IOException} naming the file and record when broken. */
  static List<LabeledObject> read(Path file) throws IOException {
    List<LabeledObject> objects = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = READ_FORMAT.parse(in)) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (header == null || !header.keySet().containsAll(COLUMNS)) {
        List<String> missing = new ArrayList<>(COLUMNS);
        if (header != null) {
          missing.removeAll(header.keySet());
        }
        throw new IOException(file + ": not a metart split file: missing columns " + missing);
      }
      for (CSVRecord record : parser) {
        try {
          objects.add(parse(record));
        } catch (RuntimeException e) {
          throw new IOException(
              file + ", record " + record.getRecordNumber() + " (line "
                  + parser.getCurrentLineNumber() + "): " + e.getMessage(),
              e);
        }
      }
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": missing (a prepared folder has splits/train.csv, "
          + "splits/validation.csv and splits/test.csv)", e);
    } catch (UncheckedIOException e) {
      throw new IOException(file + ": " + e.getCause().getMessage(), e);
    }
    return objects;
  }

  private static LabeledObject parse(CSVRecord r) {
    if (!r.isConsistent()) {
      throw new IllegalArgumentException(
          r.size() + " fields, the header has " + r.getParser().getHeaderNames().size());
    }
    long id = parseLong(r.get("object_id"), "object_id");
    OptionalInt year = optionalInt(r.get("year"), "year");
    OptionalInt begin = optionalInt(r.get("year_begin"), "year_begin");
    OptionalInt end = optionalInt(r.get("year_end"), "year_end");
    if (begin.isPresent() != end.isPresent()) {
      throw new IllegalArgumentException("year_begin and year_end must both be set or both empty");
    }
    Optional<YearRange> years =
        begin.isPresent()
            ? Optional.of(new YearRange(begin.getAsInt(), end.getAsInt()))
            : Optional.empty();
    YearSource source = ManifestJson.fromId(YearSource.class, r.get("year_source"), "year_source");
    String publicDomain = r.get("public_domain");
    if (!publicDomain.equals("True") && !publicDomain.equals("False")) {
      throw new IllegalArgumentException(
          "public_domain must be True or False, found '" + publicDomain + "'");
    }
    SourceValues values =
        new SourceValues(
            r.get("object_number"),
            r.get("department"),
            r.get("classification"),
            r.get("object_name"),
            r.get("title"),
            r.get("culture"),
            r.get("artist_nationality"),
            r.get("period"),
            r.get("object_date"),
            optionalInt(r.get("met_begin"), "met_begin"),
            optionalInt(r.get("met_end"), "met_end"),
            publicDomain.equals("True"));
    return new LabeledObject(id, r.get("label"), year, years, source, values);
  }

  private static long parseLong(String text, String column) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " is not an integer: '" + text + "'", e);
    }
  }

  private static OptionalInt optionalInt(String text, String column) {
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " is not an integer: '" + text + "'", e);
    }
  }
}
