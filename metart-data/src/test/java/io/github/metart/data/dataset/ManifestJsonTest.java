package io.github.metart.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metart.data.testing.MetSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code manifest.json} through databind: round trips, files of the previous version, precise errors. */
class ManifestJsonTest {

  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Manifest year() throws IOException {
    return MetDataset.fromCsv(MetSample.objectsCsv()).year(1500, 1900).binWidth(100).seed(5).build().manifest();
  }

  @Test
  void aManifestReadsBackEqualAndWritesItsYearRangeOnce() throws IOException {
    Manifest manifest = year();
    Path file = dir.resolve("manifest.json");
    manifest.write(file);

    assertThat(Manifest.read(file)).isEqualTo(manifest);
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    assertThat(root.has("yearRange")).as("the range is recipe.year's, not repeated").isFalse();
    assertThat(root.path("recipe").path("year").path("minYear").asInt()).isEqualTo(1500);
    assertThat(root.path("task").asText()).isEqualTo("year");
    assertThat(root.path("recipe").path("dates").path("policy").asText()).isEqualTo("prefer-columns");
    assertThat(root.path("totals").path("train").asInt()).isEqualTo(manifest.total(Split.TRAIN));
    assertThat(manifest.yearRange().begin()).isEqualTo(1500);
  }

  @Test
  void aManifestOfThePreviousVersionStillLoads() throws IOException {
    Manifest manifest = year();
    ObjectNode old = (ObjectNode) JSON.readTree(ManifestJson.toJsonString(manifest));
    // the previous version: the year range also at the top level, no settings of the other task, no images
    old.putObject("yearRange").put("min", 1500).put("max", 1900);
    ((ObjectNode) old.get("recipe")).remove("culture");
    Path file = Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(old));

    assertThat(Manifest.read(file)).isEqualTo(manifest);

    old.putObject("yearRange").put("min", 1400).put("max", 1900);
    Files.writeString(file, JSON.writeValueAsString(old));
    assertThatThrownBy(() -> Manifest.read(file)).hasMessage(file + ": field 'yearRange' contradicts 'recipe.year'");
  }

  @Test
  void aBrokenFieldIsNamed() throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(ManifestJson.toJsonString(year()));
    Path file = dir.resolve("manifest.json");

    ((ObjectNode) root.get("recipe").get("dates")).put("policy", "whatever");
    Files.writeString(file, JSON.writeValueAsString(root));
    assertThatThrownBy(() -> Manifest.read(file))
        .hasMessage(file + ": field 'recipe.dates.policy': unknown value 'whatever', expected one of"
            + " [prefer-columns, prefer-object-date, columns-only, object-date-only]");

    ((ObjectNode) root.get("recipe").get("dates")).put("policy", "prefer-columns");
    ((ObjectNode) root.get("input")).remove("sha256");
    Files.writeString(file, JSON.writeValueAsString(root));
    assertThatThrownBy(() -> Manifest.read(file)).hasMessage(file + ": missing field 'input.sha256'");

    ((ObjectNode) root.get("input")).put("sha256", "abc");
    Files.writeString(file, JSON.writeValueAsString(root));
    assertThatThrownBy(() -> Manifest.read(file))
        .hasMessage(file + ": field 'input': sha256 must be 64 lowercase hex digits, got 'abc'");

    ((ObjectNode) root.get("input")).put("sha256", year().input().sha256());
    ((ObjectNode) root.get("input")).put("rowsRead", "many");
    Files.writeString(file, JSON.writeValueAsString(root));
    assertThatThrownBy(() -> Manifest.read(file)).hasMessage(file + ": field 'input.rowsRead' must be an integer");

    ((ObjectNode) root.get("input")).put("rowsRead", 5000);
    root.put("task", "culture");
    Files.writeString(file, JSON.writeValueAsString(root));
    assertThatThrownBy(() -> Manifest.read(file)).hasMessage(file + ": field 'task' (culture) contradicts 'recipe.task' (year)");
  }
}
