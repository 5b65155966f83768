package io.github.metart.models.resnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.metart.models.blocks.Layers;
import io.github.metart.models.blocks.NamedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * One residual unit: {@code relu(F(x) + shortcut(x))}.
 *
 * <ul>
 *   <li>basic: {@code F} = 3x3 conv (stride) → BN → ReLU → 3x3 conv → BN, output {@code planes}
 *       channels;
 *   <li>bottleneck: {@code F} = 1x1 conv → BN → ReLU → 3x3 conv (stride) → BN → ReLU → 1x1 conv →
 *       BN, output {@code 4 * planes} channels (the stride sits on the 3x3 convolution);
 * </ul>
 *
 * <p>The shortcut is the identity, or a 1x1 convolution with the stride followed by BN ({@code
 * downsample}) when the size or the channel count changes. Convolutions followed by BN have no
 * bias; without batch norm they have one.
 */
final class ResidualBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  /** Channel expansion of the bottleneck unit's output over its {@code planes}. */
  public static final int BOTTLENECK_EXPANSION = 4;

  private final boolean bottleneck;
  private final List<Block> convolutions = new ArrayList<>();
  private final List<Block> norms = new ArrayList<>();
  private final NamedSequence downsample;

  /**
   * Creates a unit.
   *
   * @param bottleneck bottleneck (true) or basic (false) unit
   * @param inChannels channels of the input
   * @param planes the unit's width ({@code 64, 128, 256, 512} in the four stages)
   * @param stride 1, or 2 for the first unit of a downsampling stage
   * @param batchNorm whether each convolution is followed by batch normalization
   */
  public ResidualBlock(
      boolean bottleneck, int inChannels, int planes, int stride, boolean batchNorm) {
    super(VERSION);
    this.bottleneck = bottleneck;
    int outChannels = bottleneck ? planes * BOTTLENECK_EXPANSION : planes;
    boolean bias = !batchNorm;
    if (bottleneck) {
      addConvolution(1, Layers.conv(planes, 1, 1, 0, bias), batchNorm);
      addConvolution(2, Layers.conv(planes, 3, stride, 1, bias), batchNorm);
      addConvolution(3, Layers.conv(outChannels, 1, 1, 0, bias), batchNorm);
    } else {
      addConvolution(1, Layers.conv(planes, 3, stride, 1, bias), batchNorm);
      addConvolution(2, Layers.conv(planes, 3, 1, 1, bias), batchNorm);
    }
    if (stride != 1 || inChannels != outChannels) {
      downsample = new NamedSequence();
      downsample.add("0", Layers.conv(outChannels, 1, stride, 0, bias));
      if (batchNorm) {
        downsample.add("1", Layers.batchNorm());
      }
      children.add("downsample", downsample);
    } else {
      downsample = null;
    }
  }

  private void addConvolution(int number, Block conv, boolean batchNorm) {
    children.add("conv" + number, conv);
    convolutions.add(conv);
    if (batchNorm) {
      Block norm = Layers.batchNorm();
      children.add("bn" + number, norm);
      norms.add(norm);
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDList current = inputs;
    for (int i = 0; i < convolutions.size(); i++) {
      current = convolutions.get(i).forward(parameterStore, current, training, params);
      if (!norms.isEmpty()) {
        current = norms.get(i).forward(parameterStore, current, training, params);
      }
      if (i < convolutions.size() - 1) {
        current = new NDList(Activation.relu(current.singletonOrThrow()));
      }
    }
    NDArray shortcut =
        downsample == null
            ? inputs.singletonOrThrow()
            : downsample.forward(parameterStore, inputs, training, params).singletonOrThrow();
    return new NDList(Activation.relu(current.singletonOrThrow().add(shortcut)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block conv : convolutions) {
      shapes = conv.getOutputShapes(shapes);
    }
    return shapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (int i = 0; i < convolutions.size(); i++) {
      convolutions.get(i).initialize(manager, dataType, shapes);
      shapes = convolutions.get(i).getOutputShapes(shapes);
      if (!norms.isEmpty()) {
        norms.get(i).initialize(manager, dataType, shapes);
      }
    }
    if (downsample != null) {
      downsample.initialize(manager, dataType, inputShapes);
    }
  }

  @Override
  public String toString() {
    return (bottleneck ? "Bottleneck" : "BasicBlock") + (downsample == null ? "" : " + downsample");
  }
}
