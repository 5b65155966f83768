package io.github.metart.models.network;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;
import io.github.metart.models.blocks.NamedSequence;

/**
 * The whole network: {@code backbone} (feature extractor, including any hidden fully connected
 * layers) followed by {@code head} (the last linear layer, whose size the head spec sets).
 * Parameter names start with {@code backbone_} or {@code head_}.
 *
 * <p>The backbone can be frozen: its parameters then get no gradients, and it also runs in
 * inference mode during training (batch-norm statistics and dropout frozen too), which is what
 * fine-tuning only the head means.
 */
public final class MetNetwork extends AbstractBlock {

  private static final byte VERSION = 1;

  /** Name of the backbone child and prefix of its parameter names. */
  public static final String BACKBONE = "backbone";

  /** Name of the head child and prefix of its parameter names. */
  public static final String HEAD = "head";

  private final NamedSequence backbone;
  private final Block head;
  private boolean backboneFrozen;

  /**
   * Creates a network.
   *
   * @param backbone the feature extractor
   * @param head the output layer
   */
  public MetNetwork(NamedSequence backbone, Block head) {
    super(VERSION);
    this.backbone = Preconditions.checkNotNull(backbone, "backbone");
    this.head = Preconditions.checkNotNull(head, "head");
    children.add(BACKBONE, backbone);
    children.add(HEAD, head);
  }

  /** The feature extractor. */
  public NamedSequence backbone() {
    return backbone;
  }

  /** The output layer. */
  public Block head() {
    return head;
  }

  /** Whether the backbone is frozen. */
  public boolean isBackboneFrozen() {
    return backboneFrozen;
  }

  /**
   * Freezes or unfreezes the backbone: frozen parameters get no gradient and are not updated, and
   * the frozen backbone runs in inference mode. Batch-norm running statistics never get gradients.
   */
  public void freezeBackbone(boolean freeze) {
    backbone.freezeParameters(freeze, MetNetwork::isLearnable);
    backboneFrozen = freeze;
  }

  /**
   * Whether a parameter is learned by gradient descent (weights, biases, batch-norm scale and shift)
   * rather than a running statistic.
   */
  public static boolean isLearnable(Parameter parameter) {
    Parameter.Type type = parameter.getType();
    return type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDList features = backbone.forward(parameterStore, inputs, training && !backboneFrozen, params);
    return head.forward(parameterStore, features, training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(backbone.getOutputShapes(inputShapes));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    head.initialize(manager, dataType, backbone.getOutputShapes(inputShapes));
  }
}
