package io.github.metart.models.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.metart.models.spec.HeadSpec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.github.metart.models.engine.MetEngine;

/** The three heads against hand-computed values. */
class HeadsTest {

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = MetEngine.newManager(null);
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private NDArray rows(float[]... values) {
    float[] flat = new float[values.length * values[0].length];
    for (int i = 0; i < values.length; i++) {
      System.arraycopy(values[i], 0, flat, i * values[0].length, values[0].length);
    }
    return manager.create(flat, new Shape(values.length, values[0].length));
  }

  private static float ln(double x) {
    return (float) Math.log(x);
  }

  @Test
  void headOfPicksTheImplementationAndKind() {
    assertThat(Head.of(HeadSpec.classifier(3))).isInstanceOf(ClassifierHead.class);
    assertThat(Head.of(HeadSpec.regression(1500, 1900))).isInstanceOf(RegressionHead.class);
    assertThat(Head.of(HeadSpec.binnedYear(1500, 1900, 8))).isInstanceOf(BinnedYearHead.class);
    assertThat(Head.of(HeadSpec.binnedYear(1500, 1900, 8)).outputUnits()).isEqualTo(8);
    assertThat(Head.of(HeadSpec.cultureYear(HeadSpec.classifier(3), HeadSpec.regression(1500, 1900))))
        .isInstanceOf(CultureYearHead.class);
  }

  @Test
  void classifierTurnsLogitsIntoSoftmaxProbabilitiesAndTopK() {
    ClassifierHead head = new ClassifierHead(HeadSpec.classifier(List.of("Japan", "China", "Egypt")));
    // probabilities 0.2, 0.5, 0.3 from their logarithms
    NDArray logits = rows(new float[] {ln(0.2), ln(0.5), ln(0.3)}, new float[] {0, 0, 0});

    List<ClassPrediction> predictions = head.predict(logits);

    assertThat(predictions).hasSize(2);
    ClassPrediction first = predictions.get(0);
    assertThat(first.probabilities()).containsExactly(new float[] {0.2f, 0.5f, 0.3f}, within(1e-6f));
    assertThat(first.topLabel()).isEqualTo("China");
    assertThat(first.topIndex()).isEqualTo(1);
    assertThat(first.topK(2))
        .extracting(LabelProbability::label)
        .containsExactly("China", "Egypt");
    assertThat(first.topK(10)).hasSize(3);
    assertThat(first.rankOf(0)).isEqualTo(2);
    assertThat(first.describe()).isEqualTo("China 0.500");
    assertThat(predictions.get(1).probability(2)).isCloseTo(1f / 3, within(1e-6f));
  }

  @Test
  void classifierTargetsAreTheClassIndices() {
    ClassifierHead head = new ClassifierHead(HeadSpec.classifier(4));
    NDArray labels = manager.create(new float[] {3, 0}, new Shape(2, 1));

    assertThat(head.trainingTargets(labels).toFloatArray()).containsExactly(3f, 0f);
    assertThat(head.labels()).containsExactly("0", "1", "2", "3");
  }

