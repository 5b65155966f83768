package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.examples.endtoend.DemoResult;
import io.github.metart.examples.endtoend.QuickDemo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metart predict} on the quick demo's models and generated images. */
class PredictCommandTest {

  @TempDir Path dir;

  @Test
  void aClassifierPrintsTheTopLabelsOfEachImageAsTheEvaluationPredictedThem() throws IOException {
    DemoResult demo = QuickDemo.result();
    List<LabeledObject> test = DatasetSplits.read(demo.culture().preparedFolder()).test();
    List<String> csv = Files.readAllLines(demo.culture().reportFolder().resolve("predictions.csv"), StandardCharsets.UTF_8);
    Map<String, String> evaluated = new HashMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] fields = line.split(",");
      evaluated.put(fields[0], fields[3]);
    }
    List<String> args = new ArrayList<>(List.of("predict", "--model", demo.culture().fit().outputDirectory().toString(), "--top", "2"));
    List<Path> images = new ArrayList<>();
    for (LabeledObject object : test) {
      Path image = demo.collection().imagesDirectory().resolve(object.objectId() + ".jpg");
      images.add(image);
      args.add(image.toString());
    }

    CliRun.Result run = CliRun.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(images.size());
    for (int i = 0; i < lines.size(); i++) {
      String[] fields = lines.get(i).split("\t");
      assertThat(fields).as(lines.get(i)).hasSize(3);
      assertThat(fields[0]).isEqualTo(images.get(i).toString());
      assertThat(fields[1]).matches("[a-z]+ (0|1)\\.\\d{3}");
      String id = Long.toString(test.get(i).objectId());
      assertThat(fields[1].split(" ")[0])
          .as("top label of %s, as metart evaluate predicted it from the cache", id)
          .isEqualTo(evaluated.get(id));
    }
  }

  @Test
  void aYearModelPrintsAYearPerImage() {
    DemoResult demo = QuickDemo.result();
    Path image = demo.collection().imageOf(demo.collection().objects().stream().filter(o -> o.hasImage()).findFirst().orElseThrow());

    CliRun.Result run = CliRun.run("predict", "--model", demo.year().fit().outputDirectory().toString(), image.toString(), image.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).matches(java.util.regex.Pattern.quote(image.toString()) + "\t-?\\d{1,4}"));
  }

  @Test
  void testTimeAugmentationAveragesAsThePredictorDoes() throws Exception {
    DemoResult demo = QuickDemo.result();
    Path image = demo.collection().imageOf(demo.collection().objects().stream().filter(o -> o.hasImage()).findFirst().orElseThrow());
    Path model = demo.year().fit().modelFolder().orElseThrow();

    CliRun.Result run = CliRun.run("predict", "--model", model.toString(), "--tta", "flip", image.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    double expected;
    try (io.github.metart.models.MetModel loaded = io.github.metart.models.MetModels.load(model)) {
      expected =
          io.github.metart.models.predict.Predictor.of(loaded)
              .testTimeAugmentation(io.github.metart.models.predict.TestTimeAugmentation.FLIP)
              .year(image);
    }
    assertThat(run.out().strip()).isEqualTo(image + "\t" + Math.round(expected));
    CliRun.Result bad = CliRun.run("predict", "--model", model.toString(), "--tta", "mirror", image.toString());
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("--tta: unknown test-time augmentation 'mirror'");
  }

  @Test
  void badImagesAreReportedAndEveryGoodOneIsStillPredicted() throws IOException {
    DemoResult demo = QuickDemo.result();
    Path image = demo.collection().imageOf(demo.collection().objects().stream().filter(o -> o.hasImage()).findFirst().orElseThrow());
    Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a picture");
    Path missing = dir.resolve("missing.jpg");

    CliRun.Result run = CliRun.run("predict", "--model", demo.year().fit().outputDirectory().toString(),
        image.toString(), broken.toString(), missing.toString(), image.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.out().lines().toList())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith(image + "\t"));
    List<String> errors = run.err().lines().toList();
    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).startsWith("metart: ").contains(broken.toString());
    assertThat(errors.get(1)).isEqualTo("metart: " + missing + ": no such file");
    assertThat(errors.get(2)).isEqualTo("metart: predict: 2 of 4 images could not be predicted");
  }

  @Test
  void aMissingImageFailsNamingItBeforeAnyPrediction() {
    DemoResult demo = QuickDemo.result();
    Path missing = dir.resolve("missing.jpg");

    CliRun.Result run = CliRun.run("predict", "--model", demo.culture().fit().outputDirectory().toString(), missing.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).isEqualTo("metart: " + missing + ": no such file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anImageThatDoesNotDecodeFailsNamingIt() throws IOException {
    DemoResult demo = QuickDemo.result();
    Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a picture");

    CliRun.Result run = CliRun.run("predict", "--model", demo.culture().fit().outputDirectory().toString(), broken.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).startsWith("metart: ").contains(broken.toString()).doesNotContain("\n");
  }

  @Test
  void aMissingModelFailsNamingIt() throws IOException {
    Path image = Files.writeString(dir.resolve("a.jpg"), "x");
    Path missing = dir.resolve("run");

    CliRun.Result run = CliRun.run("predict", "--model", missing.toString(), image.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err()).startsWith("metart: " + missing + ": no such folder");
  }

  @Test
  void noImageIsAUsageError() {
    CliRun.Result run = CliRun.run("predict", "--model", "run");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").contains("IMAGE");
  }

  @Test
  void zeroTopLabelsIsAUsageError() {
    CliRun.Result run = CliRun.run("predict", "--model", "run", "--top", "0", "a.jpg");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err()).contains("--top must be at least 1, got 0");
  }
}
