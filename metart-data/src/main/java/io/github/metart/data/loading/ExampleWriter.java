package io.github.metart.data.loading;

import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.Normalization;
import java.nio.FloatBuffer;

/**
 * Turns one cached square into the model input: crop (centered or random), optional mirror and
 * colour jitter, normalization, channel-first floats. Randomness comes from (seed, epoch, index)
 * only, so results do not depend on which thread loads which batch.
 */
final class ExampleWriter {

  private final PreparedCache cache;
  private final int inputSize;
  private final Augmentation augmentation;
  private final Normalization normalization;
  private final long seed;

  ExampleWriter(
      PreparedCache cache, int inputSize, Augmentation augmentation, Normalization normalization, long seed) {
    this.cache = cache;
    this.inputSize = inputSize;
    this.augmentation = augmentation;
    this.normalization = normalization;
    this.seed = seed;
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
    boolean mirror = false;
    if (augmentation.isEnabled()) {
      SplitMix64 random = SplitMix64.of(seed, epoch, index);
      if (augmentation.randomCrop()) {
        x = random.nextInt(margin + 1);
        y = random.nextInt(margin + 1);
      }
      if (augmentation.horizontalFlip()) {
        mirror = random.nextBoolean();
      }
      float strength = augmentation.colorJitter();
      if (strength > 0f) {
        float brightness = 1f + strength * (2f * random.nextFloat() - 1f);
        float contrast = 1f + strength * (2f * random.nextFloat() - 1f);
        float saturation = 1f + strength * (2f * random.nextFloat() - 1f);
        writeJittered(scratch, size, x, y, mirror, brightness, contrast, saturation, out, outIndex);
        return;
      }
    }
    normalization.writeChw(scratch, 0, size, x, y, inputSize, mirror, out, outIndex);
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
    int plane = inputSize * inputSize;
    for (int row = 0; row < inputSize; row++) {
      int src = ((y + row) * size + x) * 3;
      int dst = outIndex + row * inputSize;
      for (int col = 0; col < inputSize; col++, src += 3) {
        float r = (rgb[src] & 0xff) * inv * brightness;
        float g = (rgb[src + 1] & 0xff) * inv * brightness;
        float b = (rgb[src + 2] & 0xff) * inv * brightness;
        r = (r - mean) * contrast + mean;
        g = (g - mean) * contrast + mean;
        b = (b - mean) * contrast + mean;
        float grey = 0.299f * r + 0.587f * g + 0.114f * b;
        r = clamp(grey + (r - grey) * saturation);
        g = clamp(grey + (g - grey) * saturation);
        b = clamp(grey + (b - grey) * saturation);
        int c = mirror ? inputSize - 1 - col : col;
        out.put(dst + c, normalization.applyUnit(0, r));
        out.put(dst + plane + c, normalization.applyUnit(1, g));
        out.put(dst + 2 * plane + c, normalization.applyUnit(2, b));
      }
    }
  }

  private static float clamp(float v) {
    return v < 0f ? 0f : Math.min(v, 1f);
  }
}
