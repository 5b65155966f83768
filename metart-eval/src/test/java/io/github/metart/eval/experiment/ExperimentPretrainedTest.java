package io.github.metart.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.models.pretrained.WeightCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code "pretrained"} in an experiment spec's base: every run starts from it, fetched first. */
class ExperimentPretrainedTest {

  @TempDir Path dir;

  private static final String SPEC =
      """
      {
        "base": {"architecture": "resnet50", "inputSize": 64, "pretrained": "imagenet"},
        "sweeps": [{"name": "dropout", "dropout": [0, 0.5]}]
      }
      """;

  @Test
  void everyRunStartsFromTheBasesWeightsFetchedBeforeAnyTrains() throws IOException {
    ExperimentSpec spec = ExperimentSpec.parse(SPEC, "spec.json");
    assertThat(spec.plan().runs()).hasSize(2).allMatch(run -> "imagenet".equals(run.recipe().pretrained()));
    assertThat(ExperimentSpec.parse(spec.toJson(), "again.json")).isEqualTo(spec);

    WeightCache offline = WeightCache.defaults().withFolder(dir.resolve("empty")).withDownloads(false);
    assertThatThrownBy(() -> spec.fetchPretrained(offline))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resnet50-11ad3fa6.pth")
        .hasMessageContaining("--allow-downloads");

    Path placed = dir.resolve("cache/resnet50-11ad3fa6.pth");
    Files.createDirectories(placed.getParent());
    Files.write(placed, new byte[] {1});
    assertThat(spec.fetchPretrained(offline.withFolder(placed.getParent()))).containsExactly(placed);
  }

  @Test
  void withPretrainedReplacesTheBasesSourceAndAMissingFileIsNamed() throws IOException {
    ExperimentSpec spec =
        ExperimentSpec.parse(SPEC, "spec.json").withPretrained(dir.resolve("nope.pth").toString());
    assertThat(spec.base().pretrained()).isEqualTo(dir.resolve("nope.pth").toString());
    assertThatThrownBy(() -> spec.fetchPretrained(WeightCache.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.pth: no such file or model folder");
    assertThat(spec.withPretrained(null).fetchPretrained(WeightCache.defaults())).isEmpty();
  }
}
