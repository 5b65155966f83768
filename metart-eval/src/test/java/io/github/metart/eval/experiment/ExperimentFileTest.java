package io.github.metart.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.files.JsonFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code experiment.json} keeps the exact text of the first version: the resource was written by the
 * hand-mapped code (an ObjectNode) before the conversion to Jackson databind.
 */
class ExperimentFileTest {

  @TempDir Path dir;

  private static final String SPEC =
      """
      {
        "base": {"architecture": "resnet50", "inputSize": 64, "pretrained": "imagenet"},
        "sweeps": [{"name": "dropout", "dropout": [0, 0.5]}]
      }
      """;

  private static String resource() throws IOException {
    try (InputStream in = ExperimentFileTest.class.getResourceAsStream("experiment-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ExperimentRunner.ExperimentFile sample() throws IOException {
    ExperimentSpec spec = ExperimentSpec.parse(SPEC, "spec.json");
    return new ExperimentRunner.ExperimentFile(
        JsonFiles.mapper().readTree(spec.toJson()), "validation", "/data/culture", "b".repeat(64));
  }

  @Test
  void theRecordIsWrittenExactlyAsByTheFirstVersion() throws IOException {
    assertThat(JsonFiles.mapper().writeValueAsString(sample()) + "\n").isEqualTo(resource());
  }

  @Test
  void aRecordOfTheFirstVersionStillLoads() throws IOException {
    Path file = Files.writeString(dir.resolve("experiment.json"), resource());

    ExperimentRunner.ExperimentFile read = ExperimentRunner.ExperimentFile.read(file);

    assertThat(read).isEqualTo(sample());
    assertThat(ExperimentSpec.parse(read.spec().toString(), "again")).isEqualTo(ExperimentSpec.parse(SPEC, "spec.json"));
  }

  @Test
  void aBrokenFieldIsNamedWithTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("experiment.json"), resource().replace("\"split\" : \"validation\"", "\"split\" : [ ]"));

    assertThatThrownBy(() -> ExperimentRunner.ExperimentFile.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": not a valid experiment record: field 'split' must be a string");
  }
}
