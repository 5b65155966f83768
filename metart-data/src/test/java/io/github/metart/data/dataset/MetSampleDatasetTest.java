package io.github.metart.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.testing.MetSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets built from the real sample file (skipped when it is absent). */
class MetSampleDatasetTest {

  @TempDir Path dir;

  @Test
  void cultureDatasetFromTheSampleFile() throws Exception {
    Path csv = MetSample.objectsCsv();

    DatasetSplits splits =
        MetDataset.fromCsv(csv).culture().minPerLabel(100).exclude("european").balance(200).seed(42).build();

    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
    assertThat(splits.manifest().input().sha256()).isEqualTo(sha);
    assertThat(splits.manifest().input().rowsRead()).isEqualTo(5_000);
    assertThat(splits.manifest().input().name()).isEqualTo("objects.csv");
    assertThat(splits.labels()).contains("american", "french", "german", "roman", "british", "italian");
    for (String label : splits.labels()) {
      int total = splits.manifest().counts().values().stream().mapToInt(m -> m.get(label)).sum();
      assertThat(total).as(label).isBetween(100, 200);
    }
    splits.write(dir);
    assertThat(DatasetSplits.read(dir).splitHash()).isEqualTo(splits.splitHash());
    assertThat(MetDataset.fromCsv(csv).culture().minPerLabel(100).exclude("european").balance(200).seed(42)
        .build().splitHash()).isEqualTo(splits.splitHash());
  }

  @Test
  void yearDatasetFromTheSampleFile() throws IOException {
    DatasetSplits splits =
        MetDataset.fromCsv(MetSample.objectsCsv()).year(1500, 1900).binWidth(50).perBin(200).maxSpan(100).build();

    assertThat(splits.labels()).hasSize(8);
    assertThat(splits.size()).isGreaterThan(1_000);
    for (Split s : Split.values()) {
      assertThat(splits.get(s)).allSatisfy(o -> assertThat(o.years().orElseThrow().span()).isLessThanOrEqualTo(100));
    }
  }
}
