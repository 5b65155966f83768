package io.github.metart.data.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The arithmetic of each augmentation operation on small known images. */
class ImageOpTest {

  /** A 2x2 RGB image: (r, g, b) per pixel, row by row. */
  private static byte[] image(int... samples) {
    byte[] rgb = new byte[samples.length];
    for (int i = 0; i < samples.length; i++) {
      rgb[i] = (byte) samples[i];
    }
    return rgb;
  }

  private static int[] apply(ImageOp op, float value, byte[] src, int n) {
    byte[] dst = new byte[src.length];
    op.apply(value, src, dst, n);
    int[] out = new int[dst.length];
    for (int i = 0; i < dst.length; i++) {
      out[i] = dst[i] & 0xff;
    }
    return out;
  }

  private static final byte[] SQUARE = image(0, 100, 127, 128, 200, 255, 10, 20, 30, 40, 50, 60);

  @Test
  void solarizeInvertsSamplesAtOrAboveTheThreshold() {
    assertThat(apply(ImageOp.SOLARIZE, 128, SQUARE, 2))
        .containsExactly(0, 100, 127, 127, 55, 0, 10, 20, 30, 40, 50, 60);
    assertThat(apply(ImageOp.SOLARIZE, 0, SQUARE, 2))
        .containsExactly(255, 155, 128, 127, 55, 0, 245, 235, 225, 215, 205, 195);
    assertThat(apply(ImageOp.SOLARIZE, 256, SQUARE, 2)).containsExactly(unsigned(SQUARE));
  }

  @Test
  void posterizeKeepsTheHighBits() {
    assertThat(apply(ImageOp.POSTERIZE, 2, SQUARE, 2))
        .containsExactly(0, 64, 64, 128, 192, 192, 0, 0, 0, 0, 0, 0);
    assertThat(apply(ImageOp.POSTERIZE, 4, SQUARE, 2))
        .containsExactly(0, 96, 112, 128, 192, 240, 0, 16, 16, 32, 48, 48);
    assertThat(apply(ImageOp.POSTERIZE, 8, SQUARE, 2)).containsExactly(unsigned(SQUARE));
  }

  @Test
  void brightnessColorAndContrastBlendWithTheirDegenerateImage() {
    // brightness: value * factor, truncated and clamped
    assertThat(apply(ImageOp.BRIGHTNESS, 0.5f, SQUARE, 2))
        .containsExactly(0, 150, 190, 192, 255, 255, 15, 30, 45, 60, 75, 90);
    assertThat(apply(ImageOp.BRIGHTNESS, -0.5f, SQUARE, 2))
        .containsExactly(0, 50, 63, 64, 100, 127, 5, 10, 15, 20, 25, 30);
    // colour factor 0: every pixel becomes its grey level (Pillow's L)
    int[] grey = apply(ImageOp.COLOR, -1f, SQUARE, 2);
    int l0 = Math.round((0 * 299 + 100 * 587 + 127 * 114) / 1000f);
    assertThat(Arrays.copyOfRange(grey, 0, 3)).containsExactly(l0, l0, l0);
    // contrast factor 0: every sample becomes the mean grey level
    int[] flat = apply(ImageOp.CONTRAST, -1f, SQUARE, 2);
    int sum = 0;
    for (int i = 0; i < 12; i += 3) {
      sum += ImageOp.grey(SQUARE, i);
    }
    int mean = (int) (sum / 4.0 + 0.5);
    assertThat(flat).containsOnly(mean);
    // factor 1 is the image
    for (ImageOp op : new ImageOp[] {ImageOp.BRIGHTNESS, ImageOp.COLOR, ImageOp.CONTRAST, ImageOp.SHARPNESS}) {
      assertThat(apply(op, 0f, SQUARE, 2)).as(op.name()).containsExactly(unsigned(SQUARE));
    }
  }

  @Test
  void sharpnessBlendsTheInsideWithTheSmoothedImageAndKeepsTheBorder() {
    // 3x3 grey image, centre 130 among 10s: smoothed centre = (5 * 130 + 8 * 10) / 13 = 56.15 -> 56
    byte[] src = new byte[27];
    Arrays.fill(src, (byte) 10);
    src[12] = (byte) 130;
    src[13] = (byte) 130;
    src[14] = (byte) 130;
    int[] smooth = apply(ImageOp.SHARPNESS, -1f, src, 3);
    assertThat(Arrays.copyOfRange(smooth, 12, 15)).containsExactly(56, 56, 56);
    assertThat(smooth[0]).isEqualTo(10);
    int[] sharp = apply(ImageOp.SHARPNESS, 0.5f, src, 3);
    // 56 + 1.5 * (130 - 56) = 167
    assertThat(sharp[12]).isEqualTo(167);
  }

