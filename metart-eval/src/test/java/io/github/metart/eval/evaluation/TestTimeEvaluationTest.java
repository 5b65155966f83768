package io.github.metart.eval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.SourceValues;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.models.MetModel;
import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.predict.TestTimeAugmentation;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Evaluation with test-time augmentation: the averaged predictions, and metrics.json says so. */
class TestTimeEvaluationTest {

  private static final int SIZE = 64;
  private static final int SQUARE = 72;
  private static final int N = 5;
  private static final List<String> LABELS = List.of("chinese", "greek", "roman");

  private static List<LabeledObject> objects() {
    List<LabeledObject> objects = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      SourceValues source =
          new SourceValues("17." + i, "Asian Art", "Ceramics", "Bowl", "Bowl " + i, "", "", "", "",
              OptionalInt.empty(), OptionalInt.empty(), true);
      objects.add(LabeledObject.of(100 + i, LABELS.get(i % 3), 1600, YearRange.of(1590, 1610), YearSource.COLUMNS, source));
    }
    return objects;
  }

  @Test
  void eachObjectsProbabilitiesAreTheMeanOverItsViewsAndTheReportSaysWhich() throws Exception {
    try (NDManager manager = NDManager.newBaseManager();
        MetModel model =
            MetModel.create(new ModelSpec(Architecture.ALEXNET, 3, SIZE, false, 16, 0.0, 0, 32, HeadSpec.classifier(LABELS)))) {
      NDArray squares = manager.randomUniform(-1, 1, new Shape(N, 3, SQUARE, SQUARE));
      float[] labels = new float[N];
      for (int i = 0; i < N; i++) {
        labels[i] = i % 3;
      }
      ArrayDataset dataset =
          new ArrayDataset.Builder()
              .setData(squares)
              .optLabels(manager.create(labels, new Shape(N, 1)))
              .setSampling(2, false)
              .build();

      EvaluationReport plain =
          Evaluator.builder().batchSize(2).build().evaluate(model, dataset, i -> 100 + i, objects());
      EvaluationReport averaged =
          Evaluator.builder()
              .batchSize(2)
              .testTimeAugmentation(TestTimeAugmentation.FLIP_CROPS)
              .build()
              .evaluate(model, dataset, i -> 100 + i, objects());

      List<ClassOutcome> once = ((ClassificationResult) plain.result()).outcomes().outcomes();
      List<ClassOutcome> tta = ((ClassificationResult) averaged.result()).outcomes().outcomes();
      int centre = (SQUARE - SIZE) / 2;
      int far = SQUARE - SIZE;
      int[][] corners = {{centre, centre}, {0, 0}, {0, far}, {far, 0}, {far, far}};
      for (int i = 0; i < N; i++) {
        NDArray image = squares.get(new NDIndex("{}:{}", i, i + 1));
        float[] mean = new float[3];
        for (int[] corner : corners) {
          NDArray crop =
              image.get(new NDIndex(":, :, {}:{}, {}:{}", corner[0], corner[0] + SIZE, corner[1], corner[1] + SIZE));
          for (NDArray view : new NDArray[] {crop, crop.flip(3)}) {
            ClassPrediction p = (ClassPrediction) model.predict(view.duplicate()).get(0);
            for (int c = 0; c < 3; c++) {
              mean[c] += p.probability(c) / 10;
            }
          }
          if (corner == corners[0]) {
            ClassPrediction centreOnly = (ClassPrediction) model.predict(crop.duplicate()).get(0);
            for (int c = 0; c < 3; c++) {
              assertThat(once.get(i).probabilities().get(c)).isCloseTo(centreOnly.probability(c), within(1e-5));
            }
          }
        }
        for (int c = 0; c < 3; c++) {
          assertThat(tta.get(i).probabilities().get(c)).isCloseTo(mean[c], within(1e-5));
        }
      }
      assertThat(plain.testTimeAugmentation()).isEqualTo(TestTimeAugmentation.NONE);
      assertThat(MetricsJson.toJson(plain).get("testTimeAugmentation").asText()).isEqualTo("none");
      assertThat(MetricsJson.toJson(averaged).get("testTimeAugmentation").asText()).isEqualTo("flip-crops");
    }
  }
}
