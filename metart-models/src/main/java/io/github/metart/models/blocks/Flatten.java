package io.github.metart.models.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Flattens every sample of a batch into a vector: {@code [B, C, H, W] -> [B, C*H*W]}. */
public final class Flatten extends StatelessBlock {

  @Override
  protected NDArray apply(NDArray input) {
    return input.reshape(input.getShape().get(0), -1);
  }

  @Override
  protected Shape outputShape(Shape input) {
    return new Shape(input.get(0), input.size() / input.get(0));
  }

  @Override
  public String toString() {
    return "Flatten()";
  }
}
