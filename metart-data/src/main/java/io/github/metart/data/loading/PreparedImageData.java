package io.github.metart.data.loading;

import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.images.ImageRecipe;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A prepared folder with images ({@code metart prepare --images}): the labeled splits and the image
 * cache next to them, ready to become DJL datasets.
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
  private final PreparedCache cache;

  private PreparedImageData(Path folder, DatasetSplits splits, PreparedCache cache) {
    this.folder = folder;
    this.splits = splits;
    this.cache = cache;
  }

  /**
   * Opens a prepared folder that holds exactly one image cache.
   *
   * @throws IOException when the splits are missing or edited, or there is no cache or several
   *     (the message lists them: use {@link #open(Path, ImageRecipe)})
   */
  public static PreparedImageData open(Path folder) throws IOException {
    DatasetSplits splits = DatasetSplits.read(folder);
    Path caches = folder.resolve(DatasetImagePreparer.CACHE_DIR);
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(caches)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(caches)) {
        for (Path entry : entries) {
          if (Files.isRegularFile(entry.resolve("recipe.json"))) {
            found.add(entry);
          }
        }
      }
    }
    if (found.isEmpty()) {
      throw new IOException(folder + " has no image cache in " + caches + ": run metart prepare with --images");
    }
    if (found.size() > 1) {
      List<String> keys = found.stream().map(p -> p.getFileName().toString()).sorted().toList();
      throw new IOException(caches + " holds several image caches " + keys + ": choose one by its recipe");
    }
    return new PreparedImageData(folder, splits, PreparedCache.open(found.get(0)));
  }

  /** Opens a prepared folder's cache of the given recipe. */
  public static PreparedImageData open(Path folder, ImageRecipe recipe) throws IOException {
    DatasetSplits splits = DatasetSplits.read(folder);
    return new PreparedImageData(
        folder, splits, PreparedCache.open(folder.resolve(DatasetImagePreparer.CACHE_DIR), recipe));
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

  /** The examples of a split (Object ID and target) whose image is in the cache, by Object ID. */
  public List<ImageExample> examples(Split split) {
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

  @Override
  public void close() {
    cache.close();
  }
}
