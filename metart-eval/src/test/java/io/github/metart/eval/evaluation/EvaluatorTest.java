package io.github.metart.eval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.SourceValues;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import io.github.metart.eval.metrics.YearBaseline;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.YearOutcomes;
import io.github.metart.eval.report.RunReport;
import io.github.metart.models.MetModel;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real (tiny, untrained) network run over a DJL dataset, joined back to labeled objects. */
class EvaluatorTest {

  private static final int SIZE = 64;
  private static final int N = 11; // not a multiple of the batch size
  private static final List<String> LABELS = List.of("chinese", "greek", "roman");

  private static NDManager manager;

  @BeforeAll
  static void engine() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static ModelSpec spec(HeadSpec head) {
    return new ModelSpec(Architecture.ALEXNET, 3, SIZE, false, 16, 0.0, 0, 32, head);
  }

  private static SourceValues source(int i) {
    return new SourceValues(
        "17." + i, i % 2 == 0 ? "Asian Art" : "Greek and Roman Art", "Ceramics", "Bowl", "Bowl " + i,
        "", "", "", "", OptionalInt.empty(), OptionalInt.empty(), true);
  }

  private static long objectId(long index) {
    return 5000 + index * 7;
  }

  /** Objects in another order than the dataset, so the join has to work by Object ID. */
  private static List<LabeledObject> objects() {
    List<LabeledObject> objects = new ArrayList<>();
    for (int i = N - 1; i >= 0; i--) {
      int year = 1500 + 30 * i;
      objects.add(
          LabeledObject.of(
              objectId(i), LABELS.get(i % 3), year, YearRange.of(year - 10, year + 10), YearSource.COLUMNS, source(i)));
    }
    return objects;
  }

  private static ArrayDataset dataset(float[] labels) {
    NDArray images = manager.randomUniform(0, 1, new Shape(N, 3, SIZE, SIZE));
    NDArray targets = manager.create(labels, new Shape(N, 1));
    return new ArrayDataset.Builder().setData(images).optLabels(targets).setSampling(4, false).build();
  }

  @Test
  void classifierPredictionsAreJoinedToTheirObjects() {
    float[] labels = new float[N];
    for (int i = 0; i < N; i++) {
      labels[i] = i % 3;
    }
    try (MetModel model = MetModel.create(spec(HeadSpec.classifier(LABELS)))) {
      Evaluator evaluator = Evaluator.builder().batchSize(4).split("validation").build();
      ClassOutcomes p = evaluator.predictClasses(model, dataset(labels), EvaluatorTest::objectId, objects());

      assertThat(p.labels()).isEqualTo(LABELS);
      assertThat(p.outcomes()).hasSize(N);
      for (int i = 0; i < N; i++) {
        var prediction = p.outcomes().get(i);
        assertThat(prediction.object().objectId()).isEqualTo(objectId(i));
        assertThat(prediction.actual()).isEqualTo(i % 3);
        assertThat(prediction.object().title()).isEqualTo("Bowl " + i);
        assertThat(prediction.probabilities().stream().mapToDouble(Double::doubleValue).sum())
            .isCloseTo(1.0, within(1e-4));
      }

      EvaluationReport report = evaluator.evaluate(model, dataset(labels), EvaluatorTest::objectId, objects());
      assertThat(report.model()).isEqualTo(model.spec().name());
      assertThat(report.split()).isEqualTo("validation");
      assertThat(report.result()).isInstanceOf(ClassificationResult.class);
      assertThat(report.result().count()).isEqualTo(N);
      assertThat(((ClassificationResult) report.result()).breakdowns().get(0).groups())
          .extracting(g -> g.group())
          .containsExactlyInAnyOrder("Asian Art", "Greek and Roman Art");
    }
  }

  @Test
  void yearPredictionsCarryTheTargetYearAndInterval() {
    float[] labels = new float[N];
    for (int i = 0; i < N; i++) {
      labels[i] = (1500 + 30 * i - 1400) / 600f;
    }
    try (MetModel model = MetModel.create(spec(HeadSpec.regression(1400, 2000)))) {
      Evaluator evaluator = Evaluator.builder().batchSize(5).baseline(YearBaseline.meanTrainingYear(1700)).modelName("tiny").build();

      YearOutcomes p = evaluator.predictYears(model, dataset(labels), EvaluatorTest::objectId, objects());
      assertThat(p.outcomes()).hasSize(N);
      assertThat(p.outcomes().get(3).actualYear()).isEqualTo(1590);
      assertThat(p.outcomes().get(3).intervalBegin()).isEqualTo(1580);
      assertThat(p.outcomes().get(3).intervalEnd()).isEqualTo(1600);
      for (double y : p.predictedYears()) {
        assertThat(y).isBetween(1400.0, 2000.0);
      }

      EvaluationReport report = evaluator.evaluate(model, dataset(labels), EvaluatorTest::objectId, objects());
      YearResult result = (YearResult) report.result();
      assertThat(report.model()).isEqualTo("tiny");
      assertThat(result.metrics().baselineGuess().year()).isEqualTo(1700);
      assertThat(result.metrics().baseline().meanYearError())
          .isCloseTo(
              java.util.stream.IntStream.range(0, N).map(i -> Math.abs(1500 + 30 * i - 1700)).average().orElseThrow(),
              within(1e-9));
    }
  }

