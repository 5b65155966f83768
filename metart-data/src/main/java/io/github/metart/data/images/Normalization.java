package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Per-channel normalization of 8-bit RGB into floats: {@code (value / 255 - mean[c]) / std[c]}, laid
 * out channel-first ({@code [3, H, W]}), the layout DJL models expect.
 */
public final class Normalization {

  /** The ImageNet statistics that pretrained and from-scratch vision models conventionally use. */
  public static final Normalization IMAGENET =
      new Normalization(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

  /** Plain scaling to {@code [0, 1]}. */
  public static final Normalization UNIT = new Normalization(new float[3], new float[] {1f, 1f, 1f});

  private final float[] mean;
  private final float[] std;
  private final float[][] table;

  private Normalization(float[] mean, float[] std) {
    this.mean = mean;
    this.std = std;
    this.table = new float[3][256];
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < 256; v++) {
        table[c][v] = (v / 255f - mean[c]) / std[c];
      }
    }
  }

  /**
   * A normalization with the given per-channel statistics (on the {@code [0, 1]} scale).
   *
   * @param mean three means, R, G, B
   * @param std three standard deviations, R, G, B, each positive
   */
  public static Normalization of(float[] mean, float[] std) {
    checkArgument(mean != null && mean.length == 3, "mean needs 3 values (R, G, B)");
    checkArgument(std != null && std.length == 3, "std needs 3 values (R, G, B)");
    for (float s : std) {
      checkArgument(s > 0f && Float.isFinite(s), "std values must be positive, got %s", Arrays.toString(std));
    }
    for (float m : mean) {
      checkArgument(Float.isFinite(m), "mean values must be finite, got %s", Arrays.toString(mean));
    }
    return new Normalization(mean.clone(), std.clone());
  }

  /** The three channel means (a copy). */
  public float[] mean() {
    return mean.clone();
  }

  /** The three channel standard deviations (a copy). */
  public float[] std() {
    return std.clone();
  }

  /** The normalized value of an 8-bit sample of channel {@code c} (0 = R, 1 = G, 2 = B). */
  public float apply(int channel, int value) {
    return table[channel][value & 0xff];
  }

  /**
   * Writes a {@code size x size} window of an interleaved RGB image as normalized channel-first
   * floats.
   *
   * @param rgb interleaved RGB bytes
   * @param rgbOffset where the image starts in {@code rgb}
   * @param imageWidth the image's width (its row stride is {@code imageWidth * 3})
   * @param x the window's left column
   * @param y the window's top row
   * @param size the window's side
   * @param mirror whether to flip the window horizontally
   * @param out where to write {@code 3 * size * size} floats
   * @param outIndex the index of the first float in {@code out}
   */
  public void writeChw(
      byte[] rgb,
      int rgbOffset,
      int imageWidth,
      int x,
      int y,
      int size,
      boolean mirror,
      FloatBuffer out,
      int outIndex) {
    int plane = size * size;
    float[] r = table[0];
    float[] g = table[1];
    float[] b = table[2];
    float[] rowR = new float[size];
    float[] rowG = new float[size];
    float[] rowB = new float[size];
    for (int row = 0; row < size; row++) {
      int src = rgbOffset + ((y + row) * imageWidth + x) * 3;
      if (!mirror) {
        for (int col = 0; col < size; col++, src += 3) {
          rowR[col] = r[rgb[src] & 0xff];
          rowG[col] = g[rgb[src + 1] & 0xff];
          rowB[col] = b[rgb[src + 2] & 0xff];
        }
      } else {
        for (int col = size - 1; col >= 0; col--, src += 3) {
          rowR[col] = r[rgb[src] & 0xff];
          rowG[col] = g[rgb[src + 1] & 0xff];
          rowB[col] = b[rgb[src + 2] & 0xff];
        }
      }
      int dst = outIndex + row * size;
      out.put(dst, rowR, 0, size);
      out.put(dst + plane, rowG, 0, size);
      out.put(dst + 2 * plane, rowB, 0, size);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}
