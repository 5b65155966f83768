package io.github.metart.data.loading;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class EngineArraysTest {

  private static final EngineArrays.Filler RAMP =
      out -> {
        for (int i = 0; i < out.capacity(); i++) {
          out.put(i, i * 0.5f);
        }
      };

  @Test
  void pytorchOnTheCpuIsFilledInPlaceAndTheStagedPathGivesTheSameArray() {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(EngineArrays.fillsInPlace(manager)).isTrue();

      NDArray inPlace = EngineArrays.create(manager, new Shape(2, 3, 4), RAMP);
      NDArray staged = EngineArrays.createStaged(manager, new Shape(2, 3, 4), RAMP);
      NDArray stagedAgain = EngineArrays.createStaged(manager, new Shape(5), out -> out.put(4, 9f));

      for (NDArray array : new NDArray[] {inPlace, staged}) {
        assertThat(array.getShape()).isEqualTo(new Shape(2, 3, 4));
        assertThat(array.getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(array.getManager()).isSameAs(manager);
      }
      assertThat(staged.toFloatArray()).containsExactly(inPlace.toFloatArray());
      assertThat(inPlace.toFloatArray()[23]).isEqualTo(11.5f);
      // the staging buffer is reused by the next array: the first keeps its own copy
      assertThat(stagedAgain.toFloatArray()[4]).isEqualTo(9f);
      assertThat(staged.toFloatArray()[4]).isEqualTo(2f);
    }
  }
}
