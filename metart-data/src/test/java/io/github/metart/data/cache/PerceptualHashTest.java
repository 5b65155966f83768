package io.github.metart.data.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.RgbImage;
import io.github.metart.data.images.TestImages;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {

  private static RgbImage scene(long seed) {
    return RgbImage.from(TestImages.painting(300, 300, seed));
  }

  @Test
  void resizedCopiesHashAlikeAndDifferentImagesDoNot() {
    RgbImage original = scene(1);
    RgbImage smaller = ImageRecipe.of(120, 120).apply(original);
    RgbImage other = scene(2);

    long hash = PerceptualHash.of(ImageRecipe.of(64, 64).apply(original));

    assertThat(PerceptualHash.distance(hash, PerceptualHash.of(ImageRecipe.of(64, 64).apply(smaller))))
        .isLessThanOrEqualTo(2);
    assertThat(PerceptualHash.distance(hash, PerceptualHash.of(ImageRecipe.of(64, 64).apply(other))))
        .isGreaterThan(12);
    assertThat(PerceptualHash.distance(hash, hash)).isZero();
  }

  @Test
  void realPaintingsStayCloseWhenRecompressedAndFarFromEachOther() throws Exception {
    java.util.List<Long> hashes = new java.util.ArrayList<>();
    ImageRecipe recipe = ImageRecipe.of(64, 64);
    io.github.metart.data.images.ImageDecoder decoder = io.github.metart.data.images.ImageDecoder.defaults();
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.list(io.github.metart.data.images.SampleData.images())) {
      for (java.nio.file.Path file : files.sorted().limit(10).toList()) {
        RgbImage original = decoder.decode(file).image();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(original.toBufferedImage(), "jpeg", jpeg);
        RgbImage recompressed = decoder.decode(jpeg.toByteArray(), file.toString(), 0).image();
        long hash = PerceptualHash.of(recipe.apply(original));
        assertThat(PerceptualHash.distance(hash, PerceptualHash.of(recipe.apply(recompressed))))
            .as(file.toString())
            .isLessThanOrEqualTo(8);
        hashes.add(hash);
      }
    }
    for (int i = 0; i < hashes.size(); i++) {
      for (int j = i + 1; j < hashes.size(); j++) {
        assertThat(PerceptualHash.distance(hashes.get(i), hashes.get(j))).isGreaterThan(10);
      }
    }
  }
}
