package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareCommandTest {

  static final String HEADER =
      "Object ID,Is Public Domain,Department,Classification,Culture,Period,Object Date,"
          + "Object Begin Date,Object End Date\n";

  @TempDir Path dir;

  Path csv() throws IOException {
    StringBuilder body = new StringBuilder(HEADER);
    String[] cultures = {"Japan", "French", "Chinese", "European", "Korea"};
    int[] counts = {40, 30, 25, 20, 3};
    long id = 1;
    for (int c = 0; c < cultures.length; c++) {
      for (int i = 0; i < counts[c]; i++, id++) {
        int year = 1600 + (int) (id * 13 % 300);
        body.append(id).append(",True,Asian Art,Ceramics,").append(cultures[c]).append(",,ca. ")
            .append(year).append(',').append(year - 5).append(',').append(year + 5).append('\n');
      }
    }
    Path file = dir.resolve("objects.csv");
    Files.writeString(file, body, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void preparesACultureDataset() throws IOException {
    Path out = dir.resolve("prepared");

    CliRun.Result run = CliRun.run("prepare", "--csv", csv().toString(), "--task", "culture",
        "--min-per-label", "10", "--exclude", "european", "--balance", "20", "--split", "8:1:1",
        "--seed", "7", "--out", out.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("prepared culture dataset: 60 objects (train 48, validation 6, test 6) in 3 labels\n");
    DatasetSplits splits = DatasetSplits.read(out);
    assertThat(splits.task()).isEqualTo(Task.CULTURE);
    assertThat(splits.labels()).containsExactly("chinese", "french", "japanese");
    assertThat(splits.manifest().counts().get(Split.TRAIN)).containsEntry("japanese", 16);
    assertThat(splits.manifest().recipe().seed()).isEqualTo(7);
    assertThat(splits.manifest().recipe().culture().exclude()).containsExactly("european");
    assertThat(out.resolve("report.txt")).exists();
    assertThat(Files.readString(out.resolve("splits/train.csv"))).startsWith("object_id,label,year,");
  }

  @Test
  void preparesAYearDatasetAndIsReproducible() throws IOException {
    Path csv = csv();
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");

    CliRun.Result run = CliRun.run("prepare", "--csv", csv.toString(), "--task", "year", "--min-year", "1600",
        "--max-year", "1900", "--bin-width", "100", "--per-bin", "20", "--max-span", "20", "--out", a.toString());
    CliRun.run("prepare", "--csv", csv.toString(), "--task", "year", "--min-year", "1600",
        "--max-year", "1900", "--bin-width", "100", "--per-bin", "20", "--max-span", "20", "--out", b.toString());

    assertThat(run.exitCode()).isZero();
    DatasetSplits splits = DatasetSplits.read(a);
    assertThat(splits.labels()).containsExactly("1600-1699", "1700-1799", "1800-1900");
    assertThat(splits.size()).isEqualTo(60);
    assertThat(DatasetSplits.read(b).splitHash()).isEqualTo(splits.splitHash());
    assertThat(Files.readString(a.resolve("manifest.json"))).isEqualTo(Files.readString(b.resolve("manifest.json")));
  }

  @Test
  void optionsOfTheOtherTaskAreUsageErrors() throws IOException {
    CliRun.Result run = CliRun.run("prepare", "--csv", csv().toString(), "--task", "culture", "--bin-width", "50",
        "--out", dir.resolve("x").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains("--bin-width applies to --task year only");
    assertThat(CliRun.run("prepare", "--csv", "x.csv", "--task", "colour", "--out", "o").exitCode()).isEqualTo(2);
    CliRun.Result both = CliRun.run("prepare", "--csv", csv().toString(), "--task", "culture+year",
        "--per-bin", "5", "--out", dir.resolve("w").toString());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err().strip()).doesNotContain("\n").contains("--per-bin applies to --task year only");
    assertThat(CliRun.run("prepare", "--csv", csv().toString(), "--task", "year", "--split", "8:1",
        "--out", dir.resolve("y").toString()).err()).contains("--split must be TRAIN:VALIDATION:TEST");
    assertThat(CliRun.run("prepare", "--task", "year", "--out", "o").exitCode()).isEqualTo(2);
  }

  @Test
  void aRecipeNoLabelMeetsIsARuntimeFailure() throws IOException {
    CliRun.Result run = CliRun.run("prepare", "--csv", csv().toString(), "--task", "culture",
        "--min-per-label", "1000", "--out", dir.resolve("z").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).doesNotContain("\n").contains("no culture label has at least 1000 objects");
  }

  @Test
  void refusesAFolderHoldingOtherFiles() throws IOException {
    Path out = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(out.resolve("thesis.tex"), "precious");

    CliRun.Result run = CliRun.run("prepare", "--csv", csv().toString(), "--task", "culture", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("busy: is not empty and holds no manifest.json");
    assertThat(out.resolve("thesis.tex")).hasContent("precious");
  }

  @Test
  void noUsableImageIsAFailureSayingWhy() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    for (long id = 1; id <= 118; id++) {
      Files.writeString(images.resolve(id + ".jpg"), "not a picture");
    }
    Path out = dir.resolve("no-images");

    CliRun.Result run = CliRun.run("prepare", "--csv", csv().toString(), "--task", "culture",
        "--min-per-label", "10", "--images", images.toString(), "--image-size", "32",
        "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    // after the progress line, one line naming the folder and the real reason
    assertThat(run.err().lines().filter(line -> line.startsWith("metart:")))
        .singleElement()
        .asString()
        .contains(images.toString())
        .contains("none of the 115 images could be prepared (not an image: 115)")
        .contains("e.g. object 1: ");
    assertThat(out.resolve("manifest.json")).doesNotExist();
  }

  @Test
  void aSingleLabelIsRefusedByPrepareNotLaterByTrain() throws IOException {
    Path out = dir.resolve("one-label");

    CliRun.Result run = CliRun.run("prepare", "--csv", csv().toString(), "--task", "culture",
        "--min-per-label", "35", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isIn(1, 2);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains("only one culture label qualifies (japanese) with at least 35 objects");
  }

  @Test
  void imagesThatDoNotDecodeLeaveNoLabelShort() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images-some-broken"));
    for (long id = 1; id <= 118; id++) {
      // objects 71-95 are Chinese: five of their 25 images are broken, 20 remain for --balance 20
      if (id >= 71 && id <= 75) {
        Files.writeString(images.resolve(id + ".jpg"), "not a picture");
      } else {
        java.awt.image.BufferedImage picture =
            new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB((int) (id % 40), (int) (id * 7 % 40), 0xFFFFFF);
        javax.imageio.ImageIO.write(picture, "png", images.resolve(id + ".png").toFile());
      }
    }
    Path out = dir.resolve("balanced");

    CliRun.Result run = CliRun.run("prepare", "--csv", csv().toString(), "--task", "culture",
        "--min-per-label", "10", "--exclude", "european", "--balance", "20", "--images", images.toString(),
        "--image-size", "32", "--image-threads", "1", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    DatasetSplits splits = DatasetSplits.read(out);
    assertThat(splits.labels()).containsExactly("chinese", "french", "japanese");
    for (String label : splits.labels()) {
      long count =
          java.util.Arrays.stream(Split.values())
              .flatMap(split -> splits.get(split).stream())
              .filter(object -> object.label().equals(label))
              .count();
      assertThat(count).as(label).isEqualTo(20);
    }
    assertThat(java.util.Arrays.stream(Split.values()).flatMap(split -> splits.get(split).stream()))
        .noneMatch(object -> object.objectId() >= 71 && object.objectId() <= 75);
    // nothing silent: the broken images are named
    assertThat(run.out()).contains("left out before balancing: ");
    assertThat(Files.readString(out.resolve("report.txt"))).contains("left out before balancing, object ");
  }

  @Test
  void aPreparationKilledBeforeItsManifestContinuesWithTheSameCommand() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images-for-resume"));
    for (long id = 1; id <= 118; id++) {
      java.awt.image.BufferedImage picture =
          new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
      picture.setRGB((int) (id % 40), (int) (id * 3 % 40), 0xFFFFFF);
      javax.imageio.ImageIO.write(picture, "png", images.resolve(id + ".png").toFile());
    }
    String[] command = {"prepare", "--csv", csv().toString(), "--task", "culture", "--min-per-label", "10",
        "--images", images.toString(), "--image-size", "32", "--image-threads", "1", "--out", ""};
    Path whole = dir.resolve("whole");
    command[command.length - 1] = whole.toString();
    assertThat(CliRun.run(command).exitCode()).isZero();

    // killed after the images were prepared, before the splits and manifest were written
    Path killed = dir.resolve("killed");
    command[command.length - 1] = killed.toString();
    assertThat(CliRun.run(command).exitCode()).isZero();
    Files.delete(killed.resolve("manifest.json"));
    try (Stream<Path> splitFiles = Files.list(killed.resolve("splits"))) {
      for (Path file : splitFiles.toList()) {
        Files.delete(file);
      }
    }

    CliRun.Result again = CliRun.run(command);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(DatasetSplits.read(killed).splitHash()).isEqualTo(DatasetSplits.read(whole).splitHash());
    assertThat(Files.readString(killed.resolve("splits/train.csv")))
        .isEqualTo(Files.readString(whole.resolve("splits/train.csv")));
  }
}
