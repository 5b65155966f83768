package io.github.metart.data.loading;

import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.Normalization;
import java.nio.FloatBuffer;

/**
 * Turns one cached square into the model input: crop (centered or random), optional mirror,
 * policy ({@link AugmentPolicy}) and colour jitter, normalization, channel-first floats, optional
 * random erasing. Randomness comes from (seed, epoch, index)
 * only, so results do not depend on which thread loads which batch.
 */
final class ExampleWriter {

  private final PreparedCache cache;
  private final int inputSize;
  private final Augmentation augmentation;
  private final Normalization normalization;
  private final long seed;
  private final ThreadLocal<byte[][]> policyBuffers;

  ExampleWriter(
      PreparedCache cache, int inputSize, Augmentation augmentation, Normalization normalization, long seed) {
    this.cache = cache;
    this.inputSize = inputSize;
    this.augmentation = augmentation;
    this.normalization = normalization;
    this.seed = seed;
    int bytes = inputSize * inputSize * 3;
    this.policyBuffers = ThreadLocal.withInitial(() -> new byte[][] {new byte[bytes], new byte[bytes]});
  }

  int floatsPerExample() {
    return 3 * inputSize * inputSize;
  }

  /** Writes the example at {@code index} (cache position {@code position}) for {@code epoch}. */
  void write(int position, long index, int epoch, byte[] scratch, FloatBuffer out, int outIndex) {
    cache.copyPixels(position, scratch, 0);
    int size = cache.imageSize();
    int margin = size - inputSize;
    int x = margin / 2;
    int y = margin / 2;
    if (!augmentation.isEnabled()) {
      normalization.writeChw(scratch, 0, size, x, y, inputSize, false, out, outIndex);
      return;
    }
    // the draws keep their order (crop, flip, jitter, then policy and erasing), so that an
    // augmentation without a policy or erasing gives the images it always gave
    SplitMix64 random = SplitMix64.of(seed, epoch, index);
    boolean mirror = false;
    if (augmentation.randomCrop()) {
      x = random.nextInt(margin + 1);
      y = random.nextInt(margin + 1);
    }
    if (augmentation.horizontalFlip()) {
      mirror = random.nextBoolean();
    }
    float strength = augmentation.colorJitter();
    float brightness = 1f;
    float contrast = 1f;
    float saturation = 1f;
    if (strength > 0f) {
      brightness = 1f + strength * (2f * random.nextFloat() - 1f);
      contrast = 1f + strength * (2f * random.nextFloat() - 1f);
      saturation = 1f + strength * (2f * random.nextFloat() - 1f);
    }
    byte[] rgb = scratch;
    int stride = size;
    if (augmentation.policy().isEnabled()) {
      byte[][] buffers = policyBuffers.get();
      crop(scratch, size, x, y, mirror, buffers[0]);
      rgb = augmentation.policy().apply(random, buffers[0], buffers[1], inputSize);
      stride = inputSize;
      x = 0;
      y = 0;
      mirror = false;
    }
    if (strength > 0f) {
      writeJittered(rgb, stride, x, y, mirror, brightness, contrast, saturation, out, outIndex);
    } else {
      normalization.writeChw(rgb, 0, stride, x, y, inputSize, mirror, out, outIndex);
    }
    if (augmentation.erasing() > 0f && random.nextFloat() < augmentation.erasing()) {
      erase(random, inputSize, out, outIndex);
    }
  }

  /** Copies the {@code inputSize} window at (x, y), mirrored or not, into {@code dst}. */
  private void crop(byte[] rgb, int size, int x, int y, boolean mirror, byte[] dst) {
    for (int row = 0; row < inputSize; row++) {
      int src = ((y + row) * size + x) * 3;
      int o = row * inputSize * 3;
      if (!mirror) {
        System.arraycopy(rgb, src, dst, o, inputSize * 3);
      } else {
        for (int col = inputSize - 1; col >= 0; col--, src += 3) {
          int d = o + col * 3;
          dst[d] = rgb[src];
          dst[d + 1] = rgb[src + 1];
          dst[d + 2] = rgb[src + 2];
        }
      }
    }
  }

