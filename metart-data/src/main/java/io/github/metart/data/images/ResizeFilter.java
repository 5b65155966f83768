package io.github.metart.data.images;

/**
 * The resampling filter used to resize images. When shrinking, every filter is widened by the
 * scale factor so that each output pixel averages all the input pixels it covers (antialiasing), as
 * Pillow and torchvision do.
 */
public enum ResizeFilter {
  /** Triangle filter: bilinear when enlarging, area-weighted averaging when shrinking. */
  BILINEAR("bilinear", 1.0) {
    @Override
    double weight(double x) {
      double a = Math.abs(x);
      return a < 1.0 ? 1.0 - a : 0.0;
    }
  },
  /** Keys cubic convolution ({@code a = -0.5}): sharper than bilinear. */
  BICUBIC("bicubic", 2.0) {
    @Override
    double weight(double x) {
      double a = Math.abs(x);
      double k = -0.5;
      if (a < 1.0) {
        return ((k + 2.0) * a - (k + 3.0)) * a * a + 1.0;
      }
      if (a < 2.0) {
        return ((k * a - 5.0 * k) * a + 8.0 * k) * a - 4.0 * k;
      }
      return 0.0;
    }
  },
  /** Lanczos with three lobes: the sharpest, the slowest. */
  LANCZOS3("lanczos3", 3.0) {
    @Override
    double weight(double x) {
      double a = Math.abs(x);
      if (a >= 3.0) {
        return 0.0;
      }
      return sinc(a) * sinc(a / 3.0);
    }
  };

  private final String id;
  private final double support;

  ResizeFilter(String id, double support) {
    this.id = id;
    this.support = support;
  }

  /** The short name used in recipe keys, e.g. {@code bilinear}. */
  public String id() {
    return id;
  }

  /** The filter's radius in input pixels at scale 1. */
  double support() {
    return support;
  }

  /** The filter's weight at distance {@code x} (in output-pixel units). */
  abstract double weight(double x);

  private static double sinc(double x) {
    if (x == 0.0) {
      return 1.0;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }
}
