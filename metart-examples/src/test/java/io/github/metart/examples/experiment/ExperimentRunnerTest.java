package io.github.metart.eval.experiment;

import io.github.metart.train.config.TrainingSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.eval.evaluation.HeadlineMetric;
import io.github.metart.examples.endtoend.DemoResult;
import io.github.metart.examples.endtoend.QuickDemo;
import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.listeners.FitStart;
import io.github.metart.train.listeners.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small sweep on the quick demo's culture data: interrupted, continued, reported. */
class ExperimentRunnerTest {

  @TempDir Path dir;

  static ExperimentSpec spec(int epochs) {
    return new ExperimentSpec(
        "Hidden units on the quick demo",
        "",
        "culture",
        ModelRecipe.of("resnet18", 32),
        TrainingSettings.builder().epochs(epochs).batchSize(16).learningRate(0.002).build(),
        List.of(Sweep.hiddenUnits("hidden units", List.of(16, 32, 64))));
  }

  /** Throws when the n-th run starts its second epoch (after its first checkpoint), like a process killed there. */
  static final class PowerCut implements TrainingListener {
    private final int run;
    private int fits;

    PowerCut(int run) {
      this.run = run;
    }

    @Override
    public void onFitStart(FitStart start) {
      fits++;
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int firstBatch, int batches) {
      if (fits == run && epoch == 2) {
        throw new IllegalStateException("power cut in epoch " + epoch);
      }
    }
  }

  @Test
  void anInterruptedSweepContinuesWhereItStopped() throws IOException {
    DemoResult demo = QuickDemo.result();
    Path out = dir.resolve("sweep");
    ExperimentRunner.Builder runner =
        ExperimentRunner.builder().spec(spec(2)).data(demo.culture().preparedFolder()).output(out);

    assertThatThrownBy(() -> runner.listener(new PowerCut(2)).build().run())
        .hasMessage("power cut in epoch 2");
    Path second = out.resolve("runs/resnet18_32px_hidden-32/train");
    EpochRecord firstEpoch = HistoryFiles.read(second).history().epochs().get(0);
    Path third = Files.createDirectories(out.resolve("runs/resnet18_32px_hidden-64/train"));
    Files.writeString(third.resolve("half-written.tmp"), "killed before the first checkpoint");

    ExperimentResult result =
        ExperimentRunner.builder().spec(spec(2)).data(demo.culture().preparedFolder()).output(out).build().run();

    assertThat(result.runs())
        .extracting(r -> r.run().name() + ": " + r.how())
        .containsExactly(
            "resnet18 32px hidden=16: SKIPPED",
            "resnet18 32px hidden=32: RESUMED",
            "resnet18 32px hidden=64: TRAINED");
    assertThat(HistoryFiles.read(second).history().epochs())
        .hasSize(2)
        .first()
        .as("the epoch trained before the interruption is kept, not redone")
        .isEqualTo(firstEpoch);
    assertThat(third.resolve("half-written.tmp")).doesNotExist();
    for (RunOutcome run : result.runs()) {
      assertThat(run.folder().resolve("report/metrics.json")).isNotEmptyFile();
      assertThat(run.folder().resolve("report/index.html")).isNotEmptyFile();
      assertThat(run.metrics().split()).isEqualTo("validation");
      assertThat(run.curves()).hasValueSatisfying(c -> assertThat(c.epochs()).containsExactly(1, 2));
    }
    String page = Files.readString(result.reportPage(), StandardCharsets.UTF_8);
    assertThat(page)
        .contains("Hidden units on the quick demo")
        .contains("href=\"../runs/resnet18_32px_hidden-16/report/index.html\"");
    assertThat(result.reportPage().resolveSibling("figures/headline-accuracy.png")).isNotEmptyFile();
    assertThat(Files.readAllLines(result.resultsCsv()))
        .hasSize(4)
        .first()
        .asString()
        .startsWith("run,folder,architecture,input_size,hidden_units,dropout,batch_norm,stem_layers,head,objects,accuracy");

    ExperimentResult again =
        ExperimentRunner.builder().spec(spec(2)).data(demo.culture().preparedFolder()).output(out).build().run();
    assertThat(again.count(RunOutcome.How.SKIPPED)).isEqualTo(3);
  }

  @Test
  void aYearSweepComparesTheDirectAndTheBinnedHead() throws IOException {
    DemoResult demo = QuickDemo.result();
    ExperimentSpec heads =
        new ExperimentSpec(
            "Year heads on the quick demo",
            "",
            "year",
            ModelRecipe.of("resnet18", 32).withHead(HeadChoice.DIRECT),
            TrainingSettings.builder().epochs(1).batchSize(16).learningRate(0.002).build(),
            List.of(Sweep.heads("year head", List.of(HeadChoice.DIRECT, HeadChoice.binned(4)))));

    ExperimentResult result =
        ExperimentRunner.builder().spec(heads).data(demo.year().preparedFolder()).output(dir.resolve("heads")).build().run();

    assertThat(result.runs())
        .extracting(r -> r.run().name())
        .containsExactly("resnet18 32px head=direct", "resnet18 32px head=binned:4");
    for (RunOutcome run : result.runs()) {
      assertThat(run.how()).isEqualTo(RunOutcome.How.TRAINED);
      assertThat(run.metrics().headline())
          .as("headline metrics of %s", run.run().name())
          .hasEntrySatisfying(HeadlineMetric.MEAN_YEAR_ERROR, e -> assertThat(e).isFinite().isPositive());
    }
    String page = Files.readString(result.reportPage(), StandardCharsets.UTF_8);
    assertThat(page)
        .contains("Year heads on the quick demo")
        .contains("resnet18 32px head=direct")
        .contains("resnet18 32px head=binned:4")
        .contains("href=\"../runs/resnet18_32px_head-direct/report/index.html\"")
        .contains("href=\"../runs/resnet18_32px_head-binned-4/report/index.html\"");
    List<String> csv = Files.readAllLines(result.resultsCsv());
    assertThat(csv).hasSize(3);
    assertThat(csv.get(0)).contains(",meanYearError");
  }

