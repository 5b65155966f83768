package io.github.metart.models.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/** The rectified linear unit, {@code max(0, x)}, element-wise. */
public final class Relu extends StatelessBlock {

  @Override
  protected NDArray apply(NDArray input) {
    return Activation.relu(input);
  }

  @Override
  protected Shape outputShape(Shape input) {
    return input;
  }

  @Override
  public String toString() {
    return "Relu()";
  }
}
