package io.github.metart.models.predict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.google.common.base.Preconditions;
import io.github.metart.data.images.ImagePreprocessor;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.Normalization;
import io.github.metart.data.images.ResizeFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How images were prepared for a model: the cache recipe (resize the shorter side, crop the stored
 * square) and the per-channel normalization; the model input is the centered crop of the model's
 * input size. Saved with the model ({@code preprocessing.json}) so that prediction sees images the
 * way training did.
 *
 * @param resizeTo the recipe's shorter side after resizing
 * @param cropTo the recipe's stored square side, at least the model's input size
 * @param filter the recipe's resampling filter id, e.g. {@code bilinear}
 * @param subsampledReading whether large originals are read subsampled
 * @param mean the three channel means (0..1 scale)
 * @param std the three channel standard deviations
 */
public record Preprocessing(
    int resizeTo,
    int cropTo,
    String filter,
    boolean subsampledReading,
    List<Float> mean,
    List<Float> std) {

  /** Validates through the data module's own checks. */
  public Preprocessing {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    new ImageRecipe(resizeTo, cropTo, filterOf(filter), subsampledReading);
    Normalization.of(toArray(mean), toArray(std));
  }

  /** The recipe and normalization a dataset was prepared and loaded with. */
  public static Preprocessing of(ImageRecipe recipe, Normalization normalization) {
    return new Preprocessing(
        recipe.resizeTo(),
        recipe.cropTo(),
        recipe.filter().id(),
        recipe.subsampledReading(),
        toList(normalization.mean()),
        toList(normalization.std()));
  }

  /**
   * The default for a model input size: the ImageNet convention {@link
   * ImageRecipe#forInput(int)} (resize to 256 and centre-crop 224 for 224 px) and ImageNet
   * normalization, as the prepared cache and dataset use by default.
   */
  public static Preprocessing defaults(int inputSize) {
    return of(ImageRecipe.forInput(inputSize), Normalization.IMAGENET);
  }

  /** The cache recipe. */
  @JsonIgnore
  public ImageRecipe recipe() {
    return new ImageRecipe(resizeTo, cropTo, filterOf(filter), subsampledReading);
  }

  /** The normalization. */
  @JsonIgnore
  public Normalization normalization() {
    return Normalization.of(toArray(mean), toArray(std));
  }

  /**
   * The preprocessor for a model input size.
   *
   * @throws IllegalArgumentException when the input is larger than the recipe's stored square
   */
  public ImagePreprocessor preprocessor(int inputSize) {
    Preconditions.checkArgument(
        inputSize <= cropTo,
        "the model input (%s px) is larger than the images the recipe stores (%s px)",
        inputSize,
        cropTo);
    return ImagePreprocessor.builder(recipe())
        .normalization(normalization())
        .inputSize(inputSize)
        .build();
  }

  private static ResizeFilter filterOf(String id) {
    for (ResizeFilter candidate : ResizeFilter.values()) {
      if (candidate.id().equals(id == null ? "" : id.toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "unknown resize filter '"
            + id
            + "'; expected one of "
            + Arrays.stream(ResizeFilter.values()).map(ResizeFilter::id).toList());
  }

  private static float[] toArray(List<Float> values) {
    float[] array = new float[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }

  private static List<Float> toList(float[] values) {
    Float[] boxed = new Float[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return List.of(boxed);
  }
}
