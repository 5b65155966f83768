package io.github.metart.models.summary;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.util.Pair;
import io.github.metart.models.MetModel;
import io.github.metart.models.blocks.NamedSequence;
import io.github.metart.models.network.MetNetwork;
import io.github.metart.models.network.Networks;
import io.github.metart.models.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.github.metart.models.engine.MetEngine;

/**
 * The layers of a network with their output shapes and parameter counts, and the total number of
 * learnable parameters (batch-norm running statistics excluded, as in the published counts).
 *
 * @param spec the spec summarized
 * @param layers the layers in order (residual units count as one layer)
 * @param parameters the total number of learnable parameters
 */
public record ModelSummary(ModelSpec spec, List<LayerSummary> layers, long parameters) {

  /** Copies the list. */
  public ModelSummary {
    layers = List.copyOf(layers);
  }

  /**
   * Summarizes a spec without allocating its weights: the network is initialized with
   * uninitialized (empty) arrays, which costs neither memory bandwidth nor random numbers.
   */
  public static ModelSummary of(ModelSpec spec) {
    MetNetwork network = Networks.build(spec);
    network.setInitializer((manager, shape, type) -> manager.create(shape, type), p -> true);
    try (NDManager manager = MetEngine.newManager(null)) {
      network.initialize(manager, DataType.FLOAT32, MetModel.inputShape(spec, 1));
      return summarize(spec, network);
    }
  }

  /** Summarizes a built model. */
  public static ModelSummary of(MetModel model) {
    return summarize(model.spec(), model.network());
  }

  private static ModelSummary summarize(ModelSpec spec, MetNetwork network) {
    List<LayerSummary> layers = new ArrayList<>();
    Shape[] shapes = {MetModel.inputShape(spec, 1)};
    shapes = walk(MetNetwork.BACKBONE, network.backbone(), shapes, layers);
    walk(MetNetwork.HEAD, network.head(), shapes, layers);
    long total = layers.stream().mapToLong(LayerSummary::parameters).sum();
    return new ModelSummary(spec, layers, total);
  }

  private static Shape[] walk(String path, Block block, Shape[] input, List<LayerSummary> layers) {
    if (block instanceof NamedSequence sequence) {
      Shape[] shapes = input;
      for (Pair<String, Block> child : sequence.getChildren()) {
        shapes = walk(path + "." + child.getKey(), child.getValue(), shapes, layers);
      }
      return shapes;
    }
    Shape[] output = block.getOutputShapes(input);
    layers.add(new LayerSummary(path, describe(block), output[0], learnableParameters(block)));
    return output;
  }

  /** The learnable parameters of a block (running statistics excluded). */
  public static long learnableParameters(Block block) {
    long count = 0;
    for (Pair<String, Parameter> entry : block.getParameters()) {
      Parameter parameter = entry.getValue();
      if (MetNetwork.isLearnable(parameter)) {
        count += parameter.getShape().size();
      }
    }
    return count;
  }

  private static String describe(Block block) {
    if (block instanceof Convolution conv) {
      return String.format(
          Locale.ROOT,
          "Conv2d %dx%d/%d %d%s",
          conv.getKernelShape().get(0),
          conv.getKernelShape().get(1),
          conv.getStride().get(0),
          conv.getFilters(),
          conv.isIncludeBias() ? "" : " no-bias");
    } else if (block instanceof Linear) {
      return "Linear";
    } else if (block instanceof BatchNorm) {
      return "BatchNorm";
    } else if (block instanceof Dropout) {
      return "Dropout";
    }
    return block.toString();
  }

  /**
   * The table as text: a title line, one line per layer (path, type, output shape, parameters) and
   * a last line {@code parameters: N} with the total.
   */
  public String render() {
    int pathWidth = Math.max(5, layers.stream().mapToInt(l -> l.path().length()).max().orElse(0));
    int typeWidth = Math.max(4, layers.stream().mapToInt(l -> l.type().length()).max().orElse(0));
    String row = "%-" + pathWidth + "s  %-" + typeWidth + "s  %-20s %,14d%n";
    StringBuilder text = new StringBuilder();
    text.append(spec.describe()).append(System.lineSeparator());
    text.append(
        String.format(
            Locale.ROOT,
            "%-" + pathWidth + "s  %-" + typeWidth + "s  %-20s %14s%n",
            "layer",
            "type",
            "output",
            "parameters"));
    for (LayerSummary layer : layers) {
      text.append(
          String.format(
              Locale.ROOT,
              row,
              layer.path(),
              layer.type(),
              layer.outputShape().toString(),
              layer.parameters()));
    }
    text.append("parameters: ").append(parameters).append(System.lineSeparator());
    return text.toString();
  }
}
