package io.github.metart.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.checkpoint.CheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedDataTest {

  @TempDir Path temp;

  @Test
  void aPreparedFolderGivesTrainingDataAndTheHeadItNeeds() throws Exception {
    Path folder = PreparedFolders.culture(temp.resolve("prepared"), 12, 4, 32, 2);
    try (PreparedData prepared = PreparedData.at(folder).inputSize(32).config(TrainingConfig.builder().seed(3).build()).open()) {
      assertThat(prepared.train().size()).as("2 training objects have no image").isEqualTo(10);
      assertThat(prepared.imageData().missing(Split.TRAIN)).isEqualTo(2);
      assertThat(prepared.imageData().missing(Split.VALIDATION)).isZero();
      assertThat(prepared.validation().size()).isEqualTo(4);
      assertThat(prepared.train().augmentation()).isEqualTo(Augmentation.cropAndFlip());
      assertThat(prepared.validation().augmentation()).isEqualTo(Augmentation.NONE);
      assertThat(prepared.head()).isEqualTo(HeadSpec.classifier(PreparedFolders.LABELS));
      assertThat(prepared.manifestSha256())
          .isEqualTo(CheckpointStore.sha256(folder.resolve("manifest.json")))
          .isEqualTo(Manifest.sha256(folder.resolve("manifest.json")));
      TrainingData data = prepared.trainingData();
      assertThat(data.train()).isSameAs(prepared.train());
      assertThat(data.manifestSha256()).isEqualTo(prepared.manifestSha256());
      assertThatThrownBy(() -> HeadChoice.binned(4).resolve(prepared.head(), folder.toString()))
          .hasMessageContaining("culture data");
    }
  }

  @Test
  void missingOrAmbiguousCachesAreNamed() throws Exception {
    Path folder = PreparedFolders.culture(temp.resolve("prepared"), 4, 2, 32, 0);
    assertThatThrownBy(() -> PreparedData.at(folder).inputSize(48).open())
        .hasMessageContaining("holds 32 px images: too small for a 48 px model input");
    Path caches = folder.resolve("cache");
    String key;
    try (var list = Files.list(caches)) {
      key = list.findFirst().orElseThrow().getFileName().toString();
    }
    Files.createDirectories(caches.resolve("partial")); // no recipe.json: not a cache
    try (PreparedData prepared = PreparedData.at(folder).inputSize(32).open()) {
      assertThat(prepared.cache().directory()).isEqualTo(caches.resolve(key));
    }
    Files.writeString(Files.createDirectories(caches.resolve("other")).resolve("recipe.json"), "{}");
    assertThatThrownBy(() -> PreparedData.at(folder).inputSize(32).open())
        .hasMessageContaining("holds several image caches: choose one (available: ");
    try (PreparedData prepared = PreparedData.at(folder).inputSize(32).cache(key).open()) {
      assertThat(prepared.cache().directory()).isEqualTo(caches.resolve(key));
    }
    assertThatThrownBy(() -> PreparedData.at(temp.resolve("nothing")).inputSize(32).open())
        .hasMessageContaining("nothing");
  }
}
