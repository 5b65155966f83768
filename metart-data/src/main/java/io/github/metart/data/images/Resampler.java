package io.github.metart.data.images;

/**
 * Separable resampling of 8-bit RGB images with fixed-point weights, fused with cropping: only the
 * output pixels inside the crop are computed, and only the input rows they need are filtered.
 */
final class Resampler {

  private static final int PRECISION = 14;
  private static final int ONE = 1 << PRECISION;
  private static final int HALF = 1 << (PRECISION - 1);

  private Resampler() {}

  /**
   * Resizes {@code src} to {@code resizedWidth x resizedHeight} and returns the window {@code
   * [cropX, cropX + cropWidth) x [cropY, cropY + cropHeight)} of the result.
   */
  static RgbImage resizeAndCrop(
      RgbImage src,
      int resizedWidth,
      int resizedHeight,
      int cropX,
      int cropY,
      int cropWidth,
      int cropHeight,
      ResizeFilter filter) {
    Kernel horizontal = Kernel.of(src.width(), resizedWidth, cropX, cropWidth, filter);
    Kernel vertical = Kernel.of(src.height(), resizedHeight, cropY, cropHeight, filter);
    int rowFrom = vertical.firstInput();
    int rowTo = vertical.lastInputExclusive();
    byte[] rows = horizontalPass(src, horizontal, rowFrom, rowTo);
    return RgbImage.of(cropWidth, cropHeight, verticalPass(rows, cropWidth, vertical, rowFrom));
  }

  private static byte[] horizontalPass(RgbImage src, Kernel kernel, int rowFrom, int rowTo) {
    byte[] in = src.pixels();
    int inStride = src.width() * 3;
    int outWidth = kernel.count();
    byte[] out = new byte[(rowTo - rowFrom) * outWidth * 3];
    int[] starts = kernel.starts;
    int[] sizes = kernel.sizes;
    int[] weights = kernel.weights;
    int maxTaps = kernel.maxTaps;
    int o = 0;
    for (int y = rowFrom; y < rowTo; y++) {
      int rowBase = y * inStride;
      for (int x = 0; x < outWidth; x++) {
        int r = HALF;
        int g = HALF;
        int b = HALF;
        int i = rowBase + starts[x] * 3;
        int w = x * maxTaps;
        for (int t = 0, n = sizes[x]; t < n; t++, i += 3) {
          int weight = weights[w + t];
          r += weight * (in[i] & 0xff);
          g += weight * (in[i + 1] & 0xff);
          b += weight * (in[i + 2] & 0xff);
        }
        out[o++] = clamp(r >> PRECISION);
        out[o++] = clamp(g >> PRECISION);
        out[o++] = clamp(b >> PRECISION);
      }
    }
    return out;
  }

  private static byte[] verticalPass(byte[] rows, int width, Kernel kernel, int rowFrom) {
    int stride = width * 3;
    int outHeight = kernel.count();
    byte[] out = new byte[outHeight * stride];
    int[] acc = new int[stride];
    for (int y = 0; y < outHeight; y++) {
      java.util.Arrays.fill(acc, HALF);
      int w = y * kernel.maxTaps;
      int first = kernel.starts[y] - rowFrom;
      for (int t = 0, n = kernel.sizes[y]; t < n; t++) {
        int weight = kernel.weights[w + t];
        int base = (first + t) * stride;
        for (int i = 0; i < stride; i++) {
          acc[i] += weight * (rows[base + i] & 0xff);
        }
      }
      int o = y * stride;
      for (int i = 0; i < stride; i++) {
        out[o + i] = clamp(acc[i] >> PRECISION);
      }
    }
    return out;
  }

  private static byte clamp(int v) {
    return (byte) (v < 0 ? 0 : Math.min(v, 255));
  }

  /** Fixed-point filter taps for a range of output pixels along one axis. */
  private static final class Kernel {
    final int[] starts;
    final int[] sizes;
    final int[] weights;
    final int maxTaps;

    private Kernel(int[] starts, int[] sizes, int[] weights, int maxTaps) {
      this.starts = starts;
      this.sizes = sizes;
      this.weights = weights;
      this.maxTaps = maxTaps;
    }

    int count() {
      return starts.length;
    }

    int firstInput() {
      int min = Integer.MAX_VALUE;
      for (int s : starts) {
        min = Math.min(min, s);
      }
      return min;
    }

    int lastInputExclusive() {
      int max = 0;
      for (int i = 0; i < starts.length; i++) {
        max = Math.max(max, starts[i] + sizes[i]);
      }
      return max;
    }

    static Kernel of(int inSize, int outSize, int from, int count, ResizeFilter filter) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = filter.support() * filterScale;
      int maxTaps = (int) Math.ceil(support) * 2 + 1;
      int[] starts = new int[count];
      int[] sizes = new int[count];
      int[] weights = new int[count * maxTaps];
      double[] taps = new double[maxTaps];
      for (int k = 0; k < count; k++) {
        double center = (from + k + 0.5) * scale;
        int lo = Math.max(0, (int) Math.floor(center - support + 0.5));
        int hi = Math.min(inSize, (int) Math.floor(center + support + 0.5));
        if (hi - lo > maxTaps) {
          hi = lo + maxTaps;
        }
        if (hi <= lo) {
          lo = Math.min(Math.max(0, (int) Math.floor(center)), inSize - 1);
          hi = lo + 1;
        }
        double sum = 0.0;
        for (int i = lo; i < hi; i++) {
          double w = filter.weight((i + 0.5 - center) / filterScale);
          taps[i - lo] = w;
          sum += w;
        }
        if (sum == 0.0) {
          java.util.Arrays.fill(taps, 0, hi - lo, 0.0);
          taps[(hi - lo) / 2] = 1.0;
          sum = 1.0;
        }
        int fixedSum = 0;
        int largest = 0;
        int base = k * maxTaps;
        for (int i = 0; i < hi - lo; i++) {
          int w = (int) Math.round(taps[i] / sum * ONE);
          weights[base + i] = w;
          fixedSum += w;
          if (Math.abs(w) > Math.abs(weights[base + largest])) {
            largest = i;
          }
        }
        weights[base + largest] += ONE - fixedSum;
        starts[k] = lo;
        sizes[k] = hi - lo;
      }
      return new Kernel(starts, sizes, weights, maxTaps);
    }
  }
}
