package io.github.metart.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.models.heads.ClassPrediction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

  private static final double EPS = 1e-12;
  private static final List<String> LABELS =
      List.of("greek", "roman", "egyptian", "chinese", "persian");

  /**
   * Ten objects; chinese occurs once and is never predicted; persian neither occurs nor is
   * predicted.
   */
  private static ClassOutcomes tenObjects() {
    int[] actual = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3};
    int[] predicted = {0, 0, 1, 1, 0, 2, 2, 0, 1, 0};
    return ClassOutcomes.of(LABELS, actual, predicted);
  }

  @Test
  void handComputedAccuracyPrecisionRecallAndF1() {
    ClassificationMetrics m = ClassificationMetrics.of(tenObjects());

    assertThat(m.count()).isEqualTo(10);
    assertThat(m.correct()).isEqualTo(5);
    assertThat(m.accuracy()).isEqualTo(0.5);

    ClassMetrics greek = m.forClass("greek"); // support 3, predicted 5, tp 2
    assertThat(greek.support()).isEqualTo(3);
    assertThat(greek.predictedCount()).isEqualTo(5);
    assertThat(greek.truePositives()).isEqualTo(2);
    assertThat(greek.precision()).isCloseTo(0.4, within(EPS));
    assertThat(greek.recall()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(greek.f1()).isCloseTo(0.5, within(EPS));

    ClassMetrics roman = m.forClass("roman"); // support 2, predicted 3, tp 1
    assertThat(roman.precision()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(roman.recall()).isCloseTo(0.5, within(EPS));
    assertThat(roman.f1()).isCloseTo(0.4, within(EPS));

    ClassMetrics egyptian = m.forClass("egyptian"); // support 4, predicted 2, tp 2
    assertThat(egyptian.precision()).isEqualTo(1.0);
    assertThat(egyptian.recall()).isEqualTo(0.5);
    assertThat(egyptian.f1()).isCloseTo(2.0 / 3, within(EPS));
  }

  @Test
  void aClassNeverPredictedHasZeroPrecisionAndCountsInTheMacroAverage() {
    ClassificationMetrics m = ClassificationMetrics.of(tenObjects());

    ClassMetrics chinese = m.forClass("chinese");
    assertThat(chinese.support()).isEqualTo(1);
    assertThat(chinese.predictedCount()).isZero();
    assertThat(chinese.precision()).isZero();
    assertThat(chinese.recall()).isZero();
    assertThat(chinese.f1()).isZero();
    assertThat(chinese.present()).isTrue();

    // persian neither occurs nor is predicted: undefined and left out of the macro averages
    ClassMetrics persian = m.forClass("persian");
    assertThat(persian.present()).isFalse();
    assertThat(persian.precision()).isNaN();
    assertThat(persian.recall()).isNaN();
    assertThat(persian.f1()).isNaN();

    assertThat(m.macroPrecision()).isCloseTo((0.4 + 1.0 / 3 + 1 + 0) / 4, within(EPS));
    assertThat(m.macroRecall()).isCloseTo((2.0 / 3 + 0.5 + 0.5 + 0) / 4, within(EPS));
    assertThat(m.macroF1()).isCloseTo((0.5 + 0.4 + 2.0 / 3 + 0) / 4, within(EPS));
  }

  @Test
  void aClassPredictedButNeverPresentHasZeroRecall() {
    ClassificationMetrics m =
        ClassificationMetrics.of(
            ClassOutcomes.of(List.of("a", "b"), new int[] {0, 0}, new int[] {0, 1}));

    ClassMetrics b = m.forClass("b");
    assertThat(b.support()).isZero();
    assertThat(b.precision()).isZero();
    assertThat(b.recall()).isZero();
    assertThat(m.macroRecall()).isCloseTo((0.5 + 0) / 2, within(EPS));
    assertThat(m.macroPrecision()).isCloseTo((1 + 0) / 2.0, within(EPS));
  }

  @Test
  void emptyInputGivesNaNNotAnError() {
    ClassificationMetrics m =
        ClassificationMetrics.of(ClassOutcomes.of(LABELS, new int[0], new int[0]));

    assertThat(m.count()).isZero();
    assertThat(m.accuracy()).isNaN();
    assertThat(m.macroPrecision()).isNaN();
    assertThat(m.macroRecall()).isNaN();
    assertThat(m.macroF1()).isNaN();
    assertThat(m.topKAccuracy()).isEmpty();
    assertThat(m.perClass()).hasSize(5).allSatisfy(c -> assertThat(c.present()).isFalse());
  }

  @Test
  void allWrongGivesZeroEverywhere() {
    ClassificationMetrics m =
        ClassificationMetrics.of(
            ClassOutcomes.of(
                List.of("a", "b", "c"), new int[] {0, 1, 2, 0}, new int[] {1, 2, 0, 2}));

    assertThat(m.accuracy()).isZero();
    assertThat(m.macroPrecision()).isZero();
    assertThat(m.macroRecall()).isZero();
    assertThat(m.macroF1()).isZero();
  }

  @Test
  void oneClassIsPerfect() {
    ClassificationMetrics m =
        ClassificationMetrics.of(
            ClassOutcomes.of(List.of("only"), new int[] {0, 0, 0}, new int[] {0, 0, 0}));

    assertThat(m.accuracy()).isEqualTo(1.0);
    assertThat(m.macroPrecision()).isEqualTo(1.0);
    assertThat(m.macroRecall()).isEqualTo(1.0);
    assertThat(m.macroF1()).isEqualTo(1.0);
    assertThat(m.topKAccuracy()).isEmpty(); // k = 3 and 5 are not below one class
  }

  @Test
  void topKAccuracyRanksTheActualClassByProbability() {
    List<String> labels = List.of("a", "b", "c", "d");
    ClassOutcomes p =
        ClassOutcomes.builder(labels)
            .add(ClassOutcome.fromProbabilities(obj(1), 0, new float[] {.6f, .3f, .05f, .05f}))
            .add(ClassOutcome.fromProbabilities(obj(2), 2, new float[] {.5f, .2f, .3f, 0f}))
            .add(ClassOutcome.fromProbabilities(obj(3), 1, new float[] {.5f, .1f, .2f, .2f}))
            .build();

    assertThat(p.outcomes().get(0).rankOfActual()).isZero();
    assertThat(p.outcomes().get(1).rankOfActual()).isEqualTo(1);
    assertThat(p.outcomes().get(2).rankOfActual()).isEqualTo(3);

    ClassificationMetrics m = ClassificationMetrics.of(p, List.of(1, 2, 3, 4));
    assertThat(m.topK(1)).hasValue(1.0 / 3);
    assertThat(m.topK(1).getAsDouble()).isEqualTo(m.accuracy());
    assertThat(m.topK(2)).hasValue(2.0 / 3);
    assertThat(m.topK(3)).hasValue(2.0 / 3);
    assertThat(m.topK(4)).hasValue(1.0);
    assertThat(m.topK(5)).isEmpty();

    // the default: k = 3 only, because 5 is not below 4 classes
    assertThat(ClassificationMetrics.of(p).topKAccuracy()).containsOnlyKeys(3);
  }

  @Test
  void tiesRankThePredictedClassFirstThenLowerIndices() {
    ClassOutcome tie = ClassOutcome.fromProbabilities(obj(1), 1, new float[] {.4f, .4f, .2f});
    assertThat(tie.predicted()).isZero();
    assertThat(tie.rankOfActual()).isEqualTo(1);

    ClassOutcome lowerIndexWins =
        ClassOutcome.fromProbabilities(obj(2), 2, new float[] {.1f, .3f, .3f, .3f});
    assertThat(lowerIndexWins.predicted()).isEqualTo(1);
    assertThat(lowerIndexWins.rankOfActual()).isEqualTo(1);

    // a predicted class tied with lower-indexed classes still ranks first
    List<Double> tied = List.of(.3, .3, .3, .1);
    assertThat(new ClassOutcome(obj(3), 0, 2, tied).rankOfActual()).isEqualTo(1);
    assertThat(new ClassOutcome(obj(4), 1, 2, tied).rankOfActual()).isEqualTo(2);
    assertThat(new ClassOutcome(obj(5), 3, 2, tied).rankOfActual()).isEqualTo(3);
  }

  @Test
  void anOutcomeOfAModelPredictionKeepsItsTopClassAndRanks() {
    List<String> labels = List.of("a", "b", "c", "d");
    ClassPrediction prediction = new ClassPrediction(labels, new float[] {.1f, .35f, .35f, .2f});

    ClassOutcome outcome = ClassOutcome.of(obj(1), 3, prediction);

    assertThat(outcome.predicted()).isEqualTo(prediction.topIndex()).isEqualTo(1);
    assertThat(outcome.rankOfActual()).isEqualTo(prediction.rankOf(3)).isEqualTo(2);
    assertThat(outcome.confidence()).isEqualTo(prediction.topProbability(), within(1e-7));
    assertThat(ClassOutcome.of(obj(2), 1, prediction).rankOfActual()).isZero();
  }

  @Test
  void topKWithoutProbabilitiesIsAClearError() {
    assertThatThrownBy(() -> ClassificationMetrics.of(tenObjects(), List.of(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("object 1 has no class probabilities: top-3 accuracy needs them");
    assertThatThrownBy(() -> ClassificationMetrics.of(tenObjects(), List.of(0)))
        .hasMessageContaining("k of 1 or more");
  }

  private static ObjectMetadata obj(long id) {
    return ObjectMetadata.ofId(id);
  }
}
