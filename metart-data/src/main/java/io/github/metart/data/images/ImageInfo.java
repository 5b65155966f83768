package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * What an image file declares about itself, read from its header.
 *
 * <p>{@code width} and {@code height} are the stored (declared) size; when {@code orientation}
 * turns the image on its side, the upright image, which decoding returns, is {@link
 * #uprightWidth()} by {@link #uprightHeight()}.
 *
 * @param format the container format in lower case: {@code jpeg}, {@code png}, {@code webp},
 *     {@code tiff}, {@code gif}, {@code bmp}...
 * @param width the declared width in pixels
 * @param height the declared height in pixels
 * @param colorSpace how the pixels are stored: {@code YCbCr}, {@code RGB}, {@code Gray}, {@code
 *     CMYK}, {@code YCCK}, {@code Indexed}, with {@code +alpha} when there is transparency
 * @param bitsPerSample bits per colour sample (8 for most images, 16 for deep PNG and TIFF)
 * @param progressive whether the image is stored progressively (progressive JPEG, interlaced PNG)
 * @param orientation the EXIF/TIFF orientation the decoder applied ({@link ImageOrientation#NORMAL} when
 *     the file has none)
 */
public record ImageInfo(
    String format,
    int width,
    int height,
    String colorSpace,
    int bitsPerSample,
    boolean progressive,
    ImageOrientation orientation) {

  /** Validates the fields. */
  public ImageInfo {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(orientation, "orientation");
    Objects.requireNonNull(colorSpace, "colorSpace");
    checkArgument(width > 0 && height > 0, "image size must be positive, got %sx%s", width, height);
  }

  /** An image stored upright ({@link ImageOrientation#NORMAL}). */
  public ImageInfo(
      String format, int width, int height, String colorSpace, int bitsPerSample, boolean progressive) {
    this(format, width, height, colorSpace, bitsPerSample, progressive, ImageOrientation.NORMAL);
  }

  /** This description with another orientation. */
  public ImageInfo withOrientation(ImageOrientation newOrientation) {
    return new ImageInfo(format, width, height, colorSpace, bitsPerSample, progressive, newOrientation);
  }

  /** The width of the upright image: the declared height when the orientation swaps sides. */
  public int uprightWidth() {
    return orientation.swapsSides() ? height : width;
  }

  /** The height of the upright image: the declared width when the orientation swaps sides. */
  public int uprightHeight() {
    return orientation.swapsSides() ? width : height;
  }

  /** The shorter side in pixels. */
  public int shorterSide() {
    return Math.min(width, height);
  }
}
