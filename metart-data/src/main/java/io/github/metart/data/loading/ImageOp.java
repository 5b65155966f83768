package io.github.metart.data.loading;

/**
 * The image operations of TrivialAugment and RandAugment, on a square of interleaved 8-bit RGB,
 * with the arithmetic of the Pillow operations the published policies use (torchvision's {@code
 * TrivialAugmentWide} and {@code RandAugment}): geometric ones sample the nearest source pixel and
 * fill what comes from outside with black; {@code brightness}, {@code color}, {@code contrast} and
 * {@code sharpness} blend with a degenerate image ({@code degenerate + factor * (image -
 * degenerate)}, rounded and clamped to 0..255).
 *
 * <p>Hand-written because no Java image library offers Pillow's exact enhancement, posterize,
 * solarize, autocontrast and equalize arithmetic on raw RGB bytes, and the loader threads must not
 * go through {@code BufferedImage} per example.
 */
enum ImageOp {
  /** The image unchanged. */
  IDENTITY(false, 0, 0),
  /** Shear along x: the source column is {@code x + m * (y - centre)}. */
  SHEAR_X(true, 0.99f, 0.3f),
  /** Shear along y: the source row is {@code y + m * (x - centre)}. */
  SHEAR_Y(true, 0.99f, 0.3f),
  /**
   * Translation along x by {@code m} pixels; the ranges are relative to the side (the wide range
   * is 32 px of 224, RandAugment's 150 px of 331).
   */
  TRANSLATE_X(true, 32f / 224f, 150f / 331f),
  /** Translation along y, as {@link #TRANSLATE_X}. */
  TRANSLATE_Y(true, 32f / 224f, 150f / 331f),
  /** Rotation by {@code m} degrees (counter-clockwise) about the centre. */
  ROTATE(true, 135f, 30f),
  /** Brightness factor {@code 1 + m}: the blend with black. */
  BRIGHTNESS(true, 0.99f, 0.9f),
  /** Colour (saturation) factor {@code 1 + m}: the blend with the grey image. */
  COLOR(true, 0.99f, 0.9f),
  /** Contrast factor {@code 1 + m}: the blend with the mean grey level. */
  CONTRAST(true, 0.99f, 0.9f),
  /** Sharpness factor {@code 1 + m}: the blend with the 3x3 smoothed image (borders kept). */
  SHARPNESS(true, 0.99f, 0.9f),
  /** Keeps the {@code m} high bits of every sample (8 down to 2 wide, 8 down to 4 RandAugment). */
  POSTERIZE(false, 2f, 4f),
  /** Inverts every sample at or above the threshold {@code m} (255 down to 0). */
  SOLARIZE(false, 0f, 0f),
  /** Stretches each channel's range to 0..255. */
  AUTOCONTRAST(false, 0, 0),
  /** Equalizes each channel's histogram (Pillow's {@code ImageOps.equalize}). */
  EQUALIZE(false, 0, 0);

  /** The magnitude bins of both policies: a magnitude is an index 0..30. */
  static final int BINS = 31;

  private final boolean signed;
  private final float wideMax;
  private final float randAugmentMax;

  ImageOp(boolean signed, float wideMax, float randAugmentMax) {
    this.signed = signed;
    this.wideMax = wideMax;
    this.randAugmentMax = randAugmentMax;
  }

  /** Whether the magnitude is negated half of the time. */
  boolean signed() {
    return signed;
  }

  /**
   * The operation's value at magnitude bin {@code bin} (0..30) on a side of {@code side} pixels,
   * before the sign: {@code linspace(0, max, 31)[bin]} for the graded ones, the number of bits for
   * posterize, the threshold for solarize.
   *
   * @param wide the TrivialAugment-Wide ranges, else RandAugment's
   */
  float value(int bin, boolean wide, int side) {
    float max = wide ? wideMax : randAugmentMax;
    return switch (this) {
      case IDENTITY, AUTOCONTRAST, EQUALIZE -> 0f;
      case POSTERIZE -> 8 - Math.round(bin / ((BINS - 1) / (8f - max)));
      case SOLARIZE -> 255f - 255f * bin / (BINS - 1);
      case TRANSLATE_X, TRANSLATE_Y -> max * side * bin / (BINS - 1);
      default -> max * bin / (BINS - 1);
    };
  }

