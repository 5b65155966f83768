package io.github.metart.train.data;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Task;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.data.loading.ImageExample;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.train.checkpoint.CheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training and validation data of a folder written by {@code metart prepare}: its verified
 * splits ({@code manifest.json}, {@code splits/}), images from its prepared cache ({@code
 * cache/<recipe key>/}) as {@link CachedImageDataset}s, the SHA-256 of its manifest, and the head a
 * model needs for it (a classifier over the culture labels, or a year regression over the year
 * range). Objects whose image is not in the cache are left out (and counted).
 *
 * <pre>{@code
 * try (PreparedData prepared = PreparedData.at(folder).inputSize(224).open()) {
 *   MetModel model = MetModels.resnet(18).inputSize(224).build(prepared.head());
 *   trainer.fit(model, prepared.trainingData(), config);
 * }
 * }</pre>
 */
public final class PreparedData implements AutoCloseable {

  /** The folder of image caches inside a prepared folder. */
  public static final String CACHE_DIR = "cache";

  private static final Logger LOG = LoggerFactory.getLogger(PreparedData.class);

  private final Path folder;
  private final DatasetSplits splits;
  private final String manifestSha256;
  private final PreparedCache cache;
  private final CachedImageDataset train;
  private final CachedImageDataset validation;

  private PreparedData(
      Path folder,
      DatasetSplits splits,
      String manifestSha256,
      PreparedCache cache,
      CachedImageDataset train,
      CachedImageDataset validation) {
    this.folder = folder;
    this.splits = splits;
    this.manifestSha256 = manifestSha256;
    this.cache = cache;
    this.train = train;
    this.validation = validation;
  }

  /** Starts opening a prepared folder. */
  public static Builder at(Path folder) {
    return new Builder(folder);
  }

  /** The prepared folder. */
  public Path folder() {
    return folder;
  }

  /** The verified splits and manifest. */
  public DatasetSplits splits() {
    return splits;
  }

  /** The manifest. */
  public Manifest manifest() {
    return splits.manifest();
  }

  /** The SHA-256 of {@code manifest.json}, recorded in every checkpoint. */
  public String manifestSha256() {
    return manifestSha256;
  }

  /** The image cache in use. */
  public PreparedCache cache() {
    return cache;
  }

  /** The training records (augmented as asked). */
  public CachedImageDataset train() {
    return train;
  }

  /** The validation records (never augmented), or {@code null} when the split is empty. */
  public CachedImageDataset validation() {
    return validation;
  }

  /** The data for {@code Trainer.fit}. */
  public TrainingData trainingData() {
    return new TrainingData(train, validation, manifestSha256);
  }

  /**
   * The head a model for this data needs: a classifier over the manifest's culture labels, or a
   * regression of the year over the manifest's year range.
   */
  public HeadSpec head() {
    if (splits.task() == Task.CULTURE) {
      return HeadSpec.classifier(splits.labels());
    }
    YearRange range =
        splits
            .yearRange()
            .orElseThrow(() -> new IllegalStateException(folder + ": a year task without range"));
    return HeadSpec.regression(range.begin(), range.end());
  }

  /**
   * A year head with {@code bins} bins over the manifest's year range.
   *
   * @throws IllegalStateException for culture data
   */
  public HeadSpec binnedYearHead(int bins) {
    YearRange range =
        splits
            .yearRange()
            .orElseThrow(
                () -> new IllegalStateException(folder + " holds culture data, not years"));
    return HeadSpec.binnedYear(range.begin(), range.end(), bins);
  }

  /** Stops the loaders and unmaps the cache. */
  @Override
  public void close() {
    train.close();
    if (validation != null) {
      validation.close();
    }
    cache.close();
  }

  /** Opens a {@link PreparedData}. */
  public static final class Builder {
    private final Path folder;
    private String cacheKey;
    private int inputSize;
    private Augmentation augmentation = Augmentation.cropAndFlip();
    private long seed = 42;
    private int loaderThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private Builder(Path folder) {
      checkArgument(folder != null, "the prepared folder is missing");
      this.folder = folder;
    }

    /**
     * The cache to use, by its folder name under {@code cache/}; needed only when the folder holds
     * several.
     */
    public Builder cache(String key) {
      this.cacheKey = key;
      return this;
    }

