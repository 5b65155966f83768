package io.github.metart.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreprocessorTest {

  @TempDir Path dir;

  @Test
  void normalizesTheCenterCropChannelFirstWithImageNetStatistics() {
    ImagePreprocessor preprocessor =
        ImagePreprocessor.builder(ImageRecipe.of(40, 40)).inputSize(32).build();
    RgbImage prepared = preprocessor.prepare(TestImages.bands(40, 40, new Color(255, 128, 0)));

    float[] chw = preprocessor.toChw(prepared);

    assertThat(chw).hasSize(3 * 32 * 32);
    assertThat(chw[0]).isCloseTo((1f - 0.485f) / 0.229f, within(1e-5f));
    assertThat(chw[32 * 32]).isCloseTo((128 / 255f - 0.456f) / 0.224f, within(1e-5f));
    assertThat(chw[2 * 32 * 32 + 5]).isCloseTo((0f - 0.406f) / 0.225f, within(1e-5f));
  }

  @Test
  void aFileBecomesTheModelInputArray() throws Exception {
    Path file = TestImages.jpeg(dir.resolve("7.jpg"), TestImages.gradient(120, 90, 7), false);
    ImagePreprocessor preprocessor = ImagePreprocessor.of(ImageRecipe.of(36, 32));

    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input = preprocessor.preprocess(manager, file);

      assertThat(input.getShape()).isEqualTo(new Shape(3, 32, 32));
      assertThat(input.toFloatArray()).containsExactly(preprocessor.toChw(preprocessor.prepare(file)));
    }
  }

  @Test
  void orientedPhotographsArePreparedUpright() throws Exception {
    // stored 128x64: red top-left, green top-right, blue bottom-left, white bottom-right; EXIF 8
    // says the stored right column is the top row, so upright (64x128) green and white are on top
    Path file =
        TestImages.jpegWithOrientation(
            dir.resolve("8.jpg"), TestImages.quadrants(32, Color.RED, Color.GREEN, Color.BLUE, Color.WHITE), 8, true);
    ImagePreprocessor preprocessor = ImagePreprocessor.of(ImageRecipe.of(32, 32));

    PreparedImage prepared = preprocessor.prepareWithInfo(file);

    // upright 64x128 -> 32x64 -> the center 32x32 keeps rows 16..47: the upper half on top
    assertThat(prepared.original().orientation()).isEqualTo(ImageOrientation.ROTATE_270);
    RgbImage image = prepared.image();
    assertNear(image.rgb(8, 8), Color.GREEN);
    assertNear(image.rgb(24, 8), Color.WHITE);
    assertNear(image.rgb(8, 24), Color.RED);
    assertNear(image.rgb(24, 24), Color.BLUE);
  }

  private static void assertNear(int rgb, Color expected) {
    for (int shift = 16; shift >= 0; shift -= 8) {
      assertThat(rgb >> shift & 0xff)
          .as("expected %06x, got %06x", expected.getRGB() & 0xffffff, rgb)
          .isCloseTo(expected.getRGB() >> shift & 0xff, within(24));
    }
  }

  @Test
  void mirroredWindowsReverseEachRow() {
    RgbImage image = RgbImage.from(TestImages.gradient(6, 6, 9));
    float[] straight = new float[3 * 4 * 4];
    float[] mirrored = new float[3 * 4 * 4];
    Normalization.UNIT.writeChw(image.pixels(), 0, 6, 1, 2, 4, false, FloatBuffer.wrap(straight), 0);
    Normalization.UNIT.writeChw(image.pixels(), 0, 6, 1, 2, 4, true, FloatBuffer.wrap(mirrored), 0);

    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 4; x++) {
          assertThat(mirrored[c * 16 + y * 4 + x]).isEqualTo(straight[c * 16 + y * 4 + 3 - x]);
          int rgb = image.rgb(1 + x, 2 + y);
          assertThat(straight[c * 16 + y * 4 + x]).isEqualTo((rgb >> (16 - 8 * c) & 0xff) / 255f);
        }
      }
    }
  }

  @Test
  void wrongSizesAreRefusedWithAHint() {
    ImagePreprocessor preprocessor = ImagePreprocessor.of(ImageRecipe.of(40, 32));

    assertThatThrownBy(() -> preprocessor.toChw(RgbImage.blank(10, 10)))
        .hasMessageContaining("expected a prepared 32x32 image, got 10x10");
    assertThatThrownBy(() -> ImagePreprocessor.builder(ImageRecipe.of(40, 32)).inputSize(33))
        .hasMessageContaining("between 1 and the recipe's cropTo (32)");
    assertThatThrownBy(() -> Normalization.of(new float[3], new float[] {1, 0, 1}))
        .hasMessageContaining("std values must be positive");
  }
}