  /**
   * Applies the operation with value {@code v} to the {@code n x n} image {@code src}, writing
   * {@code dst} (a different array of the same size).
   */
  void apply(float v, byte[] src, byte[] dst, int n) {
    switch (this) {
      case IDENTITY -> System.arraycopy(src, 0, dst, 0, n * n * 3);
      case SHEAR_X -> affine(src, dst, n, 1, v, 0, 1);
      case SHEAR_Y -> affine(src, dst, n, 1, 0, v, 1);
      case TRANSLATE_X -> translate(src, dst, n, Math.round(v), 0);
      case TRANSLATE_Y -> translate(src, dst, n, 0, Math.round(v));
      case ROTATE -> {
        double radians = Math.toRadians(v);
        float cos = (float) Math.cos(radians);
        float sin = (float) Math.sin(radians);
        // output -> source: the inverse rotation (counter-clockwise on screen, y pointing down)
        affine(src, dst, n, cos, -sin, sin, cos);
      }
      case BRIGHTNESS -> blendWithBlack(src, dst, n, 1 + v);
      case COLOR -> blendWithGrey(src, dst, n, 1 + v);
      case CONTRAST -> blendWithMean(src, dst, n, 1 + v);
      case SHARPNESS -> blendWithSmooth(src, dst, n, 1 + v);
      case POSTERIZE -> posterize(src, dst, n, Math.round(v));
      case SOLARIZE -> solarize(src, dst, n, v);
      case AUTOCONTRAST -> autocontrast(src, dst, n);
      case EQUALIZE -> equalize(src, dst, n);
    }
  }

  /** Samples source {@code (a*dx + b*dy, c*dx + d*dy) + centre} for output offset (dx, dy). */
  private static void affine(byte[] src, byte[] dst, int n, float a, float b, float c, float d) {
    float centre = (n - 1) / 2f;
    int o = 0;
    for (int y = 0; y < n; y++) {
      float dy = y - centre;
      for (int x = 0; x < n; x++, o += 3) {
        float dx = x - centre;
        int sx = Math.round(a * dx + b * dy + centre);
        int sy = Math.round(c * dx + d * dy + centre);
        copyOrBlack(src, dst, n, sx, sy, o);
      }
    }
  }

