package io.github.metart.data.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class YearRangeTest {

  @Test
  void rejectsAReversedInterval() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> YearRange.of(1800, 1700))
        .withMessageContaining("begin <= end")
        .withMessageContaining("1800..1700");
  }

  @Test
  void measuresAndCompares() {
    YearRange century = YearRange.of(1700, 1799);

    assertThat(century.length()).isEqualTo(100);
    assertThat(century.span()).isEqualTo(99);
    assertThat(century.midpoint()).isEqualTo(1749);
    assertThat(YearRange.of(-99, -1).midpoint()).isEqualTo(-50);
    assertThat(century.contains(1700)).isTrue();
    assertThat(century.contains(1800)).isFalse();
    assertThat(century.contains(YearRange.of(1750, 1799))).isTrue();
    assertThat(century.overlaps(YearRange.of(1799, 1850))).isTrue();
    assertThat(century.overlaps(YearRange.of(1800, 1850))).isFalse();
    assertThat(century.union(YearRange.of(1900, 1910))).isEqualTo(YearRange.of(1700, 1910));
    assertThat(century.intersection(YearRange.of(1750, 1850))).contains(YearRange.of(1750, 1799));
    assertThat(century.intersection(YearRange.of(1800, 1850))).isEmpty();
    assertThat(century.gapTo(YearRange.of(1800, 1850))).isZero();
    assertThat(century.gapTo(YearRange.of(1810, 1850))).isEqualTo(10);
    assertThat(YearRange.of(1810, 1850).gapTo(century)).isEqualTo(10);
    assertThat(century.widen(5)).isEqualTo(YearRange.of(1695, 1804));
    assertThat(YearRange.of(1785)).hasToString("1785");
    assertThat(century).hasToString("1700..1799");
  }

  @Test
  void agreementAllowsTheToleranceOnBothEnds() {
    YearRange met = YearRange.of(1850, 1900);

    assertThat(YearRange.of(1866, 1899).agreesWith(met, 25)).isTrue();
    assertThat(YearRange.of(1825, 1925).agreesWith(met, 25)).isTrue();
    assertThat(YearRange.of(1824, 1900).agreesWith(met, 25)).isFalse();
    assertThat(YearRange.of(1850, 1926).agreesWith(met, 25)).isFalse();
  }

  @Test
  void drawsEveryYearOfTheIntervalAndNothingElse() {
    YearRange range = YearRange.of(1780, 1790);
    SplittableRandom random = new SplittableRandom(7);
    boolean[] seen = new boolean[11];
    for (int i = 0; i < 2_000; i++) {
      int year = range.draw(random);
      assertThat(range.contains(year)).isTrue();
      seen[year - 1780] = true;
    }
    assertThat(seen).containsOnly(true);
    assertThat(YearRange.of(1785).draw(random)).isEqualTo(1785);
  }

  @Test
  void ordersByBeginThenEnd() {
    assertThat(YearRange.of(1700, 1799)).isLessThan(YearRange.of(1701, 1702));
    assertThat(YearRange.of(1700, 1750)).isLessThan(YearRange.of(1700, 1799));
  }
}
