package io.github.metart.data.dates;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.csv.MetObject;
import org.junit.jupiter.api.Test;

class YearResolverTest {

  private final YearResolver resolver = YearResolver.defaults();

  private static MetObject object(String date, int begin, int end, String period) {
    return MetObject.builder(1).objectDate(date).metYears(begin, end).period(period).build();
  }

  @Test
  void prefersPlausibleColumns() {
    ResolvedYears r = resolver.resolve(object("ca. 1785", 1780, 1795, ""));

    assertThat(r.years()).contains(YearRange.of(1780, 1795));
    assertThat(r.source()).isEqualTo(YearSource.COLUMNS);
    assertThat(r.parsed()).contains(YearRange.of(1780, 1790));
    assertThat(r.disagree()).isFalse();
  }

  @Test
  void parsesTheObjectDateWhereColumnsAreZeroZero() {
    ResolvedYears r = resolver.resolve(object("50–25 BCE", 0, 0, ""));

    assertThat(r.years()).contains(YearRange.of(-50, -25));
    assertThat(r.source()).isEqualTo(YearSource.OBJECT_DATE);
    assertThat(r.columns()).isEmpty();
  }

  @Test
  void columnsFarFromTheTextAreNotPlausibleAndCountAsDisagreement() {
    ResolvedYears r = resolver.resolve(object("2nd half 16th century", 2, 2, ""));

    assertThat(r.years()).contains(YearRange.of(1550, 1599));
    assertThat(r.source()).isEqualTo(YearSource.OBJECT_DATE);
    assertThat(r.disagree()).isTrue();
  }

  @Test
  void aModestDisagreementKeepsTheColumnsButIsCounted() {
    ResolvedYears r = resolver.resolve(object("late 19th century", 1800, 1900, ""));

    assertThat(r.source()).isEqualTo(YearSource.COLUMNS);
    assertThat(r.disagree()).isTrue();
  }

  @Test
  void columnsAloneAreUsedWhenTheTextIsEmpty() {
    ResolvedYears r = resolver.resolve(object("", 1600, 1650, ""));

    assertThat(r.years()).contains(YearRange.of(1600, 1650));
    assertThat(r.source()).isEqualTo(YearSource.COLUMNS);
  }

  @Test
  void thePeriodFillsInLast() {
    ResolvedYears r = resolver.resolve(object("n.d.", 0, 0, "Edo period (1615–1868)"));

    assertThat(r.years()).contains(YearRange.of(1615, 1868));
    assertThat(r.source()).isEqualTo(YearSource.PERIOD);
    ResolvedYears none =
        YearResolver.builder().usePeriod(false).build().resolve(object("n.d.", 0, 0, "Edo period (1615–1868)"));
    assertThat(none.years()).isEmpty();
    assertThat(none.source()).isEqualTo(YearSource.NONE);
  }

  @Test
  void policiesChooseTheSource() {
    MetObject o = object("ca. 1785", 1770, 1800, "");

    assertThat(YearResolver.builder().policy(YearPolicy.PREFER_OBJECT_DATE).build().resolve(o).years())
        .contains(YearRange.of(1780, 1790));
    assertThat(YearResolver.builder().policy(YearPolicy.OBJECT_DATE_ONLY).build()
            .resolve(object("", 1770, 1800, "")).years())
        .isEmpty();
    assertThat(YearResolver.builder().policy(YearPolicy.COLUMNS_ONLY).build()
            .resolve(object("ca. 1785", 0, 0, "")).years())
        .isEmpty();
  }
}
