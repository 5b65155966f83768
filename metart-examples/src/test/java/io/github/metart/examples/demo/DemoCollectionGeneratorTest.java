package io.github.metart.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCollectionGeneratorTest {

  /** The header of the Met's MetObjects.csv, copied from ../shared/met-sample/README.md. */
  static final String MET_HEADER =
      "Object Number,Is Highlight,Is Timeline Work,Is Public Domain,Object ID,Gallery Number,"
          + "Department,AccessionYear,Object Name,Title,Culture,Period,Dynasty,Reign,Portfolio,"
          + "Constituent ID,Artist Role,Artist Prefix,Artist Display Name,Artist Display Bio,"
          + "Artist Suffix,Artist Alpha Sort,Artist Nationality,Artist Begin Date,Artist End Date,"
          + "Artist Gender,Artist ULAN URL,Artist Wikidata URL,Object Date,Object Begin Date,"
          + "Object End Date,Medium,Dimensions,Credit Line,Geography Type,City,State,County,Country,"
          + "Region,Subregion,Locale,Locus,Excavation,River,Classification,Rights and Reproduction,"
          + "Link Resource,Object Wikidata URL,Metadata Date,Repository,Tags,Tags AAT URL,"
          + "Tags Wikidata URL";

  @TempDir static Path shared;
  static DemoCollection tiny;

  @BeforeAll
  static void generateTiny() throws IOException {
    tiny = DemoCollectionGenerator.generate(DemoCollectionSpec.tiny(), shared.resolve("tiny"));
  }

  /** A parsed record and the physical line it starts on. */
  record Row(long line, CSVRecord record) {}

  static List<Row> parse(Path csv) throws IOException {
    try (InputStream in = BOMInputStream.builder().setPath(csv).get();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      assertThat(String.join(",", parser.getHeaderNames())).isEqualTo(MET_HEADER);
      List<Row> rows = new ArrayList<>();
      Iterator<CSVRecord> records = parser.iterator();
      long linesBefore = parser.getCurrentLineNumber();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        rows.add(new Row(linesBefore + 1, record));
        linesBefore = parser.getCurrentLineNumber();
      }
      return rows;
    }
  }

  @Test
  void sameSpecGivesByteIdenticalFiles(@TempDir Path dir) throws IOException {
    DemoCollection again = DemoCollectionGenerator.generate(DemoCollectionSpec.tiny(), dir);

    Map<String, byte[]> first = contents(tiny.directory());
    Map<String, byte[]> second = contents(again.directory());
    assertThat(second.keySet()).isEqualTo(first.keySet()).hasSizeGreaterThan(50);
    first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    assertThat(again.objects()).isEqualTo(tiny.objects());
  }

  @Test
  void anotherSeedGivesAnotherCollection(@TempDir Path dir) throws IOException {
    DemoCollection other =
        DemoCollectionGenerator.generate(DemoCollectionSpec.tiny().toBuilder().seed(7).build(), dir);

    assertThat(Files.readAllBytes(other.csvFile())).isNotEqualTo(Files.readAllBytes(tiny.csvFile()));
  }

  @Test
  void theCsvIsInTheMetsFormat() throws IOException {
    byte[] bytes = Files.readAllBytes(tiny.csvFile());
    String text = new String(bytes, StandardCharsets.UTF_8);

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(text).startsWith("\uFEFF" + MET_HEADER + "\r\n").endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");

    List<Row> rows = parse(tiny.csvFile());
    assertThat(rows).hasSize(tiny.rowCount());
    List<Row> wellFormed = rows.stream().filter(r -> r.record().size() == 54).toList();
    assertThat(wellFormed)
        .filteredOn(r -> r.record().get("Dimensions").contains("\r\n"))
        .isNotEmpty();
  }

  @Test
  void wellFormedRowsMatchTheirObjects() throws IOException {
    Map<Long, DemoObject> objects =
        tiny.objects().stream().collect(Collectors.toMap(DemoObject::objectId, o -> o));
    Set<String> malformedLines =
        tiny.malformedRows().stream().map(m -> Long.toString(m.line())).collect(Collectors.toSet());

    int matched = 0;
    for (Row row : parse(tiny.csvFile())) {
      if (malformedLines.contains(Long.toString(row.line()))) {
        continue;
      }
      CSVRecord r = row.record();
      assertThat(r.size()).as("line %s", row.line()).isEqualTo(54);
      DemoObject object = objects.get(Long.parseLong(r.get("Object ID")));
      assertThat(object).as("line %s", row.line()).isNotNull();
      assertThat(r.get("Culture")).isEqualTo(object.rawCulture());
      assertThat(r.get("Object Date")).isEqualTo(object.objectDate());
      assertThat(Integer.parseInt(r.get("Object Begin Date"))).isEqualTo(object.beginColumn());
      assertThat(Integer.parseInt(r.get("Object End Date"))).isEqualTo(object.endColumn());
      assertThat(r.get("Period")).isEqualTo(object.period());
      assertThat(r.get("Is Public Domain")).isEqualTo(object.publicDomain() ? "True" : "False");
      assertThat(r.get("Link Resource"))
          .isEqualTo("http://www.metmuseum.org/art/collection/search/" + object.objectId());
      assertThat(r.get("Is Highlight")).isIn("True", "False");
      matched++;
    }
    assertThat(matched).isEqualTo(tiny.objects().size());
  }

  @Test
  void malformedRowsAreWhereTheCollectionSays() throws IOException {
    Map<Long, Row> byLine = new HashMap<>();
    for (Row row : parse(tiny.csvFile())) {
      byLine.put(row.line(), row);
    }

    assertThat(tiny.malformedRows()).hasSize(3);
    for (MalformedRow malformed : tiny.malformedRows()) {
      Row row = byLine.get(malformed.line());
      assertThat(row).as("a record starts on line %s", malformed.line()).isNotNull();
      assertThat(row.record().get(MetFileColumn.OBJECT_ID.ordinal())).isEqualTo(malformed.objectId());
    }
    assertThat(tiny.malformedRows())
        .extracting(MalformedRow::problem)
        .containsExactly(
            "53 fields instead of 54",
            "55 fields instead of 54 (an unquoted comma in Title)",
            "Object ID '" + tiny.malformedRows().get(2).objectId() + "' is not a number");
    assertThat(byLine.get(tiny.malformedRows().get(0).line()).record().size()).isEqualTo(53);
    assertThat(byLine.get(tiny.malformedRows().get(1).line()).record().size()).isEqualTo(55);
    assertThat(tiny.malformedRows().get(2).objectId()).doesNotContainPattern("^\\d+$");
    String text = Files.readString(tiny.csvFile(), StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    for (MalformedRow malformed : tiny.malformedRows()) {
      String line = lines.get((int) malformed.line() - 1);
      assertThat(line.chars().filter(c -> c == '"').count() % 2)
          .as("line %s holds the whole malformed row", malformed.line())
          .isZero();
    }
  }

  @Test
  void canLeaveOutMalformedRows() {
    DemoCollectionSpec spec = DemoCollectionSpec.tiny().toBuilder().malformedRows(false).build();

    assertThat(CollectionPlanner.plan(spec)).noneMatch(CollectionPlanner.PlannedRow::malformed);
  }

  @Test
  void everyPublicDomainObjectHasAnImageThatDecodes() throws IOException {
    Set<String> expected =
        tiny.objects().stream()
            .filter(DemoObject::publicDomain)
            .map(o -> o.objectId() + ".jpg")
            .collect(Collectors.toSet());
    Set<String> written;
    try (Stream<Path> files = Files.list(tiny.imagesDirectory())) {
      written = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }

    assertThat(written).isEqualTo(expected);
    assertThat(tiny.objects()).filteredOn(o -> !o.publicDomain()).isNotEmpty().noneMatch(DemoObject::hasImage);
    for (DemoObject object : tiny.objects()) {
      if (object.hasImage()) {
        BufferedImage image = ImageIO.read(tiny.imageOf(object).toFile());
        assertThat(image).as("%s decodes", object.imageFile()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getHeight()).isEqualTo(32);
      }
    }
  }

  @Test
  void pngImagesAreAnOption(@TempDir Path dir) throws IOException {
    DemoCollectionSpec spec =
        DemoCollectionSpec.tiny().toBuilder().objectsPerCulture(4).imageFormat(DemoImageFormat.PNG).build();

    DemoCollection png = DemoCollectionGenerator.generate(spec, dir);

    DemoObject first = png.objects().stream().filter(DemoObject::hasImage).findFirst().orElseThrow();
    assertThat(first.imageFile()).hasValue(first.objectId() + ".png");
    assertThat(ImageIO.read(png.imageOf(first).toFile()).getWidth()).isEqualTo(32);
  }

  @Test
  void truthFileListsEveryObject() throws IOException {
    List<String> lines = Files.readAllLines(tiny.truthFile(), StandardCharsets.UTF_8);

    assertThat(lines.get(0))
        .isEqualTo("Object ID,Role,Culture,Culture Label,Year,Date Begin,Date End,Is Public Domain,Image");
    assertThat(lines).hasSize(tiny.objects().size() + 1);
    assertThat(Files.readString(tiny.directory().resolve(DemoCollection.README_FILE)))
        .contains("GENERATED")
        .contains("NOT Met data");
  }

  @Test
  void regeneratesOverAnEarlierCollectionWithoutStaleImages(@TempDir Path dir) throws IOException {
    DemoCollectionGenerator.generate(DemoCollectionSpec.tiny().toBuilder().objectsPerCulture(8).build(), dir);
    DemoCollection smaller =
        DemoCollectionGenerator.generate(
            DemoCollectionSpec.tiny().toBuilder().objectsPerCulture(4).seed(3).build(), dir);

    try (Stream<Path> files = Files.list(smaller.imagesDirectory())) {
      assertThat(files.count()).isEqualTo(smaller.imageCount());
    }
  }

  @Test
  void refusesAFolderHoldingSomethingElse(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("thesis.txt"), "precious");

    assertThatThrownBy(() -> DemoCollectionGenerator.generate(DemoCollectionSpec.tiny(), dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("not empty");
    assertThat(dir.resolve("thesis.txt")).hasContent("precious");
  }

  @Test
  void theHeaderIsTheRealSamplesHeader() throws IOException {
    String sample = System.getProperty("metart.sample.dir");
    assumeTrue(
        sample != null && Files.isRegularFile(Path.of(sample, "objects.csv")),
        "../shared/met-sample/objects.csv is absent: cannot compare with the real header");
    try (InputStream in = BOMInputStream.builder().setPath(Path.of(sample, "objects.csv")).get()) {
      String firstLine =
          new String(in.readNBytes(4096), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
      assertThat(firstLine).isEqualTo(MET_HEADER);
    }
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return contents;
  }
}