  @Test
  void classifierRejectsOutputsOfTheWrongWidth() {
    ClassifierHead head = new ClassifierHead(HeadSpec.classifier(4));

    assertThatThrownBy(() -> head.predict(rows(new float[] {1, 2, 3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected outputs of shape [B, 4], got (1, 3)");
  }

  @Test
  void regressionMapsTheNormalizedOutputBackToAYear() {
    RegressionHead head = new RegressionHead(HeadSpec.regression(1500, 1900));
    NDArray outputs = manager.create(new float[] {0f, 0.25f, 1f, 1.3f, -0.2f}, new Shape(5, 1));

    List<YearPrediction> predictions = head.predict(outputs);

    assertThat(predictions)
        .extracting(YearPrediction::year)
        .containsExactly(1500.0, 1600.0, 1900.0, 1900.0, 1500.0);
    assertThat(predictions.get(1).normalized()).isEqualTo(0.25);
    assertThat(predictions.get(1).binProbabilities()).isEmpty();
    assertThat(head.normalize(1750)).isEqualTo(0.625);
    assertThat(head.toYear(0.625)).isEqualTo(1750.0);
    assertThat(head.normalizedYears(outputs).toFloatArray())
        .containsExactly(0f, 0.25f, 1f, 1f, 0f);
  }

  @Test
  void regressionHandlesBcYears() {
    RegressionHead head = new RegressionHead(HeadSpec.regression(-3000, 1000));

    assertThat(head.toYear(0.5)).isEqualTo(-1000.0);
    assertThat(head.normalize(-3000)).isZero();
  }

  @Test
  void binnedYearTargetsAreBinIndices() {
    BinnedYearHead head = new BinnedYearHead(HeadSpec.binnedYear(1500, 1900, 4));
    // years 1500, 1599, 1600, 1750, 1899, 1900
    NDArray labels =
        manager.create(
            new float[] {0f, 0.2475f, 0.25f, 0.625f, 0.9975f, 1f}, new Shape(6, 1));

    NDArray bins = head.trainingTargets(labels);

    assertThat(bins.getShape()).isEqualTo(new Shape(6, 1));
    assertThat(bins.toFloatArray()).containsExactly(0f, 0f, 1f, 2f, 3f, 3f);
    assertThat(head.binOf(0.25)).isEqualTo(1);
    assertThat(head.binOf(1.0)).isEqualTo(3);
    assertThat(head.binOf(-0.1)).isZero();
  }

  @Test
  void binnedIntervalTargetsSumToOneOverExactlyTheCoveredBins() {
    BinnedYearHead head = new BinnedYearHead(HeadSpec.binnedYear(1500, 1900, 4)); // 100 years a bin
    io.github.metart.data.dataset.YearTarget target = head.target();
    // (year, begin, end): 1550-1650 (half in bin 0, half in bin 1); 1600-1700 (exactly bin 1);
    // 1525-1875 (75 of bin 0, bins 1 and 2 whole, 75 of bin 3); the single year 1750 (bin 2);
    // 1450-1550, reaching before the range (only its 50 years inside count: bin 0)
    int[][] intervals = {{1550, 1650}, {1600, 1700}, {1525, 1875}, {1750, 1750}, {1450, 1550}};
    float[] flat = new float[intervals.length * 3];
    for (int i = 0; i < intervals.length; i++) {
      flat[i * 3] = (float) target.normalize(intervals[i][0]);
      flat[i * 3 + 1] = (float) target.normalize(intervals[i][0]);
      flat[i * 3 + 2] = (float) target.normalize(intervals[i][1]);
    }

    NDArray soft = head.trainingTargets(manager.create(flat, new Shape(intervals.length, 3)));

    assertThat(soft.getShape()).isEqualTo(new Shape(intervals.length, 4));
    float[] t = soft.toFloatArray();
    float[][] expected = {
      {0.5f, 0.5f, 0, 0},
      {0, 1, 0, 0},
      {75f / 350, 100f / 350, 100f / 350, 75f / 350},
      {0, 0, 1, 0},
      {1, 0, 0, 0}
    };
    for (int i = 0; i < intervals.length; i++) {
      float sum = 0;
      for (int bin = 0; bin < 4; bin++) {
        float value = t[i * 4 + bin];
        sum += value;
        assertThat(value).as("interval %s, bin %s", i, bin).isCloseTo(expected[i][bin], within(1e-5f));
        assertThat(value > 0).as("interval %s covers bin %s", i, bin).isEqualTo(expected[i][bin] > 0);
      }
      assertThat(sum).isCloseTo(1f, within(1e-5f));
    }
  }

  @Test
  void regressionIntervalTargetsAreTheBeginAndEnd() {
    RegressionHead head = new RegressionHead(HeadSpec.regression(1500, 1900));
    NDArray labels = rows(new float[] {0.3f, 0.25f, 0.5f}, new float[] {0.9f, 0.9f, 0.9f});

    NDArray targets = head.trainingTargets(labels);

    assertThat(targets.getShape()).isEqualTo(new Shape(2, 2));
    assertThat(targets.toFloatArray()).containsExactly(0.25f, 0.5f, 0.9f, 0.9f);
    NDArray points = manager.create(new float[] {0.3f, 0.9f}, new Shape(2, 1));
    assertThat(head.trainingTargets(points).toFloatArray()).containsExactly(0.3f, 0.9f);
  }

  @Test
  void cultureYearSplitsOutputsLabelsAndTargetsBetweenItsTwoHeads() {
    HeadSpec.CultureYear spec =
        HeadSpec.cultureYear(HeadSpec.classifier(List.of("a", "b", "c")), HeadSpec.binnedYear(1500, 1900, 4));
    CultureYearHead head = (CultureYearHead) Head.of(spec);
    assertThat(head.outputUnits()).isEqualTo(3 + 4);
    assertThat(spec.describe())
        .isEqualTo("culture+year (classifier (3 classes) + binned-year (1500..1900, 4 bins))");

    // labels [class, year]: class 2 at 1750 (bin 2), class 0 at 1500 (bin 0)
    NDArray points = rows(new float[] {2f, 0.625f}, new float[] {0f, 0f});
    assertThat(head.trainingTargets(points).getShape()).isEqualTo(new Shape(2, 2));
    assertThat(head.trainingTargets(points).toFloatArray()).containsExactly(2f, 2f, 0f, 0f);
    // labels [class, year, begin, end]: 1550..1650 spreads over bins 0 and 1
    NDArray intervals = rows(new float[] {1f, 0.25f, 0.125f, 0.375f});
    assertThat(head.trainingTargets(intervals).toFloatArray())
        .containsExactly(new float[] {1f, 0.5f, 0.5f, 0f, 0f}, within(1e-6f));

    // outputs: logits favouring class 1, then bin logits all equal (expected year: the middle)
    List<CultureYearPrediction> predictions =
        head.predict(rows(new float[] {0f, 3f, 0f, 1f, 1f, 1f, 1f}));
    assertThat(predictions).hasSize(1);
    assertThat(predictions.get(0).culture().topLabel()).isEqualTo("b");
    assertThat(predictions.get(0).year().year()).isCloseTo(1700, within(1e-3));
    assertThatThrownBy(() -> head.trainingTargets(rows(new float[] {1f})))
        .hasMessageContaining("culture+year labels are [B, 1 + W]");
    assertThatThrownBy(() -> HeadSpec.cultureYear(HeadSpec.classifier(2), HeadSpec.classifier(3)))
        .hasMessageContaining("must be a regression or binned-year head");
  }

  @Test
  void binnedYearPredictsTheExpectedYearUnderTheSoftmax() {
    BinnedYearHead head = new BinnedYearHead(HeadSpec.binnedYear(1500, 1900, 4));
    // bin centres 1550, 1650, 1750, 1850
    assertThat(head.binCentreYear(0)).isEqualTo(1550.0);
    assertThat(head.binCentreYear(3)).isEqualTo(1850.0);
    // p = 0.1, 0.2, 0.3, 0.4: 155 + 330 + 525 + 740 = 1750; uniform: 1700; certain bin 0: 1550
    NDArray logits =
        rows(
            new float[] {ln(0.1), ln(0.2), ln(0.3), ln(0.4)},
            new float[] {0, 0, 0, 0},
            new float[] {40, 0, 0, 0});

    List<YearPrediction> predictions = head.predict(logits);

    assertThat(predictions.get(0).year()).isCloseTo(1750.0, within(1e-3));
    assertThat(predictions.get(0).normalized()).isCloseTo(0.625, within(1e-6));
    assertThat(predictions.get(0).binProbabilities())
        .containsExactly(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, within(1e-6f));
    assertThat(predictions.get(1).year()).isCloseTo(1700.0, within(1e-3));
    assertThat(predictions.get(2).year()).isCloseTo(1550.0, within(1e-3));
    assertThat(predictions.get(0).describe()).isEqualTo("1750");
    assertThat(head.normalizedYears(logits).toFloatArray())
        .containsExactly(new float[] {0.625f, 0.5f, 0.125f}, within(1e-5f));
  }
}
