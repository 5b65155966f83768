package io.github.metart.eval.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads a written chart back and checks it is a PNG of the asked size. */
final class PngAssertions {

  private PngAssertions() {}

  static BufferedImage assertPng(Path file, ChartSize size) throws IOException {
    assertThat(file).isRegularFile();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("decodable PNG %s", file).isNotNull();
    assertThat(image.getWidth()).isEqualTo(size.width());
    assertThat(image.getHeight()).isEqualTo(size.height());
    assertThat(distinctColours(image)).as("a drawn chart, not a blank image").isGreaterThan(10);
    return image;
  }

  private static long distinctColours(BufferedImage image) {
    return java.util.stream.IntStream.range(0, image.getHeight())
        .flatMap(y -> java.util.stream.IntStream.range(0, image.getWidth()).map(x -> image.getRGB(x, y)))
        .distinct()
        .limit(1000)
        .count();
  }
}
