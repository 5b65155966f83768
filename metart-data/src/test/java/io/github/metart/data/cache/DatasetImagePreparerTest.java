package io.github.metart.data.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.csv.MetObject;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.InputFile;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.ManifestImages;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's images section and the removal of caches it does not name. */
class DatasetImagePreparerTest {

  @TempDir Path dir;

  static LabeledObject dated(long id, int year) {
    return LabeledObject.of(
        id, "1500-1900", year, YearRange.of(year, year), YearSource.COLUMNS,
        SourceValues.of(MetObject.builder(id).metYears(year, year).publicDomain(true).build()));
  }

  /** Objects 1..8 (8 has no image); 1 (train) and 2 (test) show the same painting. */
  static DatasetSplits splits() {
    Map<Split, List<LabeledObject>> splits = new EnumMap<>(Split.class);
    splits.put(Split.TRAIN, List.of(dated(1, 1600), dated(3, 1700), dated(4, 1750), dated(5, 1800), dated(8, 1850)));
    splits.put(Split.VALIDATION, List.of(dated(6, 1650)));
    splits.put(Split.TEST, List.of(dated(2, 1620), dated(7, 1890)));
    Recipe recipe =
        new Recipe(
            Task.YEAR, 7, new SplitRatio(8, 1, 1), Recipe.Filters.none(), Recipe.Dates.defaults(), null,
            new Recipe.YearSettings(1500, 1900, 400, 1, null, 100, YearLabeling.UNIFORM));
    return DatasetSplits.create(recipe, InputFile.inMemory("test", 8), List.of("1500-1900"), splits);
  }

  static Path images(Path dir) throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    TestImages.jpeg(images.resolve("1.jpg"), TestImages.painting(90, 70, 1), false);
    TestImages.write(images.resolve("2.png"), TestImages.painting(90, 70, 1), "png");
    for (long id = 3; id <= 7; id++) {
      TestImages.jpeg(images.resolve(id + ".jpg"), TestImages.painting(90, 70, id), false);
    }
    return images;
  }

  static DatasetImagePreparer.Result prepare(Path folder, Path images, int size) throws IOException {
    DatasetImagePreparer.Result result =
        DatasetImagePreparer.prepare(
            splits(), folder, FolderImageSource.open(images), CachePreparer.builder(ImageRecipe.of(size, size)).threads(1));
    result.splits().write(folder);
    return result;
  }

  @Test
  void aPreparationWithoutOneUsableImageIsAnErrorSayingWhy() throws IOException {
    Path images = Files.createDirectories(dir.resolve("broken-images"));
    for (long id = 1; id <= 7; id++) {
      Files.writeString(images.resolve(id + ".jpg"), "not a picture");
    }
    Path folder = dir.resolve("prepared");

    assertThatThrownBy(() -> prepare(folder, images, 32))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("none of the 8 images could be prepared (")
        .hasMessageContaining("e.g. object ");
    assertThat(folder.resolve(Manifest.FILE_NAME)).doesNotExist();
  }

  @Test
  void theManifestNamesTheCacheAndRecordsWhatThePreparationFound() throws IOException {
    Path images = images(dir);
    Path folder = dir.resolve("prepared");

    DatasetImagePreparer.Result result = prepare(folder, images, 36);

    ManifestImages expected =
        new ManifestImages(
            new ManifestImages.CacheRecipe("r36-c36-bilinear-sub-v" + ImageRecipe.VERSION, 36, 36, "bilinear", true),
            images.toAbsolutePath().normalize().toString(),
            8, 7, 1, 4, 1, 1);
    assertThat(result.splits().manifest().images()).isEqualTo(expected);
    Manifest read = DatasetSplits.read(folder).manifest();
    assertThat(read.images()).isEqualTo(expected);
    assertThat(read).isEqualTo(result.splits().manifest());
    assertThat(Files.readString(folder.resolve(Manifest.FILE_NAME)))
        .contains("\"images\" : {")
        .contains("\"key\" : \"r36-c36-bilinear-sub-v" + ImageRecipe.VERSION + "\"")
        .contains("\"objectsMoved\" : 1");
    assertThat(DatasetImagePreparer.caches(folder)).containsExactly(result.preparation().directory());
  }

  @Test
  void preparingAgainGivesTheSameManifestFile() throws IOException {
    Path images = images(dir);
    Path folder = dir.resolve("prepared");
    prepare(folder, images, 32);
    String first = Manifest.sha256(folder.resolve(Manifest.FILE_NAME));

    prepare(folder, images, 32); // every image reused from the cache

    assertThat(Manifest.sha256(folder.resolve(Manifest.FILE_NAME))).isEqualTo(first);
  }

  @Test
  void cachesTheNewManifestDoesNotNameAreRemoved() throws IOException {
    Path images = images(dir);
    Path folder = dir.resolve("prepared");
    Path old = prepare(folder, images, 36).preparation().directory();
    Path notACache = Files.createDirectories(folder.resolve("cache").resolve("notes"));

    DatasetImagePreparer.Result again = prepare(folder, images, 32);
    List<Path> removed = DatasetImagePreparer.removeStaleCaches(folder, again.splits().manifest());

    assertThat(removed).containsExactly(old);
    assertThat(old).doesNotExist();
    assertThat(notACache).as("not a cache: left alone").isDirectory();
    assertThat(DatasetImagePreparer.caches(folder)).containsExactly(again.preparation().directory());

    DatasetSplits withoutImages = splits();
    withoutImages.write(folder);
    assertThat(DatasetImagePreparer.removeStaleCaches(folder, withoutImages.manifest()))
        .containsExactly(again.preparation().directory());
    assertThat(DatasetImagePreparer.caches(folder)).isEmpty();
  }
}
