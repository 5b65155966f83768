package io.github.metart.examples.cli;

import io.github.metart.data.images.ImageRecipe;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.ManifestImages;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.loading.PreparedImageData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metart prepare --images}: the cache next to the splits, near-duplicates in one split. */
class PrepareImagesCommandTest {

  private static final int OBJECTS = 36;

  @TempDir Path dir;

  /** 36 dated objects; objects 2k+1 and 2k+2 share one picture (near-duplicate pairs). */
  private Path csv() throws IOException {
    StringBuilder body = new StringBuilder(PrepareCommandTest.HEADER);
    for (long id = 1; id <= OBJECTS; id++) {
      int year = 1600 + (int) (id * 37 % 290);
      body.append(id).append(",True,European Paintings,Paintings,,,").append(year).append(',')
          .append(year).append(',').append(year).append('\n');
    }
    return Files.writeString(dir.resolve("objects.csv"), body, StandardCharsets.UTF_8);
  }

  private Path images() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("images"));
    for (long id = 1; id <= OBJECTS; id++) {
      long picture = (id + 1) / 2;
      BufferedImage image = painting(picture);
      // the second of each pair is a PNG copy: same picture, another file and format
      ImageIO.write(image, id % 2 == 1 ? "jpeg" : "png", folder.resolve(id + (id % 2 == 1 ? ".jpg" : ".png")).toFile());
    }
    Files.writeString(folder.resolve((OBJECTS - 1) + ".jpg"), "<html>not an image</html>");
    return folder;
  }

  private static BufferedImage painting(long seed) {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Random random = new Random(seed);
    g.setColor(new Color(random.nextInt(0xffffff)));
    g.fillRect(0, 0, 64, 48);
    for (int i = 0; i < 8; i++) {
      g.setColor(new Color(random.nextInt(0xffffff)));
      g.fillOval(random.nextInt(50), random.nextInt(36), 8 + random.nextInt(30), 8 + random.nextInt(24));
    }
    g.dispose();
    return image;
  }

  @Test
  void preparesTheCacheAndKeepsDuplicatesInOneSplit() throws Exception {
    Path out = dir.resolve("prepared");

    CliRun.Result run =
        CliRun.run("prepare", "--csv", csv().toString(), "--task", "year", "--min-year", "1600", "--max-year", "1900",
            "--bin-width", "100", "--split", "1:1:1", "--images", images().toString(), "--image-size", "56",
            "--image-threads", "2", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("images: 35 of 36 prepared into " + out.resolve("cache").resolve("r64-c64-bilinear-sub-v2"))
        .contains("skipped, not an image: 1")
        .containsPattern("near-duplicate groups: \\d+ \\(\\d+ straddled splits, \\d+ objects moved\\)")
        .contains("quality report: ");
    java.util.regex.Matcher groups =
        java.util.regex.Pattern.compile("near-duplicate groups: (\\d+) \\((\\d+) straddled").matcher(run.out());
    assertThat(groups.find()).isTrue();
    assertThat(Integer.parseInt(groups.group(1))).isGreaterThanOrEqualTo(16); // pairs whose objects are both dated in range
    assertThat(Integer.parseInt(groups.group(2))).as("pairs that the random split had put apart").isPositive();
    DatasetSplits splits = DatasetSplits.read(out); // the repaired splits verify against their manifest
    Map<Long, Split> assignment = new HashMap<>();
    for (Split split : Split.values()) {
      for (LabeledObject object : splits.get(split)) {
        assignment.put(object.objectId(), split);
      }
    }
    for (long first = 1; first < OBJECTS; first += 2) {
      if (assignment.containsKey(first) && assignment.containsKey(first + 1) && first != OBJECTS - 1) {
        assertThat(assignment.get(first + 1)).as("objects %d and %d", first, first + 1).isEqualTo(assignment.get(first));
      }
    }
    assertThat(Files.readString(out.resolve("report.txt"))).contains("images\n").contains("near-duplicate groups: ");
    ManifestImages recorded = splits.manifest().images();
    assertThat(recorded.cache().key()).isEqualTo("r64-c64-bilinear-sub-v" + ImageRecipe.VERSION);
    assertThat(recorded.cache().cropTo()).isEqualTo(64);
    assertThat(recorded.source()).isEqualTo(dir.resolve("images").toAbsolutePath().normalize().toString());
    // the object whose image does not decode is left out before balancing (not kept in a split)
    assertThat(recorded.requested()).isEqualTo(splits.size() + 1);
    assertThat(recorded.prepared()).isEqualTo(35);
    assertThat(recorded.skipped()).isEqualTo(1);
    assertThat(recorded.duplicateDistance()).isEqualTo(4);
    assertThat(recorded.duplicateGroups()).isEqualTo(Integer.parseInt(groups.group(1)));
    assertThat(run.out()).contains(recorded.objectsMoved() + " objects moved)");
    try (PreparedImageData data = PreparedImageData.open(out)) {
      assertThat(data.cache().size()).isEqualTo(35);
      int withImages = 0;
      for (Split split : Split.values()) {
        withImages += data.examples(split).size();
      }
      // every object has an image file; only object 35's file is not an image
      assertThat(withImages).isEqualTo(splits.size() - (assignment.containsKey((long) OBJECTS - 1) ? 1 : 0));
    }

    CliRun.Result again =
        CliRun.run("prepare", "--csv", csv().toString(), "--task", "year", "--min-year", "1600", "--max-year", "1900",
            "--bin-width", "100", "--split", "1:1:1", "--images", dir.resolve("images").toString(), "--image-size", "56",
            "--out", out.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(DatasetSplits.read(out).splitHash()).isEqualTo(splits.splitHash());
    assertThat(again.out()).doesNotContain("removed the image cache");

    CliRun.Result smaller =
        CliRun.run("prepare", "--csv", csv().toString(), "--task", "year", "--min-year", "1600", "--max-year", "1900",
            "--bin-width", "100", "--split", "1:1:1", "--images", dir.resolve("images").toString(), "--image-size", "32",
            "--out", out.toString());
    assertThat(smaller.exitCode()).as(smaller.err()).isZero();
    assertThat(DatasetSplits.read(out).splitHash()).as("the same splits").isEqualTo(splits.splitHash());
    assertThat(smaller.out()).as("a cache of the same splits at another size is kept").doesNotContain("removed");
    Path large = out.resolve("cache").resolve("r64-c64-bilinear-sub-v" + ImageRecipe.VERSION);
    Path small = out.resolve("cache").resolve("r37-c37-bilinear-sub-v" + ImageRecipe.VERSION);
    try (PreparedImageData data = PreparedImageData.open(out)) {
      assertThat(data.cache().directory()).as("the cache the manifest names").isEqualTo(small);
    }
    try (PreparedImageData data = PreparedImageData.open(out, "r64-c64-bilinear-sub-v" + ImageRecipe.VERSION)) {
      assertThat(data.cache().directory()).isEqualTo(large);
    }

    CliRun.Result otherSplits =
        CliRun.run("prepare", "--csv", csv().toString(), "--task", "year", "--min-year", "1600", "--max-year", "1900",
            "--bin-width", "100", "--split", "1:1:1", "--seed", "8", "--images", dir.resolve("images").toString(),
            "--image-size", "32", "--out", out.toString());
    assertThat(otherSplits.exitCode()).as(otherSplits.err()).isZero();
    assertThat(DatasetSplits.read(out).splitHash()).isNotEqualTo(splits.splitHash());
    assertThat(otherSplits.out()).contains("removed the image cache " + large + ": it was prepared for other splits");
    assertThat(large).doesNotExist();
    assertThat(small).isDirectory();

    CliRun.Result withoutImages =
        CliRun.run("prepare", "--csv", csv().toString(), "--task", "year", "--min-year", "1600", "--max-year", "1900",
            "--bin-width", "100", "--split", "1:1:1", "--seed", "9", "--out", out.toString());
    assertThat(withoutImages.exitCode()).isZero();
    assertThat(withoutImages.out()).contains("removed the image cache " + out.resolve("cache").resolve("r37-c37-bilinear-sub-v" + ImageRecipe.VERSION));
    assertThat(DatasetSplits.read(out).manifest().images()).isNull();
  }

  /**
   * Three cultures of 10 objects; Japan has 10 images, China 6, Korea 4. With --images, balance and
   * the minimum per label count only objects that have an image.
   */
  @Test
  void balanceAndMinimumPerLabelCountOnlyObjectsWithAnImage() throws Exception {
    StringBuilder body = new StringBuilder(PrepareCommandTest.HEADER);
    String[] cultures = {"Japan", "China", "Korea"};
    int[] withImage = {10, 6, 4};
    Path images = Files.createDirectories(dir.resolve("images"));
    Map<Long, String> imageOf = new HashMap<>();
    long id = 1;
    for (int c = 0; c < cultures.length; c++) {
      for (int i = 0; i < 10; i++, id++) {
        body.append(id).append(",True,Asian Art,Ceramics,").append(cultures[c]).append(",,1800,1800,1800\n");
        if (i < withImage[c]) {
          ImageIO.write(painting(id), "png", images.resolve(id + ".png").toFile());
          imageOf.put(id, cultures[c]);
        }
      }
    }
    Path csv = Files.writeString(dir.resolve("cultures.csv"), body, StandardCharsets.UTF_8);
    Path out = dir.resolve("prepared");

    CliRun.Result run =
        CliRun.run("prepare", "--csv", csv.toString(), "--task", "culture", "--min-per-label", "5", "--balance", "5",
            "--split", "3:1:1", "--images", images.toString(), "--image-size", "32", "--image-threads", "1",
            "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    DatasetSplits splits = DatasetSplits.read(out);
    assertThat(splits.labels()).as("korean has only 4 objects with an image").containsExactly("chinese", "japanese");
    Map<String, Integer> perLabel = new HashMap<>();
    for (Split split : Split.values()) {
      for (LabeledObject object : splits.get(split)) {
        assertThat(imageOf).as("object %d has an image", object.objectId()).containsKey(object.objectId());
        perLabel.merge(object.label(), 1, Integer::sum);
      }
    }
    assertThat(perLabel).containsOnly(Map.entry("chinese", 5), Map.entry("japanese", 5));
    assertThat(splits.manifest().recipe().filters().custom()).singleElement().asString().startsWith("has an image in ");
    try (PreparedImageData data = PreparedImageData.open(out)) {
      for (Split split : Split.values()) {
        assertThat(data.missing(split)).isZero();
        assertThat(data.examples(split)).hasSize(splits.get(split).size());
      }
    }
  }

  @Test
  void imageOptionsNeedImagesAndAMissingFolderIsNamed() throws IOException {
    Path csv = csv();

    CliRun.Result stray =
        CliRun.run("prepare", "--csv", csv.toString(), "--task", "year", "--image-size", "64", "--out", dir.resolve("a").toString());
    CliRun.Result missing =
        CliRun.run("prepare", "--csv", csv.toString(), "--task", "year", "--images", dir.resolve("nope").toString(),
            "--out", dir.resolve("b").toString());

    assertThat(stray.exitCode()).isEqualTo(2);
    assertThat(stray.err()).contains("--image-size need --images DIR");
    Path images = images();
    for (String[] size : new String[][] {
      {"16", "--image-size must be between 32 and 4096 px, got 16"},
      {"4000", "--image-size: an input of 4000 px needs a stored square of 4571 px (input * 256 / 224), more than 4096 px"}}) {
      CliRun.Result refused =
          CliRun.run("prepare", "--csv", csv.toString(), "--task", "year", "--images", images.toString(),
              "--image-size", size[0], "--out", dir.resolve("c").toString());
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err()).contains(size[1]);
      assertThat(dir.resolve("c")).doesNotExist();
    }
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip()).isEqualTo("metart: " + dir.resolve("nope") + ": no such folder (expected images named <objectId>.<ext>)");
  }
}
