package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Preprocesses one image exactly as the prepared cache and its evaluation-mode dataset do: decode
 * (sRGB, subsampled as the recipe says), resize the shorter side, crop the stored square ({@link
 * ImageRecipe}), crop the centered model input and normalize it into a float {@code [3, S, S]}
 * tensor. A model's predictor uses this so that it sees an image the way training did.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ImagePreprocessor {

  private final ImageRecipe recipe;
  private final Normalization normalization;
  private final int inputSize;
  private final ImageDecoder decoder;

  private ImagePreprocessor(Builder builder) {
    this.recipe = builder.recipe;
    this.normalization = builder.normalization;
    this.inputSize = builder.inputSize == 0 ? recipe.cropTo() : builder.inputSize;
    checkArgument(
        inputSize >= 1 && inputSize <= recipe.cropTo(),
        "inputSize must be between 1 and the recipe's cropTo (%s), got %s",
        recipe.cropTo(),
        inputSize);
    this.decoder = recipe.decoder(builder.maxPixels);
  }

  /** A preprocessor for the recipe, ImageNet normalization, model input = the stored square. */
  public static ImagePreprocessor of(ImageRecipe recipe) {
    return builder(recipe).build();
  }

  /** A builder for the given recipe. */
  public static Builder builder(ImageRecipe recipe) {
    return new Builder(recipe);
  }

  /** The recipe. */
  public ImageRecipe recipe() {
    return recipe;
  }

  /** The normalization. */
  public Normalization normalization() {
    return normalization;
  }

  /** The model input side, at most the recipe's {@code cropTo}. */
  public int inputSize() {
    return inputSize;
  }

  /** The decoder used for files. */
  public ImageDecoder decoder() {
    return decoder;
  }

  /** Decodes the file and applies the recipe: the square image the cache stores. */
  public RgbImage prepare(Path file) throws ImageDecodeException {
    return prepareWithInfo(file).image();
  }

  /**
   * Decodes the file and applies the recipe, keeping what the original declared (for quality
   * reports). The prepared cache stores exactly {@code image()}.
   */
  public PreparedImage prepareWithInfo(Path file) throws ImageDecodeException {
    ImageDecoder.Raw raw = decoder.decodeRaw(file, recipe.resizeTo());
    return new PreparedImage(recipe.apply(raw.image()), raw.info(), raw.subsampling());
  }

  /** Applies the recipe to an image already decoded (for images that are not files). */
  public RgbImage prepare(BufferedImage image) {
    return recipe.apply(image);
  }

  /** Applies the recipe to an sRGB image. */
  public RgbImage prepare(RgbImage image) {
    return recipe.apply(image);
  }

  /**
   * The centered {@code inputSize} crop of a prepared square, normalized, channel-first: {@code 3 *
   * inputSize * inputSize} floats.
   */
  public float[] toChw(RgbImage prepared) {
    checkPrepared(prepared);
    float[] out = new float[3 * inputSize * inputSize];
    int offset = (prepared.width() - inputSize) / 2;
    normalization.writeChw(
        prepared.pixels(), 0, prepared.width(), offset, offset, inputSize, false, FloatBuffer.wrap(out), 0);
    return out;
  }

  /** The centered crop of a prepared square as a float32 {@code [3, inputSize, inputSize]} array. */
  public NDArray toNDArray(NDManager manager, RgbImage prepared) {
    float[] chw = toChw(prepared);
    ByteBuffer buffer =
        ByteBuffer.allocateDirect(chw.length * Float.BYTES).order(ByteOrder.nativeOrder());
    buffer.asFloatBuffer().put(chw);
    return manager.create(buffer, new Shape(3, inputSize, inputSize), DataType.FLOAT32);
  }

  /** Decodes, prepares and normalizes a file: the model input {@code [3, inputSize, inputSize]}. */
  public NDArray preprocess(NDManager manager, Path file) throws ImageDecodeException {
    return toNDArray(manager, prepare(file));
  }

  private void checkPrepared(RgbImage prepared) {
    Objects.requireNonNull(prepared, "prepared");
    checkArgument(
        prepared.width() == recipe.cropTo() && prepared.height() == recipe.cropTo(),
        "expected a prepared %sx%s image, got %sx%s (use prepare first)",
        recipe.cropTo(),
        recipe.cropTo(),
        prepared.width(),
        prepared.height());
  }

  /** Builds an {@link ImagePreprocessor}. */
  public static final class Builder {
    private final ImageRecipe recipe;
    private Normalization normalization = Normalization.IMAGENET;
    private int inputSize;
    private long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;

    private Builder(ImageRecipe recipe) {
      this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    /** The normalization (default ImageNet mean and std). */
    public Builder normalization(Normalization normalization) {
      this.normalization = Objects.requireNonNull(normalization, "normalization");
      return this;
    }

    /** The model input side (default the recipe's {@code cropTo}). */
    public Builder inputSize(int inputSize) {
      checkArgument(
          inputSize >= 1 && inputSize <= recipe.cropTo(),
          "inputSize must be between 1 and the recipe's cropTo (%s), got %s",
          recipe.cropTo(),
          inputSize);
      this.inputSize = inputSize;
      return this;
    }

    /** The decoder's limit on declared pixels (default {@link ImageDecoder#DEFAULT_MAX_PIXELS}). */
    public Builder maxPixels(long maxPixels) {
      checkArgument(maxPixels > 0, "maxPixels must be positive, got %s", maxPixels);
      this.maxPixels = maxPixels;
      return this;
    }

    /** The preprocessor. */
    public ImagePreprocessor build() {
      return new ImagePreprocessor(this);
    }
  }
}
