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
   * Interleaved 8-bit pixels to read from: an {@link RgbImage}, or a decoded raster in place (BGR,
   * grey) so that no converted copy is made.
   *
   * @param data the samples
   * @param base the index of the first pixel's first sample
   * @param pixelStride samples from one pixel to the next
   * @param rowStride samples from one row to the next
   * @param red offset of the red sample within a pixel
   * @param green offset of the green sample
   * @param blue offset of the blue sample
   * @param width the width in pixels
   * @param height the height in pixels
   */
  record Source(
      byte[] data, int base, int pixelStride, int rowStride, int red, int green, int blue, int width, int height) {

    static Source of(RgbImage image) {
      return new Source(image.pixels(), 0, 3, image.width() * 3, 0, 1, 2, image.width(), image.height());
    }
  }

  /**
   * Resizes {@code src} to {@code resizedWidth x resizedHeight} and returns the window {@code
   * [cropX, cropX + cropWidth) x [cropY, cropY + cropHeight)} of the result.
   *
   * <p>The vertical pass runs first, over contiguous rows (a loop the JIT vectorizes), on the
   * columns the crop needs; the horizontal pass then only filters the crop's rows.
   */
  static RgbImage resizeAndCrop(
      Source src,
      int resizedWidth,
      int resizedHeight,
      int cropX,
      int cropY,
      int cropWidth,
      int cropHeight,
      ResizeFilter filter) {
    Kernel horizontal = Kernel.of(src.width(), resizedWidth, cropX, cropWidth, filter);
    Kernel vertical = Kernel.of(src.height(), resizedHeight, cropY, cropHeight, filter);
    int colFrom = horizontal.firstInput();
    int colTo = horizontal.lastInputExclusive();
    byte[] rows = verticalPass(src, vertical, colFrom, colTo);
    return RgbImage.of(cropWidth, cropHeight, horizontalPass(rows, src, colFrom, colTo, horizontal, cropHeight));
  }

  /** Filters columns {@code [colFrom, colTo)} vertically; keeps the source's sample layout. */
  private static byte[] verticalPass(Source src, Kernel kernel, int colFrom, int colTo) {
    byte[] in = src.data();
    int segment = (colTo - colFrom) * src.pixelStride();
    int outRows = kernel.count();
    byte[] out = new byte[outRows * segment];
    int[] acc = new int[segment];
    int first = src.base() + colFrom * src.pixelStride();
    for (int y = 0; y < outRows; y++) {
      java.util.Arrays.fill(acc, HALF);
      int w = y * kernel.maxTaps;
      for (int t = 0, n = kernel.sizes[y]; t < n; t++) {
        int weight = kernel.weights[w + t];
        int base = first + (kernel.starts[y] + t) * src.rowStride();
        for (int i = 0; i < segment; i++) {
          acc[i] += weight * (in[base + i] & 0xff);
        }
      }
      int o = y * segment;
      for (int i = 0; i < segment; i++) {
        int v = acc[i] >> PRECISION;
        out[o + i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
      }
    }
    return out;
  }

  /** Filters the vertically filtered rows horizontally into interleaved RGB. */
  private static byte[] horizontalPass(
      byte[] rows, Source src, int colFrom, int colTo, Kernel kernel, int height) {
    int step = src.pixelStride();
    int segment = (colTo - colFrom) * step;
    int ro = src.red();
    int go = src.green();
    int bo = src.blue();
    int outWidth = kernel.count();
    byte[] out = new byte[height * outWidth * 3];
    int[] starts = kernel.starts;
    int[] sizes = kernel.sizes;
    int[] weights = kernel.weights;
    int maxTaps = kernel.maxTaps;
    int o = 0;
    for (int y = 0; y < height; y++) {
      int rowBase = y * segment;
      for (int x = 0; x < outWidth; x++) {
        int r = HALF;
        int g = HALF;
        int b = HALF;
        int i = rowBase + (starts[x] - colFrom) * step;
        int w = x * maxTaps;
        for (int t = 0, n = sizes[x]; t < n; t++, i += step) {
          int weight = weights[w + t];
          r += weight * (rows[i + ro] & 0xff);
          g += weight * (rows[i + go] & 0xff);
          b += weight * (rows[i + bo] & 0xff);
        }
        out[o++] = clamp(r >> PRECISION);
        out[o++] = clamp(g >> PRECISION);
        out[o++] = clamp(b >> PRECISION);
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
