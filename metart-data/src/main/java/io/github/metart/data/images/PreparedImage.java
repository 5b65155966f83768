package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * An image after the recipe ({@link ImagePreprocessor#prepareWithInfo}), with what its original
 * file declared.
 *
 * @param image the prepared square
 * @param original what the original file declared: format, size, colour space, bit depth
 * @param subsampling the source subsampling used while reading the original (1 = every pixel)
 */
public record PreparedImage(RgbImage image, ImageInfo original, int subsampling) {

  /** Validates the fields. */
  public PreparedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(original, "original");
    checkArgument(subsampling >= 1, "subsampling must be at least 1, got %s", subsampling);
  }
}