  @Test
  void aTrainingSweepTrainsEachRunWithItsVariantsSettings() throws IOException {
    DemoResult demo = QuickDemo.result();
    ExperimentSpec levers =
        new ExperimentSpec(
            "Label smoothing on the quick demo",
            "",
            "culture",
            ModelRecipe.of("resnet18", 32),
            TrainingSettings.builder().epochs(1).batchSize(16).learningRate(0.002).build(),
            List.of(Sweep.training("lever", List.of(
                TrainingVariant.unchanged("plain"),
                new TrainingVariant("smoothing", TrainingSettings.builder().labelSmoothing(0.1).build())))));

    ExperimentResult result =
        ExperimentRunner.builder().spec(levers).data(demo.culture().preparedFolder()).output(dir.resolve("levers")).build().run();

    assertThat(result.runs())
        .extracting(r -> r.run().name())
        .containsExactly("resnet18 32px plain", "resnet18 32px smoothing");
    List<Double> smoothing = new java.util.ArrayList<>();
    for (RunOutcome run : result.runs()) {
      assertThat(run.how()).isEqualTo(RunOutcome.How.TRAINED);
      var config = HistoryFiles.read(run.folder().resolve("train")).provenance().config();
      assertThat(config.epochs()).as("the experiment's own settings stay").isEqualTo(1);
      smoothing.add(config.loss() == null ? 0.0 : config.loss().labelSmoothing());
    }
    assertThat(smoothing).containsExactly(0.0, 0.1);
    assertThat(Files.readString(result.reportPage(), StandardCharsets.UTF_8))
        .contains("the runs of a training sweep change it as their names say");
  }

  @Test
  void anInputSizeWithoutItsImageCacheIsRefusedBeforeAnyRun() {
    DemoResult demo = QuickDemo.result();
    Path data = demo.culture().preparedFolder(); // one cache, prepared for 48 px inputs
    ExperimentSpec inputs =
        new ExperimentSpec(null, null, "culture", ModelRecipe.of("resnet18", 32), TrainingSettings.defaults(),
            List.of(Sweep.inputs("input size",
                List.of(new InputChoice(32, 0), new InputChoice(48, 0), new InputChoice(96, 1), new InputChoice(128, 1)))));
    Path out = dir.resolve("inputs");

    assertThatThrownBy(() -> ExperimentRunner.builder().spec(inputs).data(data).output(out).build().run())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(data + ": no image cache for the 96 px, 128 px inputs of 2 runs (e.g. 'resnet18 96px stem=1'); it holds r55-c55-")
        .hasMessageEndingWith(": add them with the folder's recipe: metart prepare --csv FILE --task culture [recipe options]"
            + " --images DIR --image-size PX --out " + data + " (once per size)");
    assertThat(out).as("nothing is written before the check").doesNotExist();
  }

  @Test
  void anotherSpecInTheSameFolderIsRefused() throws IOException {
    DemoResult demo = QuickDemo.result();
    Path out = dir.resolve("other");
    Files.createDirectories(out);
    Files.writeString(
        out.resolve(ExperimentRunner.EXPERIMENT_FILE),
        "{\"spec\": {\"title\": \"something else\"}, \"split\": \"validation\", \"dataManifestSha256\": \"x\"}");

    assertThatThrownBy(
            () -> ExperimentRunner.builder().spec(spec(1)).data(demo.culture().preparedFolder()).output(out).build().run())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(out.resolve(ExperimentRunner.EXPERIMENT_FILE) + ": this folder holds another experiment (the spec differs; it was run on other data");
  }

  @Test
  void aYearHeadOnCultureDataIsRefusedBeforeAnyTraining() {
    DemoResult demo = QuickDemo.result();
    ExperimentSpec years =
        new ExperimentSpec(null, null, null, ModelRecipe.of("resnet18", 32), TrainingSettings.defaults(),
            List.of(Sweep.heads("year head", List.of(HeadChoice.DIRECT, HeadChoice.binned(4)))));
    Path out = dir.resolve("heads");

    assertThatThrownBy(
            () -> ExperimentRunner.builder().spec(years).data(demo.culture().preparedFolder()).output(out).build().run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run 'resnet18 32px head=direct' has a year head (direct), but " + demo.culture().preparedFolder() + " holds culture data");
    assertThat(out).doesNotExist();
  }

  @Test
  void aSpecForAnotherTaskIsRefused() {
    DemoResult demo = QuickDemo.result();

    assertThatThrownBy(
            () -> ExperimentRunner.builder().spec(spec(1)).data(demo.year().preparedFolder()).output(dir.resolve("x")).build().run())
        .hasMessage("the experiment is declared for the culture task, but " + demo.year().preparedFolder() + " holds year data");
  }
}
