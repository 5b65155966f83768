package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * How an original image becomes the square 8-bit image the prepared cache stores: the shorter side
 * is resized to {@code resizeTo} pixels with {@code filter}, then the center {@code cropTo x cropTo}
 * square is kept. A model's input is then cropped from that square (centered for evaluation, at
 * random for augmentation), so {@code cropTo} is the model's input size or a bit more.
 *
 * <p>The usual ImageNet recipe for 224-pixel models is {@code ImageRecipe.of(256, 256)} with 224
 * crops at load time ({@link #forInput(int)}). The {@link #key()} names the cache folder: a
 * different recipe makes a different cache.
 *
 * @param resizeTo the shorter side after resizing, in pixels, from {@code cropTo} to {@value
 *     #MAX_SIZE}
 * @param cropTo the side of the stored square, {@value #MIN_SIZE} to {@value #MAX_SIZE} ({@link
 *     #checkSize}), at most {@code resizeTo}
 * @param filter the resampling filter
 * @param subsampledReading whether large originals are read subsampled (see {@link
 *     ImageDecoder#subsamplingFor}); changes pixels slightly, so it is part of the key
 */
public record ImageRecipe(int resizeTo, int cropTo, ResizeFilter filter, boolean subsampledReading) {

  /**
   * Bumped whenever the same recipe would produce different pixels (new code, not new options). 2:
   * the EXIF/TIFF orientation is applied before the recipe.
   */
  public static final int VERSION = 2;

  /**
   * The smallest side of a model input and of a stored square, in pixels: the one lower bound of
   * both (a smaller square holds no model input).
   */
  public static final int MIN_SIZE = 32;

  /** The largest side of a model input and of a stored square, in pixels: the one upper bound of both. */
  public static final int MAX_SIZE = 4096;

  /** Validates the fields. */
  public ImageRecipe {
    Objects.requireNonNull(filter, "filter");
    checkSize("cropTo", cropTo);
    checkArgument(
        resizeTo >= cropTo && resizeTo <= MAX_SIZE,
        "resizeTo must be between cropTo (%s) and %s px, got %s",
        cropTo,
        MAX_SIZE,
        resizeTo);
  }

  /**
   * Checks the side of a model input or of a stored square against the bounds {@value #MIN_SIZE}
   * to {@value #MAX_SIZE} shared by the cache, the model and the commands.
   *
   * @param what what the size is, as the message names it: an option such as {@code --image-size}
   *     or a field such as {@code inputSize}
   * @param size the side in pixels
   * @return the size
   * @throws IllegalArgumentException {@code <what> must be between 32 and 4096 px, got <size>}
   */
  public static int checkSize(String what, int size) {
    checkArgument(
        size >= MIN_SIZE && size <= MAX_SIZE,
        "%s must be between %s and %s px, got %s",
        what,
        MIN_SIZE,
        MAX_SIZE,
        size);
    return size;
  }

  /** Resize the shorter side to {@code resizeTo}, keep the center {@code cropTo} square, bilinear. */
  public static ImageRecipe of(int resizeTo, int cropTo) {
    return new ImageRecipe(resizeTo, cropTo, ResizeFilter.BILINEAR, true);
  }

  /**
   * The ImageNet convention for a model input of {@code inputSize} pixels: resize to {@code
   * inputSize * 256 / 224} (256 for 224) and store that square, so that random crops of {@code
   * inputSize} fit and a center crop equals the usual resize-256/center-crop-224 evaluation.
   */
  public static ImageRecipe forInput(int inputSize) {
    checkSize("inputSize", inputSize);
    int size = (int) Math.round(inputSize * 256.0 / 224.0);
    checkArgument(
        size <= MAX_SIZE,
        "an input of %s px needs a stored square of %s px (input * 256 / 224), more than %s px",
        inputSize,
        size,
        MAX_SIZE);
    return of(size, size);
  }

  /**
   * The model input size this recipe is prepared for under the ImageNet convention of {@link
   * #forInput(int)}: {@code cropTo * 224 / 256}, rounded (224 for a 256 px square); {@code
   * forInput(n).inputSize() == n}.
   */
  public int inputSize() {
    return (int) Math.round(cropTo * 224.0 / 256.0);
  }

  /** This recipe with another filter. */
  public ImageRecipe withFilter(ResizeFilter newFilter) {
    return new ImageRecipe(resizeTo, cropTo, newFilter, subsampledReading);
  }

  /** This recipe with subsampled reading switched on or off. */
  public ImageRecipe withSubsampledReading(boolean enabled) {
    return new ImageRecipe(resizeTo, cropTo, filter, enabled);
  }

  /** Bytes of one stored image: {@code cropTo * cropTo * 3}. */
  public int imageBytes() {
    return cropTo * cropTo * 3;
  }

  /**
   * The cache folder name for this recipe, e.g. {@code r256-c256-bilinear-sub-v2}: stable across
   * runs and machines, and different for every recipe that stores different pixels.
   */
  public String key() {
    return "r" + resizeTo + "-c" + cropTo + "-" + filter.id() + (subsampledReading ? "-sub" : "")
        + "-v" + VERSION;
  }

  /** Applies the recipe: resize the shorter side, then crop the center square. */
  public RgbImage apply(RgbImage image) {
    return apply(Resampler.Source.of(image));
  }

  /**
   * Applies the recipe to a decoded image: 8-bit sRGB and grey rasters are read in place, others
   * are converted first ({@link RgbImage#from}); the pixels are the same either way.
   */
  public RgbImage apply(java.awt.image.BufferedImage image) {
    Resampler.Source direct = RgbConversion.directSource(image);
    return direct != null ? apply(direct) : apply(RgbImage.from(image));
  }

  private RgbImage apply(Resampler.Source image) {
    int w = image.width();
    int h = image.height();
    int resizedWidth;
    int resizedHeight;
    if (w <= h) {
      resizedWidth = resizeTo;
      resizedHeight = Math.max(resizeTo, (int) Math.round((double) h * resizeTo / w));
    } else {
      resizedHeight = resizeTo;
      resizedWidth = Math.max(resizeTo, (int) Math.round((double) w * resizeTo / h));
    }
    int x = (resizedWidth - cropTo) / 2;
    int y = (resizedHeight - cropTo) / 2;
    return Resampler.resizeAndCrop(image, resizedWidth, resizedHeight, x, y, cropTo, cropTo, filter);
  }

  /** A decoder configured for this recipe (subsampled reading as the recipe says). */
  public ImageDecoder decoder(long maxPixels) {
    return ImageDecoder.builder().maxPixels(maxPixels).subsampledReading(subsampledReading).build();
  }
}
