package io.github.metart.models.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import io.github.metart.data.images.Normalization;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.network.MetNetwork;
import io.github.metart.models.predict.Preprocessing;
import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.models.transfer.StateDictWriter;
import io.github.metart.models.transfer.TorchvisionNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pretrained("imagenet")} through the builder and the recipe, from a prepared cache. */
class PretrainedModelTest {

  @TempDir Path dir;

  /** resnet18 weights in torchvision names, saved as the published file name in a cache. */
  private WeightCache cacheHoldingResnet18(MetModel donor) throws IOException {
    WeightCache cache =
        WeightCache.fromSettings(Map.of(), new Properties()).withFolder(dir.resolve("weights"));
    Files.createDirectories(cache.folder());
    Map<String, NDArray> state = new LinkedHashMap<>();
    donor.parameters().forEach((name, array) -> {
      if (name.startsWith(MetNetwork.BACKBONE + "_")) {
        state.put(TorchvisionNames.of(name), array);
      }
    });
    StateDictWriter.write(cache.path(PretrainedWeights.RESNET18), state);
    return cache;
  }

  @Test
  void imagenetLoadsThePublishedFileFromTheCacheWithImagenetPreprocessing() throws IOException {
    try (MetModel donor = MetModels.resnet(18).inputSize(32).classifier(4)) {
      WeightCache cache = cacheHoldingResnet18(donor);

      try (MetModel model =
          MetModels.resnet(18).inputSize(32).weightCache(cache).pretrained("imagenet").classifier(7)) {
        NDArray expected = donor.parameters().get("backbone_layer1_0_conv1_weight");
        assertThat(model.parameters().get("backbone_layer1_0_conv1_weight").toFloatArray())
            .containsExactly(expected.toFloatArray());
        assertThat(model.preprocessing()).isEqualTo(Preprocessing.defaults(32));
        assertThat(model.preprocessing().normalization()).isEqualTo(Normalization.IMAGENET);
      }
    }
  }

  @Test
  void withoutTheFileAndOfflineTheBuildSaysHowToGetIt() {
    WeightCache empty =
        WeightCache.fromSettings(Map.of(), new Properties()).withFolder(dir.resolve("empty"));
    assertThatThrownBy(
            () -> MetModels.resnet(50).inputSize(32).weightCache(empty).pretrained("imagenet").classifier(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resnet50 IMAGENET1K_V2 (resnet50-11ad3fa6.pth)")
        .hasMessageContaining("--allow-downloads")
        .hasMessageContaining(dir.resolve("empty").resolve("resnet50-11ad3fa6.pth").toAbsolutePath().toString());
    assertThat(dir.resolve("empty")).doesNotExist();
  }

  @Test
  void aRecipeNamingImagenetUsesTheDefaultCache() throws IOException {
    String before = System.getProperty(WeightCache.CACHE_PROPERTY);
    try (MetModel donor = MetModels.resnet(18).inputSize(32).classifier(4)) {
      cacheHoldingResnet18(donor);
      System.setProperty(WeightCache.CACHE_PROPERTY, dir.toString());
      ModelRecipe recipe = ModelRecipe.of("resnet18", 32).withHead(HeadChoice.AUTO).withPretrained("imagenet");
      assertThat(recipe.describe()).isEqualTo("resnet18 32px pretrained=imagenet");
      try (MetModel model = recipe.build(HeadSpec.classifier(2))) {
        assertThat(model.parameters().get("backbone_conv1_weight").toFloatArray())
            .containsExactly(donor.parameters().get("backbone_conv1_weight").toFloatArray());
      }
    } finally {
      if (before == null) {
        System.clearProperty(WeightCache.CACHE_PROPERTY);
      } else {
        System.setProperty(WeightCache.CACHE_PROPERTY, before);
      }
    }
  }
}
