package io.github.metart.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.github.metart.data.dates.YearRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void cultureTargetIsTheIndexIntoTheLabels() {
    CultureTarget target = new CultureTarget(List.of("chinese", "greek", "japanese"));

    assertThat(target.indexOf("greek")).isEqualTo(1);
    assertThat(target.label(2)).isEqualTo("japanese");
    assertThat(target.size()).isEqualTo(3);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> target.indexOf("korean"))
        .withMessageContaining("unknown label 'korean'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CultureTarget(List.of("a", "b", "a")))
        .withMessageContaining("label 'a' appears twice");
  }

  @Test
  void yearTargetNormalizesOverTheRangeAndBack() {
    YearTarget target = YearTarget.of(YearRange.of(1500, 1900));

    assertThat(target.normalize(1500)).isZero();
    assertThat(target.normalize(1900)).isEqualTo(1f);
    assertThat(target.normalize(1700)).isEqualTo(0.5f);
    assertThat(target.decode(0.25)).isCloseTo(1600, within(1e-9));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new YearTarget(1900, 1900))
        .withMessageContaining("minYear < maxYear");
  }

  @Test
  void yearBinsCoverTheRangeAndTheLastBinTakesTheEnd() {
    Recipe.YearSettings settings =
        new Recipe.YearSettings(1500, 1900, 50, 1, 1000, null, YearLabeling.UNIFORM);

    assertThat(settings.binCount()).isEqualTo(8);
    assertThat(settings.binOf(1500)).isZero();
    assertThat(settings.binOf(1549)).isZero();
    assertThat(settings.binOf(1550)).isEqualTo(1);
    assertThat(settings.binOf(1900)).isEqualTo(7);
    assertThat(settings.binLabel(0)).isEqualTo("1500-1549");
    assertThat(settings.binLabel(7)).isEqualTo("1850-1900");
  }
}
