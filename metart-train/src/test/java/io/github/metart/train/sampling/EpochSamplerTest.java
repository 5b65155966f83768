package io.github.metart.train.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EpochSamplerTest {

  @Test
  void anEpochOrderIsAPermutationFixedBySeedAndEpoch() {
    long[] a = EpochOrder.of(1000, 42, 3, true);
    assertThat(Arrays.stream(a).sorted().toArray()).isEqualTo(LongStream.range(0, 1000).toArray());
    assertThat(EpochOrder.of(1000, 42, 3, true)).isEqualTo(a);
    assertThat(EpochOrder.of(1000, 42, 4, true)).isNotEqualTo(a);
    assertThat(EpochOrder.of(1000, 43, 3, true)).isNotEqualTo(a);
    assertThat(EpochOrder.of(5, 42, 3, false)).containsExactly(0, 1, 2, 3, 4);
    // pinned: the order must not change between releases, or resumed runs would differ
    assertThat(EpochOrder.of(8, 42, 0, true)).containsExactly(4, 1, 7, 6, 0, 3, 5, 2);
  }

  @Test
  void aResumedEpochProducesExactlyTheRemainingBatches() throws Exception {
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      ArrayDataset dataset =
          new ArrayDataset.Builder()
              .setData(manager.arange(0f, 23f).reshape(23, 1))
              .setSampling(1, false)
              .build();
      SamplerState start = SamplerState.start(23, 5, false, 9, 2);
      assertThat(start.batchCount()).isEqualTo(5);
      List<List<Long>> whole = drain(new EpochSampler(start, true).sample(dataset));
      assertThat(whole).hasSize(5);
      assertThat(whole.get(4)).hasSize(3);
      List<List<Long>> tail = drain(new EpochSampler(start.advancedBy(3), true).sample(dataset));
      assertThat(tail).isEqualTo(whole.subList(3, 5));

      SamplerState dropLast = SamplerState.start(23, 5, true, 9, 2);
      assertThat(drain(new EpochSampler(dropLast, true).sample(dataset))).hasSize(4);

      SamplerState other = SamplerState.start(24, 5, false, 9, 2);
      assertThatThrownBy(() -> new EpochSampler(other, true).sample(dataset))
          .hasMessageContaining("the dataset has 23 records but the sampler state was made for 24");
    }
  }

  @Test
  void stepSeedsDifferPerStepAndRepeat() {
    assertThat(EpochOrder.stepSeed(1, 0)).isEqualTo(EpochOrder.stepSeed(1, 0));
    assertThat(EpochOrder.stepSeed(1, 0)).isNotEqualTo(EpochOrder.stepSeed(1, 1));
    assertThat(EpochOrder.stepSeed(1, 5)).isNotEqualTo(EpochOrder.stepSeed(2, 5));
    assertThat(EpochOrder.stepSeed(1, 5)).isNotNegative();
  }

  private static List<List<Long>> drain(Iterator<List<Long>> iterator) {
    List<List<Long>> batches = new ArrayList<>();
    iterator.forEachRemaining(batches::add);
    return batches;
  }
}
