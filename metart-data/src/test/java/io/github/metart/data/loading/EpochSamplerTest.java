package io.github.metart.data.loading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The batches per epoch of a plain and of a training sampler. */
class EpochSamplerTest {

  @Test
  void aTrainingSamplerLeavesOutOnlyALastBatchOfOneExample() {
    EpochSampler plain = new EpochSampler(16, true, false, 1);
    EpochSampler training = EpochSampler.forTraining(16, false, 1);
    EpochSampler dropLast = EpochSampler.forTraining(16, true, 1);

    assertThat(plain.batchesPerEpoch(33)).isEqualTo(3);
    assertThat(training.batchesPerEpoch(33)).isEqualTo(2);
    assertThat(training.dropsSingleExample(33)).isTrue();
    for (long size : new long[] {16, 32, 34, 47, 48}) {
      assertThat(training.batchesPerEpoch(size)).as("size %s", size).isEqualTo(plain.batchesPerEpoch(size));
      assertThat(training.dropsSingleExample(size)).isFalse();
    }
    // one record in all, or batches of one: nothing is left out
    assertThat(training.batchesPerEpoch(1)).isEqualTo(1);
    assertThat(EpochSampler.forTraining(1, false, 1).batchesPerEpoch(5)).isEqualTo(5);
    // with dropLast every short last batch goes, as before
    assertThat(dropLast.batchesPerEpoch(33)).isEqualTo(2);
    assertThat(dropLast.batchesPerEpoch(47)).isEqualTo(2);
    assertThat(dropLast.dropsSingleExample(33)).isFalse();
  }
}
