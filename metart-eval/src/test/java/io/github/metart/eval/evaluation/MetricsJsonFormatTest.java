package io.github.metart.eval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.provenance.LibraryVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metrics.json} keeps the exact text of the first version: the resources were written by the
 * hand-mapped code before the conversion to Jackson databind (from the same sample reports).
 */
class MetricsJsonFormatTest {

  @TempDir Path dir;

  static String resource(String name) throws IOException {
    try (InputStream in = MetricsJsonFormatTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The resource with the versions of the library and Java it was written with replaced by the running ones. */
  private static String withCurrentVersions(String json) {
    LibraryVersion now = LibraryVersion.current();
    return json.replaceFirst("\"metart\" : \"[^\"]*\"", "\"metart\" : \"" + now.metart() + "\"")
        .replaceFirst("\"java\" : \"[^\"]*\"", "\"java\" : \"" + now.java() + "\"");
  }

  @Test
  void classificationMetricsAreWrittenExactlyAsByTheFirstVersion() throws IOException {
    Path file = MetricsJson.write(SampleReports.classification(), dir.resolve("metrics.json"));

    assertThat(Files.readString(file)).isEqualTo(withCurrentVersions(resource("metrics-classification-v1.json")));
  }

  @Test
  void yearMetricsAreWrittenExactlyAsByTheFirstVersion() throws IOException {
    Path file = MetricsJson.write(SampleReports.year(), dir.resolve("metrics.json"));

    assertThat(Files.readString(file)).isEqualTo(withCurrentVersions(resource("metrics-year-v1.json")));
  }

  @Test
  void filesOfTheFirstVersionStillLoad() throws IOException {
    Path classification = Files.writeString(dir.resolve("c.json"), resource("metrics-classification-v1.json"));
    Path year = Files.writeString(dir.resolve("y.json"), resource("metrics-year-v1.json"));

    assertThat(MetricsJson.readSummary(classification)).isEqualTo(MetricsSummary.of(SampleReports.classification()));
    assertThat(MetricsJson.readSummary(year)).isEqualTo(MetricsSummary.of(SampleReports.year()));
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithTheFile() throws IOException {
    Path file =
        Files.writeString(dir.resolve("metrics.json"),
            resource("metrics-year-v1.json").replace("\"count\" : 40,", "\"count\" : \"forty\","));

    assertThatThrownBy(() -> MetricsJson.readSummary(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": field 'count' must be an int");
  }

  @Test
  void aMissingFieldIsNamedWithTheFile() throws IOException {
    Path file =
        Files.writeString(dir.resolve("metrics.json"),
            resource("metrics-year-v1.json").replace("\"split\" : \"test\",", ""));

    assertThatThrownBy(() -> MetricsJson.readSummary(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": the field \"split\" is missing");
  }
}