  /**
   * Random erasing (Zhong et al.): up to 10 tries at a rectangle of a uniform share of the area and
   * a log-uniform aspect ratio that fits; the first that fits is set to 0 in the three planes.
   *
   * @return the erased rectangle {x, y, width, height}, or null when none fitted
   */
  static int[] erase(SplitMix64 random, int side, FloatBuffer out, int outIndex) {
    double logMin = Math.log(Augmentation.ERASING_MIN_ASPECT);
    double logMax = -logMin;
    for (int attempt = 0; attempt < 10; attempt++) {
      double area =
          side * side
              * (Augmentation.ERASING_MIN_AREA
                  + (Augmentation.ERASING_MAX_AREA - Augmentation.ERASING_MIN_AREA) * random.nextFloat());
      double aspect = Math.exp(logMin + (logMax - logMin) * random.nextFloat());
      int height = (int) Math.round(Math.sqrt(area * aspect));
      int width = (int) Math.round(Math.sqrt(area / aspect));
      if (height < side && width < side && height > 0 && width > 0) {
        int top = random.nextInt(side - height + 1);
        int left = random.nextInt(side - width + 1);
        int plane = side * side;
        for (int c = 0; c < 3; c++) {
          for (int row = top; row < top + height; row++) {
            int start = outIndex + c * plane + row * side + left;
            for (int col = 0; col < width; col++) {
              out.put(start + col, 0f);
            }
          }
        }
        return new int[] {left, top, width, height};
      }
    }
    return null;
  }

  private void writeJittered(
      byte[] rgb,
      int size,
      int x,
      int y,
      boolean mirror,
      float brightness,
      float contrast,
      float saturation,
      FloatBuffer out,
      int outIndex) {
    float inv = 1f / 255f;
    double lumaSum = 0;
    int samples = 0;
    for (int row = 0; row < inputSize; row += 2) {
      int src = ((y + row) * size + x) * 3;
      for (int col = 0; col < inputSize; col += 2, src += 6) {
        lumaSum += 0.299f * (rgb[src] & 0xff) + 0.587f * (rgb[src + 1] & 0xff) + 0.114f * (rgb[src + 2] & 0xff);
        samples++;
      }
    }
    float mean = (float) (lumaSum / samples) * inv * brightness;
    // brightness then contrast around the mean luma: v = p * gain + lift
    float gain = inv * brightness * contrast;
    float lift = mean * (1f - contrast);
    float keep = 1f - saturation;
    float[] mean3 = normalization.mean();
    float[] std3 = normalization.std();
    float scaleR = 1f / std3[0];
    float scaleG = 1f / std3[1];
    float scaleB = 1f / std3[2];
    float offsetR = -mean3[0] * scaleR;
    float offsetG = -mean3[1] * scaleG;
    float offsetB = -mean3[2] * scaleB;
    int plane = inputSize * inputSize;
    float[] rowR = new float[inputSize];
    float[] rowG = new float[inputSize];
    float[] rowB = new float[inputSize];
    for (int row = 0; row < inputSize; row++) {
      int src = ((y + row) * size + x) * 3;
      for (int col = 0; col < inputSize; col++, src += 3) {
        float r = (rgb[src] & 0xff) * gain + lift;
        float g = (rgb[src + 1] & 0xff) * gain + lift;
        float b = (rgb[src + 2] & 0xff) * gain + lift;
        float grey = (0.299f * r + 0.587f * g + 0.114f * b) * keep;
        int c = mirror ? inputSize - 1 - col : col;
        rowR[c] = clamp(r * saturation + grey) * scaleR + offsetR;
        rowG[c] = clamp(g * saturation + grey) * scaleG + offsetG;
        rowB[c] = clamp(b * saturation + grey) * scaleB + offsetB;
      }
      int dst = outIndex + row * inputSize;
      out.put(dst, rowR, 0, inputSize);
      out.put(dst + plane, rowG, 0, inputSize);
      out.put(dst + 2 * plane, rowB, 0, inputSize);
    }
  }

  private static float clamp(float v) {
    return v < 0f ? 0f : Math.min(v, 1f);
  }
}
