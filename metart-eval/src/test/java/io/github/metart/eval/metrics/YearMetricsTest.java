package io.github.metart.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearMetricsTest {

  private static final double EPS = 1e-9;

  /** Errors 10, -50, 100 and 0 years; two predictions fall inside their object's interval. */
  private static YearOutcomes four() {
    return YearOutcomes.builder()
        .add(ObjectMetadata.ofId(1), 1800, 1810, 1790, 1820)
        .add(ObjectMetadata.ofId(2), 1900, 1850, 1880, 1920)
        .add(ObjectMetadata.ofId(3), 1500, 1600, 1500, 1525)
        .add(ObjectMetadata.ofId(4), -300, -300, -350, -250)
        .build();
  }

  @Test
  void handComputedYearErrors() {
    YearErrorStats s = YearErrorStats.ofOutcomes(four().outcomes());

    assertThat(s.count()).isEqualTo(4);
    assertThat(s.meanYearError()).isCloseTo(40, within(EPS));
    assertThat(s.medianYearError()).isCloseTo(30, within(EPS));
    assertThat(s.rootMeanSquaredError()).isCloseTo(Math.sqrt(3150), within(EPS));
    assertThat(s.meanSignedError()).isCloseTo(15, within(EPS));
    assertThat(s.within25()).isEqualTo(0.5);
    assertThat(s.within50()).isEqualTo(0.75); // 50 years exactly counts
    assertThat(s.insideInterval()).isEqualTo(0.5);
  }

  @Test
  void theErrorToTheIntervalIsZeroInsideAndTheDistanceToTheNearerEndOutside() {
    YearErrorStats s = YearErrorStats.ofOutcomes(four().outcomes());
    // 1810 in 1790..1820: 0; 1850 before 1880..1920: 30; 1600 after 1500..1525: 75; -300 inside: 0
    assertThat(s.meanIntervalError()).isCloseTo((0 + 30 + 75 + 0) / 4.0, within(EPS));
    assertThat(s.insideInterval()).isEqualTo(0.5);

    // guessing 1500 always: 290 + 380 + 0 (the interval begins at 1500) + 1750
    YearMetrics m = YearMetrics.of(four(), YearBaseline.meanTrainingYear(1500));
    assertThat(m.baseline().meanIntervalError()).isCloseTo((290 + 380 + 0 + 1750) / 4.0, within(EPS));
    assertThat(io.github.metart.eval.outcomes.YearOutcome.intervalError(1525.5, 1500, 1525))
        .isCloseTo(0.5, within(EPS));
  }

  @Test
  void theConstantGuessBaselineSitsBesideTheModel() {
    YearMetrics m = YearMetrics.of(four(), YearBaseline.meanTrainingYear(1500));

    assertThat(m.count()).isEqualTo(4);
    assertThat(m.meanYearError()).isCloseTo(40, within(EPS));
    YearErrorStats b = m.baseline(); // errors 300, 400, 0, 1800
    assertThat(b.meanYearError()).isCloseTo(625, within(EPS));
    assertThat(b.medianYearError()).isCloseTo(350, within(EPS));
    assertThat(b.meanSignedError()).isCloseTo((-300 - 400 + 0 + 1800) / 4.0, within(EPS));
    assertThat(b.within25()).isEqualTo(0.25);
    assertThat(b.insideInterval()).isEqualTo(0.25);
    assertThat(m.baselineGuess().source()).isEqualTo("mean training year");
    assertThat(m.improvementOverBaseline()).isCloseTo((625 - 40) / 625.0, within(EPS));
  }

  @Test
  void baselineIsTheMeanOfTheGivenYears() {
    assertThat(YearBaseline.meanOf(List.of(1500, 1700, 1900), "train").year()).isEqualTo(1700);
    assertThat(YearBaseline.meanOf(new double[] {-100, 100}, "train").year()).isZero();
    assertThatThrownBy(() -> YearBaseline.meanOf(new double[0], "mean training year"))
        .hasMessage("the baseline needs at least one year (mean training year)");
  }

  @Test
  void insideIntervalRoundsToTheNearestYear() {
    YearOutcomes p =
        YearOutcomes.builder()
            .add(ObjectMetadata.ofId(1), 1820, 1820.4, 1800, 1820)
            .add(ObjectMetadata.ofId(2), 1820, 1820.5, 1800, 1820)
            .add(ObjectMetadata.ofId(3), -500, -500.5, -500, -500) // halves go up: -500
            .build();

    assertThat(p.outcomes()).extracting(pr -> pr.insideInterval()).containsExactly(true, false, true);
  }

  @Test
  void emptyInputGivesNaN() {
    YearMetrics m = YearMetrics.of(YearOutcomes.of(new double[0], new double[0]), YearBaseline.meanTrainingYear(1700));

    assertThat(m.count()).isZero();
    assertThat(m.model().meanYearError()).isNaN();
    assertThat(m.model().medianYearError()).isNaN();
    assertThat(m.model().within50()).isNaN();
    assertThat(m.baseline().meanYearError()).isNaN();
    assertThat(m.improvementOverBaseline()).isNaN();
  }

  @Test
  void onePredictionIsItsOwnMedian() {
    YearErrorStats s =
        YearErrorStats.ofOutcomes(
            YearOutcomes.of(new double[] {1750}, new double[] {1720}).outcomes());

    assertThat(s.meanYearError()).isEqualTo(30);
    assertThat(s.medianYearError()).isEqualTo(30);
    assertThat(s.rootMeanSquaredError()).isEqualTo(30);
    assertThat(s.within25()).isZero();
    assertThat(s.within50()).isEqualTo(1.0);
  }

  @Test
  void allWrongByCenturies() {
    YearErrorStats s =
        YearErrorStats.ofOutcomes(
            YearOutcomes.of(new double[] {1000, 1200}, new double[] {1500, 1700}).outcomes());

    assertThat(s.meanYearError()).isEqualTo(500);
    assertThat(s.within25()).isZero();
    assertThat(s.within50()).isZero();
    assertThat(s.insideInterval()).isZero();
    assertThat(YearErrorStats.shareWithin(YearOutcomes.of(new double[] {0, 0}, new double[] {10, 30}).outcomes(), 20)).isEqualTo(0.5);
  }
}