  private static void translate(byte[] src, byte[] dst, int n, int tx, int ty) {
    int o = 0;
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++, o += 3) {
        copyOrBlack(src, dst, n, x - tx, y - ty, o);
      }
    }
  }

  private static void copyOrBlack(byte[] src, byte[] dst, int n, int sx, int sy, int o) {
    if (sx >= 0 && sx < n && sy >= 0 && sy < n) {
      int s = (sy * n + sx) * 3;
      dst[o] = src[s];
      dst[o + 1] = src[s + 1];
      dst[o + 2] = src[s + 2];
    } else {
      dst[o] = 0;
      dst[o + 1] = 0;
      dst[o + 2] = 0;
    }
  }

  private static byte blend(float degenerate, int value, float factor) {
    // truncated, as Pillow's ImagingBlend and torchvision's uint8 blend do
    float v = degenerate + factor * (value - degenerate);
    return (byte) Math.max(0, Math.min(255, (int) v));
  }

  private static void blendWithBlack(byte[] src, byte[] dst, int n, float factor) {
    for (int i = 0; i < n * n * 3; i++) {
      dst[i] = blend(0f, src[i] & 0xff, factor);
    }
  }

  /** Pillow's RGB to L: {@code (299 R + 587 G + 114 B) / 1000}, rounded. */
  static int grey(byte[] rgb, int i) {
    return ((rgb[i] & 0xff) * 19595 + (rgb[i + 1] & 0xff) * 38470 + (rgb[i + 2] & 0xff) * 7471 + 0x8000) >>> 16;
  }

  private static void blendWithGrey(byte[] src, byte[] dst, int n, float factor) {
    for (int i = 0; i < n * n * 3; i += 3) {
      int l = grey(src, i);
      dst[i] = blend(l, src[i] & 0xff, factor);
      dst[i + 1] = blend(l, src[i + 1] & 0xff, factor);
      dst[i + 2] = blend(l, src[i + 2] & 0xff, factor);
    }
  }

  private static void blendWithMean(byte[] src, byte[] dst, int n, float factor) {
    long sum = 0;
    for (int i = 0; i < n * n * 3; i += 3) {
      sum += grey(src, i);
    }
    int mean = (int) (sum / (double) (n * n) + 0.5);
    for (int i = 0; i < n * n * 3; i++) {
      dst[i] = blend(mean, src[i] & 0xff, factor);
    }
  }

  /** Pillow's SMOOTH filter ({@code [1 1 1; 1 5 1; 1 1 1] / 13}) inside, the image on the border. */
  private static void blendWithSmooth(byte[] src, byte[] dst, int n, float factor) {
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        int o = (y * n + x) * 3;
        boolean border = x == 0 || y == 0 || x == n - 1 || y == n - 1;
        for (int c = 0; c < 3; c++) {
          int value = src[o + c] & 0xff;
          if (border) {
            dst[o + c] = (byte) value;
            continue;
          }
          int sum = 4 * value;
          for (int ky = -1; ky <= 1; ky++) {
            for (int kx = -1; kx <= 1; kx++) {
              sum += src[((y + ky) * n + x + kx) * 3 + c] & 0xff;
            }
          }
          int smooth = Math.round(sum / 13f);
          dst[o + c] = blend(smooth, value, factor);
        }
      }
    }
  }

  private static void posterize(byte[] src, byte[] dst, int n, int bits) {
    int mask = ~((1 << (8 - bits)) - 1);
    for (int i = 0; i < n * n * 3; i++) {
      dst[i] = (byte) (src[i] & mask);
    }
  }

  private static void solarize(byte[] src, byte[] dst, int n, float threshold) {
    for (int i = 0; i < n * n * 3; i++) {
      int value = src[i] & 0xff;
      dst[i] = (byte) (value >= threshold ? 255 - value : value);
    }
  }

  private static void autocontrast(byte[] src, byte[] dst, int n) {
    for (int c = 0; c < 3; c++) {
      int low = 255;
      int high = 0;
      for (int i = c; i < n * n * 3; i += 3) {
        int value = src[i] & 0xff;
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
      for (int i = c; i < n * n * 3; i += 3) {
        int value = src[i] & 0xff;
        // Pillow's lut: int((v - low) * 255 / (high - low)), here exactly in integers
        dst[i] = (byte) (high > low ? (value - low) * 255 / (high - low) : value);
      }
    }
  }

  /** Pillow's equalize: per channel, the cumulative histogram mapped in steps of the pixel count. */
  private static void equalize(byte[] src, byte[] dst, int n) {
    int[] lut = new int[256];
    for (int c = 0; c < 3; c++) {
      int[] histogram = new int[256];
      for (int i = c; i < n * n * 3; i += 3) {
        histogram[src[i] & 0xff]++;
      }
      int last = 255;
      while (last > 0 && histogram[last] == 0) {
        last--;
      }
      int step = (n * n - histogram[last]) / 255;
      if (step == 0) {
        for (int v = 0; v < 256; v++) {
          lut[v] = v;
        }
      } else {
        int cumulative = step / 2;
        for (int v = 0; v < 256; v++) {
          lut[v] = Math.min(255, cumulative / step);
          cumulative += histogram[v];
        }
      }
      for (int i = c; i < n * n * 3; i += 3) {
        dst[i] = (byte) lut[src[i] & 0xff];
      }
    }
  }
}
