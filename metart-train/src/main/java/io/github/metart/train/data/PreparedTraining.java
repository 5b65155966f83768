package io.github.metart.train.data;

import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.loading.PreparedImageData;
import io.github.metart.models.MetModel;
import io.github.metart.models.engine.MetEngine;
import io.github.metart.models.predict.Preprocessing;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Training a model on a folder written by {@code metart prepare}: what {@code metart train}, the
 * demo and every experiment run do, in one call. It opens the folder's image cache for the model's
 * input size (the cache prepared for that size when the folder holds several), loads the training
 * images with the configuration's augmentation and seed, builds the model with the head the data
 * needs ({@link ModelRecipe#head()}: the data's own, or a binned year head), seeds its
 * initialization, records the cache's preprocessing in the model (so that the saved {@code model/}
 * folder predicts and evaluates images exactly as they were prepared for training), and trains with
 * {@link Trainer#fit} (or continues with {@link Trainer#resume}).
 *
 * <pre>{@code
 * FitResult result = PreparedTraining.on(Path.of("prepared/culture"))
 *     .train(ModelRecipe.of("resnet18", 64), TrainingConfig.builder().epochs(5).build(),
 *         Trainer.builder().outputDirectory(Path.of("runs/culture")).build());
 * }</pre>
 */
public final class PreparedTraining {

  private final Path preparedFolder;
  private final String cacheKey;

  private PreparedTraining(Path preparedFolder, String cacheKey) {
    this.preparedFolder = preparedFolder;
    this.cacheKey = cacheKey;
  }

  /** Training on a prepared folder, with the cache chosen for the model's input size. */
  public static PreparedTraining on(Path preparedFolder) {
    return new PreparedTraining(Objects.requireNonNull(preparedFolder, "preparedFolder"), null);
  }

  /**
   * The same, training on the named cache ({@code cache/<key>/}) whatever the input size; {@code
   * null} goes back to choosing by input size.
   */
  public PreparedTraining cache(String key) {
    return new PreparedTraining(preparedFolder, key);
  }

  /**
   * Whether a training folder holds a run to resume (its last checkpoint exists).
   *
   * @param trainingFolder the output folder of a trainer
   */
  public static boolean canResume(Path trainingFolder) {
    return Files.isDirectory(trainingFolder.resolve("checkpoints").resolve(CheckpointStore.LAST));
  }

  /**
   * Trains the recipe from a fresh initialization seeded with the configuration's seed.
   *
   * @throws IOException naming the prepared folder's file that is missing or broken
   * @throws IllegalArgumentException when the recipe or configuration does not fit the data
   */
  public FitResult train(ModelRecipe recipe, TrainingConfig config, Trainer trainer)
      throws IOException {
    return run(recipe, config, trainer, false);
  }

  /**
   * Continues the run in the trainer's output folder from its last checkpoint (a finished run
   * returns at once).
   *
   * @throws IOException naming the prepared folder's file that is missing or broken
   * @throws IllegalArgumentException when there is nothing to resume, or the recipe, configuration
   *     or data differ from the checkpoint's
   */
  public FitResult resume(ModelRecipe recipe, TrainingConfig config, Trainer trainer)
      throws IOException {
    return run(recipe, config, trainer, true);
  }

  /**
   * The model input size the folder was prepared for: that of the cache its manifest names, else
   * of its only cache, or of the cache chosen with {@link #cache(String)} ({@link
   * ImageRecipe#inputSize()}).
   *
   * @throws IOException naming the folder when it has no image cache, or several and none named
   */
  public int preparedInputSize() throws IOException {
    try (PreparedImageData data = PreparedImageData.open(preparedFolder, cacheKey)) {
      return data.cache().recipe().inputSize();
    }
  }

  /**
   * The key of the image cache that a model of this input size trains on: the cache prepared for
   * that input size ({@code metart prepare --image-size PX}), or else the folder's only cache when
   * its images are at least that large. Empty when the folder has no cache that fits: none, several
   * without the one for this size, or a single one of smaller images.
   *
   * @param inputSize the model's input size in pixels
   * @throws IOException naming the cache that is incomplete or broken
   */
  public Optional<String> cacheFor(int inputSize) throws IOException {
    String usual = ImageRecipe.forInput(inputSize).key();
    List<String> keys = cacheKeys();
    if (keys.contains(usual)) {
      return Optional.of(usual);
    }
    if (keys.size() != 1) {
      return Optional.empty();
    }
    try (PreparedCache only = PreparedCache.open(cacheRoot().resolve(keys.get(0)))) {
      return only.imageSize() >= inputSize ? Optional.of(keys.get(0)) : Optional.empty();
    }
  }

  /**
   * The keys of the folder's image caches ({@code cache/<key>/}), sorted; empty when it has none.
   *
   * @throws IOException when the cache folder cannot be listed
   */
  public List<String> cacheKeys() throws IOException {
    return DatasetImagePreparer.caches(preparedFolder).stream()
        .map(p -> p.getFileName().toString())
        .toList();
  }

  /** The prepared folder. */
  public Path folder() {
    return preparedFolder;
  }

  private Path cacheRoot() {
    return preparedFolder.resolve(DatasetImagePreparer.CACHE_DIR);
  }

  private FitResult run(ModelRecipe recipe, TrainingConfig config, Trainer trainer, boolean resume)
      throws IOException {
    Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(trainer, "trainer");
    PreparedData.Builder opening =
        PreparedData.at(preparedFolder).inputSize(recipe.inputSize()).config(config);
    if (cacheKey != null) {
      opening.cache(cacheKey);
    } else {
      // the cache prepared for this input size when the folder has several; without one that fits,
      // opening fails with the data's own message (no cache, several caches, images too small)
      cacheFor(recipe.inputSize()).ifPresent(opening::cache);
    }
    try (PreparedData data = opening.open()) {
      HeadSpec head = recipe.head().resolve(data.head(), preparedFolder.toString());
      // the model is initialized when it is built: seed the engine so that a run is reproducible
      MetEngine.engine().setRandomSeed((int) config.seed());
      try (MetModel model = recipe.build(head)) {
        model.setPreprocessing(
            Preprocessing.of(data.cache().recipe(), data.train().normalization()));
        return resume
            ? trainer.resume(model, data.trainingData(), config)
            : trainer.fit(model, data.trainingData(), config);
      }
    }
  }
}
