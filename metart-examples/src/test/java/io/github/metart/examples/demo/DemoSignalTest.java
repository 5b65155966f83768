package io.github.metart.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images carry what the demo promises, shown without any deep learning: trivial learners on
 * 8×8 downsampled pixels already beat chance and the constant guess by a wide margin (a network,
 * which also sees shapes and stripes, does far better).
 */
class DemoSignalTest {

  @TempDir static Path dir;
  static DemoCollection collection;

  @BeforeAll
  static void generate() throws IOException {
    collection =
        DemoCollectionGenerator.generate(
            DemoCollectionSpec.builder().objectsPerCulture(60).imageSize(32).build(), dir);
  }

  @Test
  void nearestCentroidOnPixelsSeparatesTheCultures() {
    List<PixelProbe.Example> examples =
        PixelProbe.examples(collection, o -> o.role() == CultureRole.LABELED);

    double accuracy = PixelProbe.nearestCentroidAccuracy(examples);

    double chance = 1.0 / DemoCollection.cultureClasses().size();
    assertThat(accuracy).as("accuracy (chance %.2f)", chance).isGreaterThan(3 * chance);
  }

  @Test
  void nearestNeighboursOnPixelsEstimateTheYear() {
    List<PixelProbe.Example> examples =
        PixelProbe.examples(collection, o -> o.year() >= 1500 && o.year() <= 1900);

    double error = PixelProbe.nearestNeighbourYearError(examples, 7);
    double constant = PixelProbe.constantYearError(examples);

    assertThat(error).as("k-NN error vs constant guess %.1f", constant).isLessThan(0.8 * constant);
  }

  @Test
  void noTwoImagesAreNearDuplicates() {
    List<PixelProbe.Example> examples = PixelProbe.examples(collection, o -> true);
    long[] hashes = examples.stream().mapToLong(e -> PixelProbe.differenceHash(e.x())).toArray();

    int closest = 64;
    for (int i = 0; i < hashes.length; i++) {
      for (int j = i + 1; j < hashes.length; j++) {
        closest = Math.min(closest, Long.bitCount(hashes[i] ^ hashes[j]));
      }
    }
    assertThat(closest).as("smallest Hamming distance between difference hashes").isGreaterThan(2);
  }
}
