package io.github.metart.examples.endtoend;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.dataset.DatasetBuilder;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.MetDataset;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.examples.demo.DemoCollection;
import io.github.metart.examples.demo.DemoCollectionGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The demo's two prepared folders, made from a generated collection with the real recipe builders
 * and image preparation — what {@code metart prepare --images} writes:
 *
 * <ul>
 *   <li>culture: public-domain objects with an image, labels with at least half a class's objects,
 *       {@code european} excluded, balanced, split 800:100:100;
 *   <li>year: public-domain objects with an image dated within {@value DemoRun#MIN_YEAR}–{@value
 *       DemoRun#MAX_YEAR} by an interval of at most 100 years, 50-year bins, split 800:100:100.
 * </ul>
 *
 * @param culture the culture folder
 * @param year the year folder
 * @param cultureSplits the culture dataset
 * @param yearSplits the year dataset
 */
public record DemoDatasets(Path culture, Path year, DatasetSplits cultureSplits, DatasetSplits yearSplits) {

  /** The culture folder's name. */
  public static final String CULTURE = "culture";

  /** The year folder's name. */
  public static final String YEAR = "year";

  /** Validates the fields. */
  public DemoDatasets {
    Objects.requireNonNull(culture, "culture");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(cultureSplits, "cultureSplits");
    Objects.requireNonNull(yearSplits, "yearSplits");
  }

  /**
   * Prepares both datasets of a collection into {@code folder/culture} and {@code folder/year},
   * with images cached for a model input of {@code inputSize} pixels.
   *
   * @throws IOException naming the file that cannot be read or written
   */
  public static DemoDatasets prepare(
      DemoCollection collection, Path folder, int inputSize, long seed, int threads) throws IOException {
    FolderImageSource images = FolderImageSource.open(collection.imagesDirectory());
    String withImages = "has a generated image in " + collection.imagesDirectory().getFileName();
    MetDataset source = MetDataset.fromCsv(collection.csvFile());
    int perCulture = collection.spec().objectsPerCulture();
    ImageRecipe recipe = ImageRecipe.forInput(inputSize);
    Path culture = folder.resolve(CULTURE);
    DatasetSplits cultureSplits =
        prepare(
            source.culture().minPerLabel(Math.max(2, perCulture / 2)).exclude("european").balance(perCulture),
            withImages, images, recipe, seed, threads, culture);
    Path year = folder.resolve(YEAR);
    DatasetSplits yearSplits =
        prepare(
            source.year(DemoRun.MIN_YEAR, DemoRun.MAX_YEAR).binWidth(50).maxSpan(100),
            withImages, images, recipe, seed, threads, year);
    return new DemoDatasets(culture, year, cultureSplits, yearSplits);
  }

  /**
   * The demo datasets in {@code folder}: read when an earlier call prepared them (both manifests
   * exist), otherwise generated ({@code folder/collection}) and prepared.
   *
   * @throws IOException naming the file that cannot be read or written
   */
  public static DemoDatasets prepareOnce(Path folder, DemoSize size, long seed, int threads) throws IOException {
    Path culture = folder.resolve(CULTURE);
    Path year = folder.resolve(YEAR);
    if (Files.isRegularFile(culture.resolve(Manifest.FILE_NAME))
        && Files.isRegularFile(year.resolve(Manifest.FILE_NAME))) {
      return new DemoDatasets(culture, year, DatasetSplits.read(culture), DatasetSplits.read(year));
    }
    DemoCollection collection =
        DemoCollectionGenerator.generate(
            size.collection().toBuilder().seed(seed).build(), folder.resolve("collection"));
    return prepare(collection, folder, size.model().inputSize(), seed, threads);
  }

  private static DatasetSplits prepare(
      DatasetBuilder<?> recipe,
      String withImages,
      FolderImageSource images,
      ImageRecipe imageRecipe,
      long seed,
      int threads,
      Path folder)
      throws IOException {
    DatasetSplits splits =
        recipe.publicDomainOnly().withImages(withImages, images.objectIds()).seed(seed).build();
    DatasetImagePreparer.Result prepared =
        DatasetImagePreparer.prepare(splits, folder, images, CachePreparer.builder(imageRecipe).threads(threads));
    DatasetSplits repaired = prepared.splits();
    if (repaired != splits && splits.report().isPresent()) {
      repaired = repaired.withReport(splits.report().get());
    }
    // the manifest is written last: its presence marks a complete folder
    repaired.write(folder);
    return repaired;
  }
}
