package io.github.metart.data.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report.json} keeps the exact text the hand-mapped code wrote before the conversion to Jackson databind. */
class DatasetReportFormatTest {

  @TempDir Path dir;

  @Test
  void theReportIsWrittenExactlyAsByTheFirstVersion() throws IOException {
    Path csv = dir.resolve("objects.csv");
    Files.writeString(csv, DatasetReportTest.HEADER
        + "1,True,A,B,Japan,Edo period (1615–1868),ca. 1785,1780,1790\n"
        + "2,True,A,B,Japanese,,1850s,0,0\n"
        + "3,True,A,B,French or Italian,,late 19th century,1800,1900\n"
        + "4,True,A,B,,Archaic,,0,0\n"
        + "5,True\n"
        + "6,True,A,B,French,,18th,1700,1799\n", StandardCharsets.UTF_8);
    String expected;
    try (InputStream in = getClass().getResourceAsStream("report-v1.json")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(DatasetReport.collect(csv).toJson()).isEqualTo(expected.replace("TMP", dir.toString()));
  }
}
