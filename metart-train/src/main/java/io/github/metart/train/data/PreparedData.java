package io.github.metart.train.data;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.Task;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.data.loading.PreparedImageData;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.devices.CpuThreads;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training and validation data of a folder written by {@code metart prepare}: a thin layer on
 * {@link PreparedImageData} (verified splits, the cache the manifest names, the examples whose image
 * is in it, the manifest's SHA-256) that builds the training and validation {@link
 * CachedImageDataset}s and the head a model needs (a classifier over the culture labels, or a year
 * regression over the year range). Objects whose image is not in the cache are left out (and
 * logged with their count).
 *
 * <pre>{@code
 * try (PreparedData prepared = PreparedData.at(folder).inputSize(224).config(config).open()) {
 *   MetModel model = MetModels.resnet(18).inputSize(224).build(prepared.head());
 *   trainer.fit(model, prepared.trainingData(), config);
 * }
 * }</pre>
 */
public final class PreparedData implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PreparedData.class);

  private final PreparedImageData data;
  private final CachedImageDataset train;
  private final CachedImageDataset validation;

  private PreparedData(PreparedImageData data, CachedImageDataset train, CachedImageDataset validation) {
    this.data = data;
    this.train = train;
    this.validation = validation;
  }

  /** Starts opening a prepared folder. */
  public static Builder at(Path folder) {
    return new Builder(folder);
  }

  /** The prepared folder. */
  public Path folder() {
    return data.folder();
  }

  /** The verified splits and manifest. */
  public DatasetSplits splits() {
    return data.splits();
  }

  /** The manifest. */
  public Manifest manifest() {
    return data.splits().manifest();
  }

  /** The SHA-256 of {@code manifest.json}, recorded in every checkpoint. */
  public String manifestSha256() {
    return data.manifestSha256();
  }

  /** The image cache in use. */
  public PreparedCache cache() {
    return data.cache();
  }

  /** The prepared folder and cache this data reads (splits, cache, examples per split). */
  public PreparedImageData imageData() {
    return data;
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
    return new TrainingData(train, validation, data.manifestSha256());
  }

  /**
   * The head a model for this data needs: a classifier over the manifest's culture labels, a
   * regression of the year over the manifest's year range, or both on one backbone for culture
   * and year together.
   */
  public HeadSpec head() {
    DatasetSplits splits = data.splits();
    if (splits.task() == Task.CULTURE) {
      return HeadSpec.classifier(splits.labels());
    }
    YearRange range =
        splits
            .yearRange()
            .orElseThrow(() -> new IllegalStateException(folder() + ": a year task without range"));
    HeadSpec.Regression years = HeadSpec.regression(range.begin(), range.end());
    return splits.task() == Task.CULTURE_YEAR
        ? HeadSpec.cultureYear(HeadSpec.classifier(splits.labels()), years)
        : years;
  }

  /** Stops the loaders and unmaps the cache. */
  @Override
  public void close() {
    train.close();
    if (validation != null) {
      validation.close();
    }
    data.close();
  }

  /** Opens a {@link PreparedData}. */
  public static final class Builder {
    private final Path folder;
    private String cacheKey;
    private int inputSize;
    private TrainingConfig config = TrainingConfig.builder().build();

    private Builder(Path folder) {
      checkArgument(folder != null, "the prepared folder is missing");
      this.folder = folder;
    }

    /**
     * The cache to use, by its folder name under {@code cache/} (default, or with {@code null}: the
     * cache {@code manifest.json} names, else the only one present).
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

    /**
     * The training configuration the data is loaded for: its augmentation (drawn from its seed) for
     * the training images, and its loader threads (default: {@link TrainingConfig}'s defaults).
     */
    public Builder config(TrainingConfig value) {
      checkArgument(value != null, "the training configuration is missing");
      this.config = value;
      return this;
    }

    /**
     * Reads and verifies the folder and opens its cache ({@link PreparedImageData#open(Path,
     * String)}).
     *
     * @throws IOException naming the file or folder that is missing, broken or ambiguous
     */
    public PreparedData open() throws IOException {
      checkArgument(inputSize >= 1, "the input size is missing (the model's input size)");
      PreparedImageData data = PreparedImageData.open(folder, cacheKey);
      CachedImageDataset train = null;
      try {
        PreparedCache cache = data.cache();
        if (inputSize > cache.imageSize()) {
          throw new IOException(
              cache.directory()
                  + " holds "
                  + cache.imageSize()
                  + " px images: too small for a "
                  + inputSize
                  + " px model input (prepare the images at this size or larger)");
        }
        train = dataset(data, Split.TRAIN, config.augmentation());
        if (train.size() == 0) {
          throw new IOException(
              folder + ": none of the " + data.splits().train().size() + " training objects has an image in "
                  + cache.directory());
        }
        CachedImageDataset validation =
            data.splits().validation().isEmpty() ? null : dataset(data, Split.VALIDATION, Augmentation.NONE);
        if (validation != null && validation.size() == 0) {
          validation.close();
          validation = null;
        }
        return new PreparedData(data, train, validation);
      } catch (IOException | RuntimeException e) {
        if (train != null) {
          train.close();
        }
        data.close();
        throw e;
      }
    }

    private CachedImageDataset dataset(PreparedImageData data, Split split, Augmentation chosen) {
      int missing = data.missing(split);
      if (missing > 0) {
        LOG.warn(
            "{}: {} of {} {} objects have no image in {} and are left out",
            folder,
            missing,
            data.splits().get(split).size(),
            split.id(),
            data.cache().directory());
      }
      return data.dataset(split, config.yearTarget())
          .inputSize(inputSize)
          .augmentation(chosen)
          .seed(config.seed())
          .loaderThreads(
              CpuThreads.choose(
                      config.cpuThreads(),
                      config.loaderThreads(),
                      Runtime.getRuntime().availableProcessors())
                  .loaderThreads())
          .setSampling(1, false)
          .build();
    }
  }
}
