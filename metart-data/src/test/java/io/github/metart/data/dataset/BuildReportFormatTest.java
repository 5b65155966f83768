package io.github.metart.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset's {@code report.json} keeps the exact text the hand-mapped code wrote before the conversion to Jackson databind. */
class BuildReportFormatTest {

  @TempDir Path dir;

  @Test
  void theReportIsWrittenExactlyAsByTheFirstVersion() throws IOException {
    MetDatasetTest.source().culture().minPerLabel(50).balance(100).build().write(dir);
    String expected;
    try (InputStream in = getClass().getResourceAsStream("report-v1.json")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo(expected);
  }
}
