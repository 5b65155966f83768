package io.github.metart.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.cache.DuplicateFinder;
import io.github.metart.data.cache.DuplicateGroups;
import io.github.metart.data.cache.PerceptualHash;
import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetCsvReader;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.csv.ReadReport;
import io.github.metart.data.csv.SkipReason;
import io.github.metart.data.csv.SkippedRow;
import io.github.metart.data.images.DecodedImage;
import io.github.metart.data.images.ImageDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo collection read by metart-data's own CSV reader, image decoder and duplicate finder. */
class DemoCollectionThroughDataModuleTest {

  @TempDir static Path dir;
  static DemoCollection demo;

  @BeforeAll
  static void generate() throws IOException {
    demo = DemoCollectionGenerator.generate(DemoCollectionSpec.demo(), dir);
  }

  @Test
  void theReaderSkipsExactlyTheMalformedRowsAtTheirLines() throws IOException {
    List<MetObject> read;
    ReadReport report;
    try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(demo.csvFile())) {
      read = reader.stream().toList();
      report = reader.report();
    }

    assertThat(report.rowsRead()).isEqualTo(demo.objects().size());
    assertThat(report.missingColumns()).isEmpty();
    assertThat(report.skipped())
        .extracting(SkippedRow::line)
        .containsExactlyElementsOf(demo.malformedRows().stream().map(MalformedRow::line).toList());
    assertThat(report.skippedByReason())
        .containsEntry(SkipReason.WRONG_FIELD_COUNT, 2L)
        .containsEntry(SkipReason.UNPARSEABLE_NUMBER, 1L);

    Map<Long, DemoObject> truth =
        demo.objects().stream().collect(Collectors.toMap(DemoObject::objectId, Function.identity()));
    for (MetObject object : read) {
      DemoObject expected = truth.get(object.objectId());
      assertThat(expected).as("object %s", object.objectId()).isNotNull();
      assertThat(object.culture()).isEqualTo(expected.rawCulture());
      assertThat(object.objectDate()).isEqualTo(expected.objectDate());
      assertThat(object.period()).isEqualTo(expected.period());
      assertThat(object.publicDomain()).isEqualTo(expected.publicDomain());
      if (expected.beginColumn() != 0 || expected.endColumn() != 0) {
        assertThat(object.objectBeginDate()).hasValue(expected.beginColumn());
        assertThat(object.objectEndDate()).hasValue(expected.endColumn());
      }
    }
  }

  @Test
  void everyImageDecodesAndNoneIsANearDuplicate() throws Exception {
    ImageDecoder decoder = ImageDecoder.defaults();
    Map<Long, Long> hashes = new HashMap<>();
    for (DemoObject object : demo.objects()) {
      if (object.hasImage()) {
        DecodedImage decoded = decoder.decode(demo.imageOf(object));
        assertThat(decoded.image().width()).isEqualTo(96);
        hashes.put(object.objectId(), PerceptualHash.of(decoded.image()));
      }
    }

    DuplicateGroups groups = DuplicateFinder.find(hashes, DuplicateFinder.DEFAULT_MAX_DISTANCE);

    assertThat(hashes).hasSize((int) demo.imageCount());
    assertThat(groups.objectCount())
        .as("objects in near-duplicate groups (pHash within %s bits): %s", groups.maxDistance(), groups.groups())
        .isZero();
  }
}
