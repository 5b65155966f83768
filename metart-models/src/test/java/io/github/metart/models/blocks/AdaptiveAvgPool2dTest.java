package io.github.metart.models.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.github.metart.models.engine.MetEngine;

/** Adaptive average pooling against hand-computed windows. */
class AdaptiveAvgPool2dTest {

  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = MetEngine.newManager(null);
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  /** A {@code [1, 1, h, w]} map with value {@code 5 * row + column}. */
  private NDArray grid(int height, int width) {
    float[] values = new float[height * width];
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        values[r * width + c] = 5 * r + c;
      }
    }
    return manager.create(values, new Shape(1, 1, height, width));
  }

  private float[] pool(NDArray input, int outHeight, int outWidth) {
    AdaptiveAvgPool2d block = new AdaptiveAvgPool2d(outHeight, outWidth);
    block.initialize(manager, DataType.FLOAT32, input.getShape());
    NDArray output =
        block.forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow();
    assertThat(output.getShape())
        .isEqualTo(new Shape(input.getShape().get(0), input.getShape().get(1), outHeight, outWidth));
    assertThat(block.getOutputShapes(new Shape[] {input.getShape()})[0])
        .isEqualTo(output.getShape());
    return output.toFloatArray();
  }

  @Test
  void windowsFollowFloorAndCeilOfTheScaledIndex() {
    // 5 -> 3: rows [0, 2), [1, 4), [3, 5)
    assertThat(AdaptiveAvgPool2d.windowStart(0, 5, 3)).isZero();
    assertThat(AdaptiveAvgPool2d.windowEnd(0, 5, 3)).isEqualTo(2);
    assertThat(AdaptiveAvgPool2d.windowStart(1, 5, 3)).isEqualTo(1);
    assertThat(AdaptiveAvgPool2d.windowEnd(1, 5, 3)).isEqualTo(4);
    assertThat(AdaptiveAvgPool2d.windowStart(2, 5, 3)).isEqualTo(3);
    assertThat(AdaptiveAvgPool2d.windowEnd(2, 5, 3)).isEqualTo(5);
    // 1 -> 6: every cell sees the single input
    assertThat(AdaptiveAvgPool2d.windowStart(5, 1, 6)).isZero();
    assertThat(AdaptiveAvgPool2d.windowEnd(5, 1, 6)).isEqualTo(1);
  }

  @Test
  void overlappingWindowsAverageByHand() {
    // row means 0.5, 2, 3.5 and column means 0.5, 2, 3.5: cell = 5 * rowMean + columnMean
    float[] expected = {3f, 4.5f, 6f, 10.5f, 12f, 13.5f, 18f, 19.5f, 21f};

    assertThat(pool(grid(5, 5), 3, 3)).containsExactly(expected, within(1e-5f));
  }

  @Test
  void aSmallerInputIsSpreadOverTheOutput() {
    NDArray single = manager.create(new float[] {7f}, new Shape(1, 1, 1, 1));

    float[] output = pool(single, 6, 6);

    assertThat(output).hasSize(36).containsOnly(7f);
  }

  @Test
  void aSizeBetweenOutputAndTwiceOutputRepeatsSomeRows() {
    // 4 -> 6 (smaller than the output but not 1): rows [0,1) [0,2) [1,2) [2,3) [2,4) [3,4)
    float[] output = pool(grid(4, 1), 6, 1);

    assertThat(output).containsExactly(new float[] {0f, 2.5f, 5f, 10f, 12.5f, 15f}, within(1e-5f));
  }

  @Test
  void evenlyDivisibleSizesAverageDisjointWindows() {
    float[] output = pool(grid(12, 12), 6, 6);

    for (int a = 0; a < 6; a++) {
      for (int b = 0; b < 6; b++) {
        assertThat(output[a * 6 + b]).isCloseTo(5 * (2 * a + 0.5f) + (2 * b + 0.5f), within(1e-4f));
      }
    }
  }

  @Test
  void aOneByOneOutputIsTheGlobalMeanOfEachChannel() {
    NDArray input = manager.arange(0f, 24f).reshape(1, 2, 3, 4);

    float[] output = pool(input, 1, 1);

    assertThat(output).containsExactly(new float[] {5.5f, 17.5f}, within(1e-5f));
  }

  @Test
  void rectangularOutputsAndBatchesWork() {
    NDArray input = manager.randomNormal(new Shape(2, 3, 13, 9));

    float[] output = pool(input, 7, 7);

    // mean of the first cell: rows [0, 2), columns [0, 2) of sample 0, channel 0
    float[] values = input.toFloatArray();
    float first = (values[0] + values[1] + values[9] + values[10]) / 4;
    assertThat(output).hasSize(2 * 3 * 49);
    assertThat(output[0]).isCloseTo(first, within(1e-5f));
  }
}