  @Test
  void withoutTrainingYearsTheBaselineIsAFallbackThatEveryOutputStates(@TempDir Path dir)
      throws IOException {
    float[] labels = new float[N];
    for (int i = 0; i < N; i++) {
      labels[i] = (1500 + 30 * i - 1400) / 600f;
    }
    try (MetModel model = MetModel.create(spec(HeadSpec.regression(1400, 2000)))) {
      Evaluator evaluator = Evaluator.builder().split("validation").modelName("tiny").build();

      EvaluationReport report =
          evaluator.evaluate(model, dataset(labels), EvaluatorTest::objectId, objects());

      YearBaseline baseline = ((YearResult) report.result()).metrics().baselineGuess();
      double splitMean =
          java.util.stream.IntStream.range(0, N).map(i -> 1500 + 30 * i).average().orElseThrow();
      assertThat(baseline.fallback()).isTrue();
      assertThat(baseline.year()).isEqualTo(splitMean);
      assertThat(baseline.source()).isEqualTo("mean year of the evaluated validation split");
      String note = "a fallback: no training mean was given, so the baseline is the mean of the"
          + " evaluated split itself";
      assertThat(baseline.describe())
          .isEqualTo("mean year of the evaluated validation split, " + YearBaseline.FALLBACK_NOTE)
          .contains(note);

      JsonNode json = MetricsJson.toJson(report);
      assertThat(json.at("/year/baseline/fallback").asBoolean()).isTrue();
      assertThat(json.at("/year/baseline/description").asText()).isEqualTo(baseline.describe());
      assertThat(MarkdownReport.render(report)).contains(baseline.describe());
      String html = Files.readString(RunReport.of(report).writeTo(dir).page());
      assertThat(html).contains(baseline.describe());
      assertThat(report.summaryLine())
          .endsWith(
              " (baseline: mean year of the evaluated validation split, a fallback: no training"
                  + " mean given)");

      // with the training mean, no output speaks of a fallback
      EvaluationReport trained =
          Evaluator.builder()
              .baseline(YearBaseline.meanTrainingYear(1700))
              .build()
              .evaluate(model, dataset(labels), EvaluatorTest::objectId, objects());
      assertThat(MetricsJson.toJson(trained).at("/year/baseline/fallback").asBoolean()).isFalse();
      assertThat(MarkdownReport.render(trained)).doesNotContain("fallback");
      assertThat(trained.summaryLine()).doesNotContain("fallback");
    }
  }

  @Test
  void theBaselineComesFromTheTrainingYears() {
    List<LabeledObject> train =
        List.of(
            LabeledObject.of(1, "a", 1600, YearRange.of(1600), YearSource.COLUMNS, source(1)),
            LabeledObject.of(2, "a", 1800, YearRange.of(1800), YearSource.COLUMNS, source(2)),
            LabeledObject.withoutYears(3, "b", source(3)));

    Evaluator evaluator = Evaluator.builder().baselineFromTraining(train).build();

    float[] labels = new float[N];
    try (MetModel model = MetModel.create(spec(HeadSpec.binnedYear(1400, 2000, 12)))) {
      YearResult result =
          (YearResult) evaluator.evaluate(model, dataset(labels), EvaluatorTest::objectId, objects()).result();
      assertThat(result.metrics().baselineGuess()).isEqualTo(new YearBaseline(1700, "mean training year"));
    }
  }

  @Test
  void mismatchesNameTheObjectOrIndex() {
    float[] labels = new float[N];
    try (MetModel model = MetModel.create(spec(HeadSpec.classifier(LABELS)))) {
      Evaluator evaluator = Evaluator.builder().batchSize(4).build();

      // the dataset says class 0 (chinese) for every object, but object index 1 is labeled greek
      assertThatThrownBy(() -> evaluator.evaluate(model, dataset(labels), EvaluatorTest::objectId, objects()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "object 5007: its dataset label is class 0 ('chinese') of the model, but the object is"
                  + " labeled 'greek': the model and the dataset use different label lists");
      assertThatThrownBy(
              () -> evaluator.evaluate(model, dataset(labels), index -> 42, objects()))
          .hasMessage("dataset index 0 holds object 42, which is not among the 11 labeled objects given");
      assertThatThrownBy(() -> evaluator.predictYears(model, dataset(labels), EvaluatorTest::objectId, objects()))
          .hasMessage("alexnet is not a year model: its head is classifier (3 classes)");
    }
  }

  @Test
  void noArraysAreLeftBehind() {
    float[] labels = new float[N];
    for (int i = 0; i < N; i++) {
      labels[i] = i % 3;
    }
    ArrayDataset data = dataset(labels);
    try (MetModel model = MetModel.create(spec(HeadSpec.classifier(LABELS)))) {
      NDManager modelManager = model.djlModel().getNDManager();
      int before = modelManager.getManagedArrays().size();
      Evaluator.defaults().evaluate(model, data, EvaluatorTest::objectId, objects());
      assertThat(modelManager.getManagedArrays()).hasSize(before);
    }
  }
}
