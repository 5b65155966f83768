package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An 8-bit sRGB image without alpha, stored as interleaved {@code R, G, B} bytes, row by row: the
 * form every decoded image takes in metart and the form the prepared cache stores.
 *
 * <p>The pixel array is shared, not copied ({@link #pixels()}): images are large and pass through
 * hot loops. Treat it as read-only once the image is built.
 */
public final class RgbImage {

  private final int width;
  private final int height;
  private final byte[] pixels;

  private RgbImage(int width, int height, byte[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  /**
   * Wraps interleaved RGB bytes (not copied).
   *
   * @param width the width in pixels, at least 1
   * @param height the height in pixels, at least 1
   * @param pixels {@code width * height * 3} bytes, {@code R, G, B} per pixel, row by row
   */
  public static RgbImage of(int width, int height, byte[] pixels) {
    checkArgument(width > 0 && height > 0, "image size must be positive, got %sx%s", width, height);
    Objects.requireNonNull(pixels, "pixels");
    checkArgument(
        pixels.length == (long) width * height * 3,
        "a %sx%s RGB image needs %s bytes, got %s",
        width,
        height,
        (long) width * height * 3,
        pixels.length);
    return new RgbImage(width, height, pixels);
  }

  /** A new image of the given size, every pixel black. */
  public static RgbImage blank(int width, int height) {
    checkArgument(width > 0 && height > 0, "image size must be positive, got %sx%s", width, height);
    return new RgbImage(width, height, new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)]);
  }

  /**
   * Converts any {@link BufferedImage} to sRGB: colour spaces other than sRGB (CMYK, embedded ICC
   * profiles) are converted, 16-bit samples are scaled, grey is replicated and transparency is
   * composited on white.
   */
  public static RgbImage from(BufferedImage image) {
    return RgbConversion.toRgb(image);
  }

  /** The width in pixels. */
  public int width() {
    return width;
  }

  /** The height in pixels. */
  public int height() {
    return height;
  }

  /** The interleaved pixel bytes, shared (not a copy). */
  public byte[] pixels() {
    return pixels;
  }

  /** The pixel at {@code (x, y)} packed as {@code 0xRRGGBB}. */
  public int rgb(int x, int y) {
    checkArgument(
        x >= 0 && x < width && y >= 0 && y < height,
        "pixel (%s, %s) is outside the %sx%s image",
        x,
        y,
        width,
        height);
    int i = (y * width + x) * 3;
    return (pixels[i] & 0xff) << 16 | (pixels[i + 1] & 0xff) << 8 | (pixels[i + 2] & 0xff);
  }

  /** A {@link BufferedImage} copy of this image ({@code TYPE_INT_RGB}), e.g. to save or display. */
  public BufferedImage toBufferedImage() {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      int i = y * width * 3;
      for (int x = 0; x < width; x++, i += 3) {
        row[x] = (pixels[i] & 0xff) << 16 | (pixels[i + 1] & 0xff) << 8 | (pixels[i + 2] & 0xff);
      }
      out.setRGB(0, y, width, 1, row, 0, width);
    }
    return out;
  }

  @Override
  public String toString() {
    return "RgbImage[" + width + "x" + height + "]";
  }
}
