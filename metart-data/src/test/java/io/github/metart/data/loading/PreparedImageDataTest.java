package io.github.metart.data.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.InputFile;
import io.github.metart.data.dataset.LabeledObject;
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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedImageDataTest {

  @TempDir Path dir;

  private static LabeledObject dated(long id, int year) {
    return LabeledObject.of(
        id, "1500-1900", year, YearRange.of(year, year), YearSource.COLUMNS,
        SourceValues.of(MetObject.builder(id).metYears(year, year).publicDomain(true).build()));
  }

  private static DatasetSplits splits() {
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

  @Test
  void preparedFolderKeepsDuplicatesInOneSplitAndServesDatasets() throws Exception {
    Path images = Files.createDirectory(dir.resolve("images"));
    BufferedImage painting = TestImages.painting(90, 70, 1);
    TestImages.jpeg(images.resolve("1.jpg"), painting, false);
    TestImages.write(images.resolve("2.png"), painting, "png"); // the same painting, in test
    for (long id = 3; id <= 7; id++) {
      TestImages.jpeg(images.resolve(id + ".jpg"), TestImages.painting(90, 70, id), false);
    }
    Path folder = dir.resolve("prepared");

    DatasetImagePreparer.Result result =
        DatasetImagePreparer.prepare(
            splits(), folder, FolderImageSource.open(images),
            CachePreparer.builder(ImageRecipe.of(36, 36)).threads(2));
    result.splits().write(folder);

    assertThat(result.repair().straddlingGroups()).isEqualTo(1);
    assertThat(result.splits().train()).extracting(LabeledObject::objectId).contains(1L, 2L);
    assertThat(result.splits().test()).extracting(LabeledObject::objectId).containsExactly(7L);
    assertThat(result.preparation().directory()).isEqualTo(folder.resolve("cache").resolve("r36-c36-bilinear-sub-v" + io.github.metart.data.images.ImageRecipe.VERSION));
    assertThat(result.summary())
        .contains("near-duplicate groups: 1 (1 straddled splits, 1 objects moved)")
        .anyMatch(line -> line.startsWith("images: 7 of 8 prepared into "));

    try (PreparedImageData data = PreparedImageData.open(folder);
        NDManager manager = NDManager.newBaseManager()) {
      List<ImageExample> train = data.examples(Split.TRAIN);
      assertThat(train).extracting(ImageExample::objectId).containsExactly(1L, 2L, 3L, 4L, 5L); // 8 has no image
      assertThat(train.get(0).target()).isEqualTo(0.25f); // (1600 - 1500) / (1900 - 1500)
      CachedImageDataset dataset = data.dataset(Split.TRAIN).inputSize(32).seed(1).setSampling(2, true).build();
      int seen = 0;
      for (Batch batch : dataset.getData(manager)) {
        try (batch) {
          assertThat(batch.getData().singletonOrThrow().getShape().slice(1)).isEqualTo(new Shape(3, 32, 32));
          seen += batch.getSize();
        }
      }
      assertThat(seen).isEqualTo(5);
    }
  }

  @Test
  void aFolderWithoutImagesSaysHowToMakeThem() throws IOException {
    splits().write(dir);

    assertThatThrownBy(() -> PreparedImageData.open(dir)).hasMessageContaining("run metart prepare with --images");
  }
}
