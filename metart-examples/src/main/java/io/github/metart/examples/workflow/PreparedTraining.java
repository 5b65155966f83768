package io.github.metart.examples.workflow;

import ai.djl.engine.Engine;
import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.models.MetModel;
import io.github.metart.models.engine.EngineInfo;
import io.github.metart.models.predict.Preprocessing;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.PreparedData;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.github.metart.models.engine.MetEngine;

/**
 * Trains a {@link ModelRecipe} on a prepared folder with {@link Trainer#fit} (or continues it with
 * {@link Trainer#resume}): opens the folder's image cache at the recipe's input size (the cache
 * prepared for that input size, {@link ImageRecipe#forInput}, when the folder holds several), builds the
 * model with the head the data needs, records the cache's preprocessing in the model (so that the
 * saved {@code model/} predicts images the way it was trained) and trains. What {@code metart
 * train} does, for the demo and the experiments.
 *
 * <pre>{@code
 * FitResult result = PreparedTraining.on(Path.of("prepared/culture"))
 *     .augmentation(Augmentation.cropAndFlip())
 *     .train(ModelRecipe.of("resnet18", 64), config, Trainer.builder().outputDirectory(out).build());
 * }</pre>
 */
public final class PreparedTraining {

  private final Path preparedFolder;
  private final Augmentation augmentation;
  private final int loaderThreads;

  private PreparedTraining(Path preparedFolder, Augmentation augmentation, int loaderThreads) {
    this.preparedFolder = preparedFolder;
    this.augmentation = augmentation;
    this.loaderThreads = loaderThreads;
  }

  /** Training on a prepared folder with random crops and flips, one loader thread per two processors. */
  public static PreparedTraining on(Path preparedFolder) {
    return new PreparedTraining(
        Objects.requireNonNull(preparedFolder, "preparedFolder"),
        Augmentation.cropAndFlip(),
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  /** The same with another augmentation of the training images. */
  public PreparedTraining augmentation(Augmentation value) {
    return new PreparedTraining(preparedFolder, Objects.requireNonNull(value, "augmentation"), loaderThreads);
  }

  /** The same with another number of threads assembling batches. */
  public PreparedTraining loaderThreads(int threads) {
    com.google.common.base.Preconditions.checkArgument(
        threads >= 1, "loader threads must be at least 1, got %s", threads);
    return new PreparedTraining(preparedFolder, augmentation, threads);
  }

  /**
   * Whether a training folder holds a run to resume (its last checkpoint exists).
   *
   * @param trainingFolder the output folder of a trainer
   */
  public static boolean canResume(Path trainingFolder) {
    return Files.isDirectory(
        trainingFolder.resolve("checkpoints").resolve(CheckpointStore.LAST));
  }

  /**
   * Trains the recipe from a fresh initialization seeded with the configuration's seed.
   *
   * @throws IOException naming the prepared folder's file that is missing or broken
   * @throws IllegalArgumentException when the recipe or configuration does not fit the data
   */
  public FitResult train(ModelRecipe recipe, TrainingConfig config, Trainer trainer) throws IOException {
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
  public FitResult resume(ModelRecipe recipe, TrainingConfig config, Trainer trainer) throws IOException {
    return run(recipe, config, trainer, true);
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
        PreparedData.at(preparedFolder)
            .inputSize(recipe.inputSize())
            .augmentation(augmentation)
            .seed(config.seed())
            .loaderThreads(loaderThreads);
    // the cache prepared for this input size when the folder has several; without one that fits,
    // opening fails with the data's own message (no cache, several caches, images too small)
    cacheFor(recipe.inputSize()).ifPresent(opening::cache);
    try (PreparedData data = opening.open()) {
      HeadSpec head = recipe.head().headFor(data);
      // the model is initialized when it is built: seed the engine so that a run is reproducible
      MetEngine.engine().setRandomSeed((int) config.seed());
      try (MetModel model = recipe.builder().build(head)) {
        model.setPreprocessing(Preprocessing.of(data.cache().recipe(), data.train().normalization()));
        return resume
            ? trainer.resume(model, data.trainingData(), config)
            : trainer.fit(model, data.trainingData(), config);
      }
    }
  }
}
