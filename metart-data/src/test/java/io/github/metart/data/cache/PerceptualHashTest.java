package io.github.metart.data.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.RgbImage;
import io.github.metart.data.images.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {

  private static RgbImage scene(long seed) {
    BufferedImage image = TestImages.gradient(300, 300, seed);
    java.awt.Graphics2D g = image.createGraphics();
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 12; i++) {
      g.setColor(new java.awt.Color(random.nextInt(0xffffff)));
      g.fillOval(random.nextInt(250), random.nextInt(250), 20 + random.nextInt(80), 20 + random.nextInt(80));
    }
    g.dispose();
    return RgbImage.from(image);
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
}
