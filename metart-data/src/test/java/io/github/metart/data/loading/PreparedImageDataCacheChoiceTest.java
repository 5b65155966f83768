package io.github.metart.data.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.InputFile;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Recipe;
import io.github.metart.data.dataset.SourceValues;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.SplitRatio;
import io.github.metart.data.dataset.Task;
import io.github.metart.data.dataset.YearLabeling;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cache {@link PreparedImageData} opens: the manifest's, a chosen one, or the only one. */
class PreparedImageDataCacheChoiceTest {

  private static final String KEY_40 = "r40-c40-bilinear-sub-v" + ImageRecipe.VERSION;
  private static final String KEY_32 = "r32-c32-bilinear-sub-v" + ImageRecipe.VERSION;

  @TempDir Path dir;

  private static LabeledObject dated(long id, int year) {
    return LabeledObject.of(
        id, "1500-1900", year, YearRange.of(year, year), YearSource.COLUMNS,
        SourceValues.of(MetObject.builder(id).metYears(year, year).publicDomain(true).build()));
  }

  /** Objects 1..6; 5 (train) and 6 (test) have no image. */
  private static DatasetSplits splits() {
    Map<Split, List<LabeledObject>> splits = new EnumMap<>(Split.class);
    splits.put(Split.TRAIN, List.of(dated(1, 1600), dated(2, 1700), dated(5, 1800)));
    splits.put(Split.VALIDATION, List.of(dated(3, 1650)));
    splits.put(Split.TEST, List.of(dated(4, 1620), dated(6, 1890)));
    Recipe recipe =
        new Recipe(
            Task.YEAR, 7, new SplitRatio(8, 1, 1), Recipe.Filters.none(), Recipe.Dates.defaults(), null,
            new Recipe.YearSettings(1500, 1900, 400, 1, null, 100, YearLabeling.UNIFORM));
    return DatasetSplits.create(recipe, InputFile.inMemory("test", 6), List.of("1500-1900"), splits);
  }

  private Path images() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    for (long id = 1; id <= 4; id++) {
      TestImages.jpeg(images.resolve(id + ".jpg"), TestImages.painting(60, 50, id), false);
    }
    return images;
  }

  /** A cache of the recipe prepared beside the splits without recording it in the manifest. */
  private static void unnamedCache(Path folder, Path images, int size) throws IOException {
    CachePreparer.builder(ImageRecipe.of(size, size))
        .root(folder.resolve(DatasetImagePreparer.CACHE_DIR))
        .threads(1)
        .build()
        .prepare(Set.of(1L, 2L, 3L, 4L, 5L, 6L), FolderImageSource.open(images));
  }

  @Test
  void theCacheTheManifestNamesIsOpenedAmongSeveral() throws IOException {
    Path images = images();
    Path folder = dir.resolve("prepared");
    unnamedCache(folder, images, 32);
    DatasetImagePreparer.prepare(
            splits(), folder, FolderImageSource.open(images), CachePreparer.builder(ImageRecipe.of(40, 40)).threads(1))
        .splits()
        .write(folder);

    try (PreparedImageData data = PreparedImageData.open(folder)) {
      assertThat(data.cache().directory().getFileName()).hasToString(KEY_40);
      assertThat(data.manifestSha256()).isEqualTo(Manifest.sha256(folder.resolve(Manifest.FILE_NAME)));
      assertThat(data.examples(Split.TRAIN)).extracting(ImageExample::objectId).containsExactly(1L, 2L);
      assertThat(data.missing(Split.TRAIN)).isEqualTo(1);
      assertThat(data.missing(Split.VALIDATION)).isZero();
      assertThat(data.missing(Split.TEST)).isEqualTo(1);
    }
    try (PreparedImageData data = PreparedImageData.open(folder, KEY_32)) {
      assertThat(data.cache().imageSize()).isEqualTo(32);
    }
    assertThatThrownBy(() -> PreparedImageData.open(folder, "r99-c99-bilinear-sub-v" + ImageRecipe.VERSION))
        .hasMessageContaining("r99-c99-bilinear-sub-v" + ImageRecipe.VERSION + ": no such image cache (available: " + KEY_32 + ", " + KEY_40 + ")");

    deleteTree(folder.resolve("cache").resolve(KEY_40));
    assertThatThrownBy(() -> PreparedImageData.open(folder))
        .hasMessageContaining(KEY_40 + ": the image cache named by " + folder.resolve("manifest.json") + " is missing")
        .hasMessageContaining("available: " + KEY_32);
  }

  @Test
  void anOlderFolderWithoutAnImagesSectionUsesItsOnlyCache() throws IOException {
    Path images = images();
    Path folder = dir.resolve("prepared");
    splits().write(folder);
    unnamedCache(folder, images, 32);
    Files.createDirectories(folder.resolve("cache").resolve("partial")); // no recipe.json: not a cache

    try (PreparedImageData data = PreparedImageData.open(folder)) {
      assertThat(data.cache().directory().getFileName()).hasToString(KEY_32);
      assertThat(data.examples(Split.VALIDATION)).extracting(ImageExample::objectId).containsExactly(3L);
    }

    unnamedCache(folder, images, 40);
    assertThatThrownBy(() -> PreparedImageData.open(folder))
        .hasMessageContaining("holds several image caches: choose one (available: " + KEY_32 + ", " + KEY_40 + ")");
    try (PreparedImageData data = PreparedImageData.open(folder, ImageRecipe.of(40, 40))) {
      assertThat(data.cache().imageSize()).isEqualTo(40);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
