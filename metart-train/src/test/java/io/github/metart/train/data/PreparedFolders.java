package io.github.metart.train.data;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.dataset.CultureSource;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.InputFile;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Recipe;
import io.github.metart.data.dataset.SourceValues;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.SplitRatio;
import io.github.metart.data.dataset.Task;
import io.github.metart.data.dates.YearPolicy;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import io.github.metart.data.dataset.YearLabeling;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes small prepared folders (manifest, splits, image cache) as {@code metart prepare} does: a
 * culture task with two labels whose images differ in colour (red-ish and blue-ish, with noise), or
 * a year task whose two bins differ in colour the same way.
 */
public final class PreparedFolders {

  /** The labels of the culture folders. */
  public static final List<String> LABELS = List.of("chinese", "japanese");

  private PreparedFolders() {}

  /**
   * A culture folder.
   *
   * @param folder where to write it
   * @param train training objects
   * @param validation validation objects
   * @param imageSize the cached image side
   * @param withoutImage how many training objects have no image (left out when loading)
   */
  public static Path culture(Path folder, int train, int validation, int imageSize, int withoutImage)
      throws IOException {
    return write(
        folder, train, validation, imageSize, withoutImage, recipe(), LABELS,
        (id, i) -> {
          String label = LABELS.get(i % 2);
          return LabeledObject.withoutYears(
              id, label, SourceValues.of(MetObject.builder(id).culture(label).build()));
        });
  }

  /** The labels (year bins) of the year folders: the range 1500..1900 in two bins. */
  public static final List<String> YEAR_BINS = List.of("1500-1699", "1700-1900");

  /**
   * A year folder over 1500..1900 with two bins: even objects red-ish, dated within 1550..1650
   * (intervals of 0 to 100 years), odd objects blue-ish, dated within 1750..1850; each object's
   * year label lies inside its interval.
   *
   * @param folder where to write it
   * @param train training objects
   * @param validation validation objects
   * @param imageSize the cached image side
   */
  public static Path year(Path folder, int train, int validation, int imageSize) throws IOException {
    return write(
        folder, train, validation, imageSize, 0, yearRecipe(), YEAR_BINS,
        (id, i) -> {
          int start = (i % 2 == 0 ? 1550 : 1750) + (i * 7) % 50;
          int span = (i * 13) % 51;
          YearRange years = YearRange.of(start, start + span);
          int year = start + span / 3;
          return LabeledObject.of(
              id, YEAR_BINS.get(i % 2), year, years, YearSource.COLUMNS,
              SourceValues.of(MetObject.builder(id).metYears(years.begin(), years.end()).build()));
        });
  }

  /**
   * A culture and year folder (culture+year) over 1500..1900: the culture labels {@link #LABELS},
   * even objects red-ish, "chinese" and dated within 1550..1650, odd objects blue-ish, "japanese"
   * and dated within 1750..1850.
   */
  public static Path cultureYear(Path folder, int train, int validation, int imageSize) throws IOException {
    return write(
        folder, train, validation, imageSize, 0, cultureYearRecipe(), LABELS,
        (id, i) -> {
          int start = (i % 2 == 0 ? 1550 : 1750) + (i * 7) % 50;
          YearRange years = YearRange.of(start, start + (i * 13) % 51);
          String label = LABELS.get(i % 2);
          return LabeledObject.of(
              id, label, years.midpoint(), years, YearSource.COLUMNS,
              SourceValues.of(MetObject.builder(id).culture(label).metYears(years.begin(), years.end()).build()));
        });
  }

  private static Recipe cultureYearRecipe() {
    Recipe culture = recipe();
    return new Recipe(
        Task.CULTURE_YEAR, culture.seed(), culture.split(), culture.filters(), culture.dates(), culture.culture(),
        new Recipe.YearSettings(1500, 1900, 400, 1, null, null, YearLabeling.UNIFORM));
  }

  /** The object of index {@code i} (of its split) with Object ID {@code id}. */
  private interface ObjectMaker {
    LabeledObject make(long id, int i);
  }

  private static Path write(
      Path folder, int train, int validation, int imageSize, int withoutImage, Recipe recipe,
      List<String> labels, ObjectMaker maker)
      throws IOException {
    Path images = Files.createDirectories(folder.resolve("downloaded-images"));
    Random random = new Random(5);
    Map<Split, List<LabeledObject>> splits = new EnumMap<>(Split.class);
    List<Long> withImages = new ArrayList<>();
    long id = 1000;
    for (Split split : Split.values()) {
      int count = split == Split.TRAIN ? train : split == Split.VALIDATION ? validation : 0;
      List<LabeledObject> objects = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        id++;
        objects.add(maker.make(id, i));
        if (!(split == Split.TRAIN && i < withoutImage)) {
          ImageIO.write(picture(i % 2, imageSize + 8, random), "png", images.resolve(id + ".png").toFile());
          withImages.add(id);
        }
      }
      splits.put(split, objects);
    }
    DatasetSplits.create(recipe, InputFile.inMemory("generated", train + validation), labels, splits)
        .write(folder);
    CachePreparer.builder(ImageRecipe.of(imageSize + 8, imageSize))
        .root(folder.resolve(DatasetImagePreparer.CACHE_DIR))
        .threads(1)
        .build()
        .prepare(withImages, FolderImageSource.open(images))
        .open()
        .close();
    return folder;
  }

  private static BufferedImage picture(int label, int size, Random random) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int noise = random.nextInt(60);
        int strong = 170 + noise / 2;
        int weak = 40 + noise;
        int rgb = label == 0 ? strong << 16 | weak << 8 | weak : weak << 16 | weak << 8 | strong;
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  private static Recipe yearRecipe() {
    return new Recipe(
        Task.YEAR,
        42,
        SplitRatio.DEFAULT,
        io.github.metart.data.dataset.Recipe.Filters.none(),
        new Recipe.Dates(YearPolicy.PREFER_COLUMNS, true),
        null,
        new Recipe.YearSettings(1500, 1900, 200, 1, null, null, YearLabeling.UNIFORM));
  }

  private static Recipe recipe() {
    return new Recipe(
        Task.CULTURE,
        42,
        SplitRatio.DEFAULT,
        io.github.metart.data.dataset.Recipe.Filters.none(),
        new Recipe.Dates(YearPolicy.PREFER_COLUMNS, true),
        new Recipe.CultureSettings(
            CultureSource.CULTURE, "built-in", AmbiguityPolicy.NO_LABEL, true, List.of(), false, 1, 1000),
        null);
  }
}