  @Test
  void autocontrastStretchesEachChannelAndEqualizeSpreadsTheHistogram() {
    byte[] src = image(50, 0, 7, 100, 0, 7, 150, 0, 7, 75, 0, 7);
    assertThat(apply(ImageOp.AUTOCONTRAST, 0, src, 2))
        .containsExactly(0, 0, 7, 127, 0, 7, 255, 0, 7, 63, 0, 7);
    // red: four distinct values of one pixel each: step (4 - 1) / 255 = 0, identity (Pillow)
    assertThat(apply(ImageOp.EQUALIZE, 0, src, 2)).containsExactly(unsigned(src));
    // 16x16 grey ramp of 16 levels, 16 pixels each: step = (256 - 16) / 255 = 0 -> identity too;
    // a 32x32 image of 4 levels (256 pixels each): step = (1024 - 256) / 255 = 3
    int n = 32;
    byte[] levels = new byte[n * n * 3];
    for (int p = 0; p < n * n; p++) {
      int v = 10 + 20 * (p / 256);
      Arrays.fill(levels, p * 3, p * 3 + 3, (byte) v);
    }
    int[] equalized = apply(ImageOp.EQUALIZE, 0, levels, n);
    // lut[v] = (1 + cumulative below v) / 3: 10 -> 0, 30 -> 257/3 = 85, 50 -> 513/3 = 171, 70 -> 255
    assertThat(equalized[0]).isEqualTo(0);
    assertThat(equalized[256 * 3]).isEqualTo(85);
    assertThat(equalized[512 * 3]).isEqualTo(171);
    assertThat(equalized[768 * 3]).isEqualTo(255);
  }

