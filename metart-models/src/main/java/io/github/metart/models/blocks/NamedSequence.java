package io.github.metart.models.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;
import java.util.regex.Pattern;

/**
 * Blocks applied one after the other, each under a name of its own choosing.
 *
 * <p>Unlike DJL's {@code SequentialBlock}, which names children by position and class ({@code
 * 03Conv2d}), the names here are given, such as {@code features}, {@code 0} or {@code layer1}, so
 * parameter names read like {@code backbone_layer1_0_conv1_weight} — the same path as the
 * reference implementations use ({@code layer1.0.conv1.weight}), which keeps weight files
 * interchangeable and transfer reports readable. Names are letters and digits only, because
 * {@code _} separates the levels of a parameter name.
 */
public class NamedSequence extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+");

  /** Creates an empty sequence. */
  public NamedSequence() {
    super(VERSION);
  }

  /**
   * Appends a block.
   *
   * @param name the child's name: letters and digits, unique in this sequence
   * @param block the block
   * @return this sequence
   */
  public NamedSequence add(String name, Block block) {
    Preconditions.checkArgument(
        name != null && NAME.matcher(name).matches(),
        "a child name must be letters and digits only, got '%s'",
        name);
    Preconditions.checkArgument(
        !children.keys().contains(name), "the sequence already has a child named '%s'", name);
    children.add(name, Preconditions.checkNotNull(block, "block"));
    return this;
  }

  /**
   * The child with the given name.
   *
   * @throws IllegalArgumentException when there is none
   */
  public Block child(String name) {
    Block block = children.get(name);
    Preconditions.checkArgument(
        block != null, "no child named '%s'; children: %s", name, children.keys());
    return block;
  }

  /** The number of children. */
  public int size() {
    return children.size();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDList current = inputs;
    for (Block block : children.values()) {
      current = block.forward(parameterStore, current, training, params);
    }
    return current;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block child : children.values()) {
      child.initialize(manager, dataType, shapes);
      shapes = child.getOutputShapes(shapes);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Preconditions.checkState(!children.isEmpty(), "the sequence is empty");
    Shape[] shapes = inputShapes;
    for (Block child : children.values()) {
      shapes = child.getOutputShapes(shapes);
    }
    return shapes;
  }
}
