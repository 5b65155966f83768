package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A decoded image in sRGB with what its file declared.
 *
 * @param image the pixels, upright ({@link ImageInfo#orientation()} applied); smaller than {@code
 *     info}'s upright size when the file was read subsampled
 * @param info what the file declared (format, size, colour space)
 * @param subsampling the source subsampling used while reading: 1 for every pixel, {@code n} for
 *     every n-th pixel in each direction
 */
public record DecodedImage(RgbImage image, ImageInfo info, int subsampling) {

  /** Validates the fields. */
  public DecodedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(info, "info");
    checkArgument(subsampling >= 1, "subsampling must be at least 1, got %s", subsampling);
  }
}
