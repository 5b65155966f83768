package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.train.data.PreparedFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metart predict --folder DIR --shard I/N} and {@code --merge}: a large folder in parts, then one CSV. */
class PredictShardsTest {

  @TempDir static Path dir;

  private static Path model;
  private static Path photos;

  @BeforeAll
  static void trainATinyModel() throws IOException {
    Path data = PreparedFolders.culture(dir.resolve("data"), 16, 8, 32, 0);
    model = dir.resolve("model");
    CliRun.Result trained =
        CliRun.run("train", "--model", "resnet18", "--data", data.toString(), "--input-size", "32", "--epochs", "1",
            "--batch-size", "8", "--devices", "cpu", "--no-progress", "--out", model.toString());
    assertThat(trained.exitCode()).as(trained.err()).isZero();
    // a folder of images with a subfolder and one file that is no image
    photos = Files.createDirectories(dir.resolve("photos"));
    try (Stream<Path> files = Files.list(data.resolve("downloaded-images"))) {
      int i = 0;
      for (Path image : files.sorted().toList()) {
        Path target = (i++ % 2 == 0 ? photos : Files.createDirectories(photos.resolve("more"))).resolve(image.getFileName());
        Files.copy(image, target);
      }
    }
    Files.writeString(photos.resolve("more/broken.jpg"), "not a picture");
    Files.writeString(photos.resolve("notes.txt"), "not an image file: left out");
  }

  private static List<String> rows(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).skip(1).toList();
  }

  @Test
  void threeShardsHoldEveryImageOnceAndTheirMergeIsTheWholeFolder() throws IOException {
    int images;
    try (Stream<Path> files = Files.walk(photos)) {
      images = (int) files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".txt")).count();
    }
    List<Path> parts = new ArrayList<>();
    int failedShards = 0;
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int i = 1; i <= 3; i++) {
      Path part = dir.resolve("part-" + i + ".csv");
      CliRun.Result run =
          CliRun.run("predict", "--model", model.toString(), "--folder", photos.toString(), "--shard", i + "/3",
              "--top", "2", "--out", part.toString());
      assertThat(run.exitCode()).as(run.err()).isIn(0, MetartCli.EXIT_FAILURE);
      failedShards += run.exitCode() == 0 ? 0 : 1;
      assertThat(run.out()).startsWith("shard " + i + "/3: ");
      assertThat(Files.readAllLines(part).get(0)).isEqualTo("# metart predict shard " + i + "/3 of " + photos + ": " + rows(part).size() + " images");
      for (String row : rows(part)) {
        assertThat(seen.add(row.split(",")[0])).as("%s in one shard only", row).isTrue();
      }
      total += rows(part).size();
      parts.add(part);
    }
    assertThat(total).isEqualTo(images);
    assertThat(failedShards).as("the shard holding broken.jpg says so in its exit code").isEqualTo(1);
    assertThat(rows(parts.get(0)).size()).as("the shards share the work").isLessThan(images);

    Path merged = dir.resolve("predictions.csv");
    CliRun.Result merge = CliRun.run("predict", "--merge", "--out", merged.toString(),
        parts.get(2).toString(), parts.get(0).toString(), parts.get(1).toString());
    assertThat(merge.exitCode()).as(merge.err()).isZero();
    assertThat(merge.out().strip()).isEqualTo("merged 3 shards: " + images + " images in " + merged);
    List<String> lines = Files.readAllLines(merged);
    assertThat(lines.get(0)).isEqualTo("image,label_1,probability_1,label_2,probability_2,problem");
    List<String> names = lines.stream().skip(1).map(l -> l.split(",")[0]).toList();
    assertThat(names).isSorted().hasSize(images).contains("more/broken.jpg").doesNotContain("notes.txt");
    assertThat(lines.stream().filter(l -> l.startsWith("more/broken.jpg,")).findFirst().orElseThrow())
        .startsWith("more/broken.jpg,,,,,").contains("broken.jpg");

    // the same folder in one shard: the same images, the same top labels
    Path whole = dir.resolve("whole.csv");
    CliRun.run("predict", "--model", model.toString(), "--folder", photos.toString(), "--top", "2", "--out", whole.toString());
    assertThat(rows(whole).stream().map(r -> r.split(",", 3)[0] + "," + r.split(",", 3)[1]).toList())
        .isEqualTo(lines.stream().skip(1).map(r -> r.split(",", 3)[0] + "," + r.split(",", 3)[1]).toList());
  }

  @Test
  void aMergeWithAMissingOrCutShortShardFailsNamingIt() throws IOException {
    Path first = dir.resolve("m-1.csv");
    Path second = dir.resolve("m-2.csv");
    for (Path part : List.of(first, second)) {
      String shard = part == first ? "1/2" : "2/2";
      CliRun.Result run = CliRun.run("predict", "--model", model.toString(), "--folder", photos.resolve("more").toString(),
          "--shard", shard, "--out", part.toString());
      assertThat(run.out()).startsWith("shard " + shard);
    }

    CliRun.Result missing = CliRun.run("predict", "--merge", "--out", dir.resolve("x.csv").toString(), first.toString());
    assertThat(missing.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(missing.err().strip()).isEqualTo("metart: shards [2] of 2 of " + photos.resolve("more") + " are missing from the merge");

    List<String> lines = Files.readAllLines(second);
    Path cut = Files.write(dir.resolve("m-2-cut.csv"), lines.subList(0, lines.size() - 1));
    CliRun.Result shortened = CliRun.run("predict", "--merge", "--out", dir.resolve("x.csv").toString(), first.toString(), cut.toString());
    assertThat(shortened.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(shortened.err().strip())
        .isEqualTo("metart: " + cut + ": holds " + (lines.size() - 3) + " of its " + (lines.size() - 2) + " images (cut short: predict the shard again)");
    assertThat(dir.resolve("x.csv")).doesNotExist();

    Path absent = dir.resolve("m-3.csv");
    CliRun.Result notThere = CliRun.run("predict", "--merge", "--out", dir.resolve("x.csv").toString(), first.toString(), absent.toString());
    assertThat(notThere.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(notThere.err().strip()).isEqualTo("metart: " + absent + ": no such file (a shard to merge)");

    CliRun.Result badShard = CliRun.run("predict", "--model", model.toString(), "--folder", photos.toString(), "--shard", "4/3",
        "--out", dir.resolve("y.csv").toString());
    assertThat(badShard.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(badShard.err().strip()).doesNotContain("\n").contains("--shard: shard 4/3: the index runs from 1 to 3");
  }
}