    /** The side of the model's square input in pixels (at most the cache's image size). */
    public Builder inputSize(int pixels) {
      checkArgument(pixels >= 1, "the input size must be positive, got %s", pixels);
      this.inputSize = pixels;
      return this;
    }

    /** The augmentation of the training images (default: random crop and horizontal flip). */
    public Builder augmentation(Augmentation value) {
      checkArgument(value != null, "the augmentation is missing (Augmentation.NONE for none)");
      this.augmentation = value;
      return this;
    }

    /** The seed of the augmentation (use the training seed). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Threads that assemble batches (default: half the processors). */
    public Builder loaderThreads(int threads) {
      checkArgument(threads >= 1, "loader threads must be at least 1, got %s", threads);
      this.loaderThreads = threads;
      return this;
    }

    /**
     * Reads and verifies the folder and opens its cache.
     *
     * @throws IOException naming the file or folder that is missing, broken or ambiguous
     */
    public PreparedData open() throws IOException {
      checkArgument(inputSize >= 1, "the input size is missing (the model's input size)");
      DatasetSplits splits = DatasetSplits.read(folder);
      Path manifestFile = folder.resolve(Manifest.FILE_NAME);
      String manifestSha256 = CheckpointStore.sha256(manifestFile);
      PreparedCache cache = PreparedCache.open(cacheFolder());
      try {
        if (inputSize > cache.imageSize()) {
          throw new IOException(
              cache.directory()
                  + " holds "
                  + cache.imageSize()
                  + " px images: too small for a "
                  + inputSize
                  + " px model input (prepare the images at this size or larger)");
        }
        CachedImageDataset train = dataset(cache, splits, splits.train(), augmentation, "train");
        if (train.size() == 0) {
          throw new IOException(
              folder + ": none of the " + splits.train().size() + " training objects has an image in " + cache.directory());
        }
        CachedImageDataset validation =
            splits.validation().isEmpty()
                ? null
                : dataset(cache, splits, splits.validation(), Augmentation.NONE, "validation");
        if (validation != null && validation.size() == 0) {
          validation.close();
          validation = null;
        }
        return new PreparedData(folder, splits, manifestSha256, cache, train, validation);
      } catch (IOException | RuntimeException e) {
        cache.close();
        throw e;
      }
    }

    private CachedImageDataset dataset(
        PreparedCache cache,
        DatasetSplits splits,
        List<LabeledObject> objects,
        Augmentation chosen,
        String split) {
      List<ImageExample> examples = new ArrayList<>(objects.size());
      int missing = 0;
      for (LabeledObject object : objects) {
        if (cache.contains(object.objectId())) {
          examples.add(new ImageExample(object.objectId(), splits.encode(object)));
        } else {
          missing++;
        }
      }
      if (missing > 0) {
        LOG.warn(
            "{}: {} of {} {} objects have no image in {} and are left out",
            folder,
            missing,
            objects.size(),
            split,
            cache.directory());
      }
      return CachedImageDataset.builder()
          .cache(cache)
          .examples(examples)
          .inputSize(inputSize)
          .augmentation(chosen)
          .seed(seed)
          .loaderThreads(loaderThreads)
          .setSampling(1, false)
          .build();
    }

    private Path cacheFolder() throws IOException {
      Path caches = folder.resolve(CACHE_DIR);
      if (cacheKey != null) {
        Path chosen = caches.resolve(cacheKey);
        if (!Files.isDirectory(chosen)) {
          throw new IOException(chosen + ": no such image cache (" + available(caches) + ")");
        }
        return chosen;
      }
      List<Path> found = caches(caches);
      if (found.isEmpty()) {
        throw new IOException(
            caches
                + ": no prepared image cache (prepare the folder with images: metart prepare"
                + " --images DIR)");
      }
      if (found.size() > 1) {
        throw new IOException(
            caches + " holds several image caches: choose one (" + available(caches) + ")");
      }
      return found.get(0);
    }

    private static List<Path> caches(Path caches) throws IOException {
      if (!Files.isDirectory(caches)) {
        return List.of();
      }
      try (Stream<Path> entries = Files.list(caches)) {
        return entries.filter(Files::isDirectory).sorted().toList();
      }
    }

    private static String available(Path caches) throws IOException {
      List<Path> found = caches(caches);
      return found.isEmpty()
          ? "there is none"
          : "available: "
              + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList());
    }
  }
}
