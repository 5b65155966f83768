package io.github.metart.data.loading;

import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.YearTarget;
import io.github.metart.data.dataset.YearTargetChoice;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.Task;
import io.github.metart.data.images.ImageRecipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A prepared folder with images ({@code metart prepare --images}): the labeled splits and the image
 * cache next to them, ready to become DJL datasets. The cache is the one {@code manifest.json}
 * names, or one chosen by its key; objects whose image is not in it are left out of the examples
 * (and counted by {@link #missing(Split)}).
 *
 * <pre>{@code
 * try (PreparedImageData data = PreparedImageData.open(Path.of("prepared"))) {
 *   CachedImageDataset train = data.dataset(Split.TRAIN)
 *       .inputSize(224).augmentation(Augmentation.standard()).seed(42).setSampling(32, true).build();
 *   CachedImageDataset validation = data.dataset(Split.VALIDATION).inputSize(224).setSampling(64, false).build();
 * }
 * }</pre>
 */
public final class PreparedImageData implements AutoCloseable {

  private final Path folder;
  private final DatasetSplits splits;
  private final String manifestSha256;
  private final PreparedCache cache;

  private PreparedImageData(Path folder, DatasetSplits splits, String manifestSha256, PreparedCache cache) {
    this.folder = folder;
    this.splits = splits;
    this.manifestSha256 = manifestSha256;
    this.cache = cache;
  }

  /**
   * Opens a prepared folder and the image cache its {@code manifest.json} names; a folder whose
   * manifest names none (prepared by an earlier metart) must hold exactly one cache.
   *
   * @throws IOException when the splits are missing or edited, the named cache is missing or
   *     incomplete, or there is no cache or several without a name (the message lists them: use
   *     {@link #open(Path, String)})
   */
  public static PreparedImageData open(Path folder) throws IOException {
    return open(folder, (String) null);
  }

  /** Opens a prepared folder's cache of the given recipe. */
  public static PreparedImageData open(Path folder, ImageRecipe recipe) throws IOException {
    return open(folder, Objects.requireNonNull(recipe, "recipe").key());
  }

  /**
   * Opens a prepared folder's cache by its folder name under {@code cache/} (its recipe key), or,
   * with {@code null}, the cache chosen as in {@link #open(Path)}.
   *
   * @throws IOException naming the folder or cache that is missing, incomplete or ambiguous
   */
  public static PreparedImageData open(Path folder, String cacheKey) throws IOException {
    DatasetSplits splits = DatasetSplits.read(folder);
    String sha256 = Manifest.sha256(folder.resolve(Manifest.FILE_NAME));
    Path chosen = cacheFolder(folder, splits.manifest(), cacheKey);
    return new PreparedImageData(folder, splits, sha256, PreparedCache.open(chosen));
  }

  private static Path cacheFolder(Path folder, Manifest manifest, String cacheKey) throws IOException {
    Path root = folder.resolve(DatasetImagePreparer.CACHE_DIR);
    List<Path> found = DatasetImagePreparer.caches(folder);
    if (cacheKey != null) {
      Path chosen = root.resolve(cacheKey);
      if (!found.contains(chosen)) {
        throw new IOException(chosen + ": no such image cache (" + available(found) + ")");
      }
      return chosen;
    }
    if (manifest.images() != null) {
      Path named = root.resolve(manifest.images().cache().key());
      if (!found.contains(named)) {
        throw new IOException(named + ": the image cache named by " + folder.resolve(Manifest.FILE_NAME)
            + " is missing (" + available(found) + "): run metart prepare with --images again");
      }
      return named;
    }
    if (found.isEmpty()) {
      throw new IOException(folder + " has no image cache in " + root + ": run metart prepare with --images");
    }
    if (found.size() > 1) {
      throw new IOException(root + " holds several image caches: choose one (" + available(found) + ")");
    }
    return found.get(0);
  }

  private static String available(List<Path> caches) {
    return caches.isEmpty()
        ? "there is none"
        : "available: " + String.join(", ", caches.stream().map(p -> p.getFileName().toString()).toList());
  }

  /** The prepared folder. */
  public Path folder() {
    return folder;
  }

  /** The labeled splits, with their labels, target and manifest. */
  public DatasetSplits splits() {
    return splits;
  }

  /** The image cache. */
  public PreparedCache cache() {
    return cache;
  }

  /** The SHA-256 of the folder's {@code manifest.json} when it was opened ({@link Manifest#sha256}). */
  public String manifestSha256() {
    return manifestSha256;
  }

  /** The number of objects of a split whose image is not in the cache (left out of its examples). */
  public int missing(Split split) {
    int missing = 0;
    for (LabeledObject object : splits.get(Objects.requireNonNull(split, "split"))) {
      if (!cache.contains(object.objectId())) {
        missing++;
      }
    }
    return missing;
  }

  /**
   * The examples of a split (Object ID and target) whose image is in the cache, by Object ID; for
   * culture and year together labeled for {@link YearTargetChoice#DEFAULT} (see {@link
   * #examples(Split, YearTargetChoice)}).
   */
  public List<ImageExample> examples(Split split) {
    if (splits.task() == Task.CULTURE_YEAR) {
      return examples(split, YearTargetChoice.DEFAULT);
    }
    List<ImageExample> examples = new ArrayList<>();
    for (LabeledObject object : splits.get(Objects.requireNonNull(split, "split"))) {
      if (cache.contains(object.objectId())) {
        examples.add(new ImageExample(object.objectId(), splits.encode(object)));
      }
    }
    return examples;
  }

  /**
   * A dataset builder for a split, with the cache and the split's examples set (objects without an
   * image left out); set the input size, augmentation, seed and sampling, then build.
   */
  public CachedImageDataset.Builder dataset(Split split) {
    return CachedImageDataset.builder().cache(cache).examples(examples(split));
  }

  /**
   * The examples of a split whose image is in the cache, labeled for a year-target choice ({@link
   * YearTarget#labels}); for a culture task the choice does not matter and the examples are {@link
   * #examples(Split)}. Culture and year together ({@link Task#CULTURE_YEAR}) have the class index
   * first, then the year labels: {@code [class, year]} or {@code [class, year, begin, end]}.
   */
  public List<ImageExample> examples(Split split, YearTargetChoice choice) {
    Objects.requireNonNull(choice, "choice");
    Task task = splits.task();
    if (task == Task.CULTURE || task == Task.YEAR && choice == YearTargetChoice.RANDOM) {
      return examples(split);
    }
    YearTarget year = splits.manifest().yearTarget().orElseThrow();
    List<ImageExample> examples = new ArrayList<>();
    for (LabeledObject object : splits.get(Objects.requireNonNull(split, "split"))) {
      if (cache.contains(object.objectId())) {
        float[] years = year.labels(object, choice);
        float[] labels = years;
        if (task == Task.CULTURE_YEAR) {
          labels = new float[years.length + 1];
          labels[0] = splits.encode(object);
          System.arraycopy(years, 0, labels, 1, years.length);
        }
        examples.add(new ImageExample(object.objectId(), labels));
      }
    }
    return examples;
  }

  /** {@link #dataset(Split)} with the examples labeled for a year-target choice. */
  public CachedImageDataset.Builder dataset(Split split, YearTargetChoice choice) {
    return CachedImageDataset.builder().cache(cache).examples(examples(split, choice));
  }

  @Override
  public void close() {
    cache.close();
  }
}
