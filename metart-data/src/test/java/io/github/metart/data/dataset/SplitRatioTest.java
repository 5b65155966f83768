package io.github.metart.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SplitRatioTest {

  @Test
  void allocatesExactCountsForABalancedLabel() {
    assertThat(SplitRatio.DEFAULT.allocate(1000)).containsExactly(800, 100, 100);
  }

  @Test
  void countsAlwaysAddUp() {
    SplitRatio ratio = new SplitRatio(7, 2, 1);
    for (int n = 0; n <= 200; n++) {
      int[] counts = ratio.allocate(n);
      assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(n);
      assertThat(counts[0]).isGreaterThanOrEqualTo(counts[1]).isGreaterThanOrEqualTo(counts[2]);
    }
    assertThat(SplitRatio.DEFAULT.allocate(15)).containsExactly(12, 2, 1);
    assertThat(SplitRatio.DEFAULT.allocate(1)).containsExactly(1, 0, 0);
  }

  @Test
  void validatesShares() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SplitRatio(0, 1, 1))
        .withMessageContaining("train share must be positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SplitRatio(8, -1, 1))
        .withMessageContaining("validation share");
    assertThat(new SplitRatio(9, 0, 1).allocate(10)).containsExactly(9, 0, 1);
  }
}
