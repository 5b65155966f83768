package io.github.metart.data.cache;

import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.ResizeFilter;
import io.github.metart.data.images.RgbImage;

/**
 * A 64-bit perceptual hash (the DCT "pHash"): the image is reduced to 32x32 luma, transformed with
 * a 2-D DCT, and each of the 8x8 lowest frequencies becomes one bit, set when above their median.
 * Resized, recompressed or slightly retouched copies of an image have hashes a few bits apart;
 * different images are about 32 bits apart.
 */
public final class PerceptualHash {

  private static final int SIZE = 32;
  private static final int LOW = 8;
  private static final ImageRecipe REDUCE = new ImageRecipe(SIZE, SIZE, ResizeFilter.BILINEAR, false);
  private static final double[][] COS = new double[LOW][SIZE];

  static {
    for (int u = 0; u < LOW; u++) {
      for (int x = 0; x < SIZE; x++) {
        COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIZE));
      }
    }
  }

  private PerceptualHash() {}

  /** The hash of an image (any size; the prepared square in the cache). */
  public static long of(RgbImage image) {
    RgbImage small = REDUCE.apply(image);
    byte[] p = small.pixels();
    double[][] luma = new double[SIZE][SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int i = (y * SIZE + x) * 3;
        luma[y][x] = 0.299 * (p[i] & 0xff) + 0.587 * (p[i + 1] & 0xff) + 0.114 * (p[i + 2] & 0xff);
      }
    }
    double[][] rows = new double[SIZE][LOW];
    for (int y = 0; y < SIZE; y++) {
      for (int u = 0; u < LOW; u++) {
        double sum = 0;
        for (int x = 0; x < SIZE; x++) {
          sum += luma[y][x] * COS[u][x];
        }
        rows[y][u] = sum;
      }
    }
    double[] coefficients = new double[LOW * LOW];
    for (int v = 0; v < LOW; v++) {
      for (int u = 0; u < LOW; u++) {
        double sum = 0;
        for (int y = 0; y < SIZE; y++) {
          sum += rows[y][u] * COS[v][y];
        }
        coefficients[v * LOW + u] = sum;
      }
    }
    double[] sorted = coefficients.clone();
    java.util.Arrays.sort(sorted);
    double median = (sorted[31] + sorted[32]) / 2;
    long hash = 0;
    for (int i = 0; i < LOW * LOW; i++) {
      if (coefficients[i] > median) {
        hash |= 1L << i;
      }
    }
    return hash;
  }

  /** The number of differing bits between two hashes (0 = identical, 64 = opposite). */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