  @Test
  void geometricOperationsMovePixelsAndFillWithBlack() {
    // 3x3 image with distinct grey levels 1..9
    byte[] src = new byte[27];
    for (int p = 0; p < 9; p++) {
      Arrays.fill(src, p * 3, p * 3 + 3, (byte) (p + 1));
    }
    assertThat(greys(apply(ImageOp.TRANSLATE_X, 1, src, 3))).containsExactly(0, 1, 2, 0, 4, 5, 0, 7, 8);
    assertThat(greys(apply(ImageOp.TRANSLATE_Y, -1, src, 3))).containsExactly(4, 5, 6, 7, 8, 9, 0, 0, 0);
    // 180 degrees: the image upside down and mirrored
    assertThat(greys(apply(ImageOp.ROTATE, 180, src, 3))).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
    // 90 degrees counter-clockwise: the right column becomes the top row
    assertThat(greys(apply(ImageOp.ROTATE, 90, src, 3))).containsExactly(3, 6, 9, 2, 5, 8, 1, 4, 7);
    // shear x by 1: row y samples column x + (y - 1)
    assertThat(greys(apply(ImageOp.SHEAR_X, 1, src, 3))).containsExactly(0, 1, 2, 4, 5, 6, 8, 9, 0);
    // shear y by 1: column x samples row y + (x - 1)
    assertThat(greys(apply(ImageOp.SHEAR_Y, 1, src, 3))).containsExactly(0, 2, 6, 1, 5, 9, 4, 8, 0);
    assertThat(greys(apply(ImageOp.IDENTITY, 0, src, 3))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void magnitudeBinsFollowThePublishedRanges() {
    // TrivialAugment-Wide
    assertThat(ImageOp.SHEAR_X.value(30, true, 224)).isEqualTo(0.99f);
    assertThat(ImageOp.ROTATE.value(30, true, 224)).isEqualTo(135f);
    assertThat(ImageOp.ROTATE.value(15, true, 224)).isEqualTo(67.5f);
    assertThat(ImageOp.TRANSLATE_X.value(30, true, 224)).isEqualTo(32f);
    assertThat(ImageOp.BRIGHTNESS.value(30, true, 224)).isEqualTo(0.99f);
    assertThat(ImageOp.POSTERIZE.value(0, true, 224)).isEqualTo(8f);
    assertThat(ImageOp.POSTERIZE.value(30, true, 224)).isEqualTo(2f);
    assertThat(ImageOp.SOLARIZE.value(0, true, 224)).isEqualTo(255f);
    assertThat(ImageOp.SOLARIZE.value(30, true, 224)).isEqualTo(0f);
    // RandAugment
    assertThat(ImageOp.SHEAR_Y.value(30, false, 224)).isEqualTo(0.3f);
    assertThat(ImageOp.ROTATE.value(9, false, 224)).isEqualTo(9f);
    assertThat(ImageOp.TRANSLATE_Y.value(30, false, 331)).isEqualTo(150f, org.assertj.core.api.Assertions.within(1e-4f));
    assertThat(ImageOp.CONTRAST.value(30, false, 224)).isEqualTo(0.9f);
    assertThat(ImageOp.POSTERIZE.value(30, false, 224)).isEqualTo(4f);
    assertThat(ImageOp.values()).hasSize(14);
  }

  @Test
  void policiesParseAndValidate() {
    assertThat(AugmentPolicy.parse("trivial")).isEqualTo(AugmentPolicy.trivialWide());
    assertThat(AugmentPolicy.parse(" RandAugment:3:12 ")).isEqualTo(AugmentPolicy.randAugment(3, 12));
    assertThat(AugmentPolicy.parse("randaugment")).isEqualTo(AugmentPolicy.randAugment(2, 9));
    assertThat(AugmentPolicy.parse("none")).isEqualTo(AugmentPolicy.NONE);
    assertThat(AugmentPolicy.randAugment(2, 9).describe()).isEqualTo("randaugment:2:9");
    assertThatThrownBy(() -> AugmentPolicy.parse("randaugment:2"))
        .hasMessageContaining("randaugment:N:M");
    assertThatThrownBy(() -> AugmentPolicy.parse("randaugment:2:31"))
        .hasMessageContaining("magnitude must be between 0 and 30");
    assertThatThrownBy(() -> AugmentPolicy.parse("autoaugment")).hasMessageContaining("none, trivial or randaugment:N:M");
  }

  @Test
  void aPolicyIsDeterministicForOneGeneratorState() {
    int n = 8;
    byte[] src = new byte[n * n * 3];
    for (int i = 0; i < src.length; i++) {
      src[i] = (byte) (i * 37);
    }
    for (AugmentPolicy policy : new AugmentPolicy[] {AugmentPolicy.trivialWide(), AugmentPolicy.randAugment(2, 15)}) {
      java.util.Set<String> outcomes = new java.util.HashSet<>();
      for (long index = 0; index < 40; index++) {
        byte[] a = policy.apply(SplitMix64.of(1, 2, index), src.clone(), new byte[src.length], n);
        byte[] b = policy.apply(SplitMix64.of(1, 2, index), src.clone(), new byte[src.length], n);
        assertThat(a).containsExactly(b);
        assertThat(a).hasSize(src.length);
        outcomes.add(Arrays.toString(a));
      }
      // forty draws over 14 operations and 31 magnitudes give many different images
      assertThat(outcomes.size()).as(policy.describe()).isGreaterThan(10);
    }
  }

  @Test
  void randomErasingZeroesOneFittingRectangleOfThePublishedShape() {
    int side = 32;
    int erasedSome = 0;
    for (long index = 0; index < 50; index++) {
      FloatBuffer out = FloatBuffer.allocate(3 * side * side);
      for (int i = 0; i < out.capacity(); i++) {
        out.put(i, 1f);
      }
      int[] box = ExampleWriter.erase(SplitMix64.of(3, 0, index), side, out, 0);
      if (box == null) {
        continue;
      }
      erasedSome++;
      int zeros = 0;
      for (int i = 0; i < out.capacity(); i++) {
        zeros += out.get(i) == 0f ? 1 : 0;
      }
      int area = box[2] * box[3];
      assertThat(zeros).isEqualTo(3 * area);
      assertThat(box[0] + box[2]).isLessThanOrEqualTo(side);
      assertThat(box[1] + box[3]).isLessThanOrEqualTo(side);
      // the drawn area is 2..40 % of the image, before rounding each side to whole pixels
      assertThat((double) area / (side * side)).isBetween(0.01, 0.46);
      double aspect = (double) box[3] / box[2];
      assertThat(aspect).isBetween(0.3 * 0.8, 1 / 0.3 * 1.25);
      // (seed, epoch, index) decides the rectangle
      assertThat(ExampleWriter.erase(SplitMix64.of(3, 0, index), side, FloatBuffer.allocate(3 * side * side), 0))
          .containsExactly(box);
    }
    assertThat(erasedSome).isGreaterThan(40);
  }

  private static int[] greys(int[] rgb) {
    int[] out = new int[rgb.length / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = rgb[3 * i];
    }
    return out;
  }

  private static int[] unsigned(byte[] rgb) {
    int[] out = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      out[i] = rgb[i] & 0xff;
    }
    return out;
  }
}
