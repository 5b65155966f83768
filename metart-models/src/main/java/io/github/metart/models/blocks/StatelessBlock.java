package io.github.metart.models.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A layer without parameters that maps one array to one array, with an output shape computed
 * arithmetically from the input shape (no forward pass needed to initialize or describe it).
 */
public abstract class StatelessBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  /** Creates the block. */
  protected StatelessBlock() {
    super(VERSION);
  }

  /**
   * Applies the layer to a batch.
   *
   * @param input the input batch
   * @return the output batch
   */
  protected abstract NDArray apply(NDArray input);

  /**
   * The output shape for a given input shape.
   *
   * @param input the input shape, batch first
   * @return the output shape, batch first
   */
  protected abstract Shape outputShape(Shape input);

  @Override
  protected final NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(inputs.singletonOrThrow()));
  }

  @Override
  public final Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {outputShape(inputShapes[0])};
  }
}
