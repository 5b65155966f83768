package io.github.metart.models.transfer;

import io.github.metart.models.spec.Family;
import java.util.Arrays;
import java.util.Map;

/**
 * Translates metart parameter names to the names torchvision uses for the same weights. metart's
 * child names follow torchvision's module paths, so the translation only drops the {@code
 * backbone_} prefix, joins with dots and renames batch-norm parameters: {@code
 * backbone_layer1_0_bn1_gamma} becomes {@code layer1.0.bn1.weight}.
 */
public final class TorchvisionNames {

  private static final Map<String, String> LEAVES =
      Map.of(
          "gamma", "weight",
          "beta", "bias",
          "runningMean", "running_mean",
          "runningVar", "running_var");

  /** The leaf of the batch counters torchvision's batch-norm layers keep (metart has none). */
  public static final String BATCH_COUNTER = "num_batches_tracked";

  private TorchvisionNames() {}

  /**
   * The torchvision module that holds a family's final layer, the part metart calls the head:
   * {@code fc} for ResNet, {@code classifier.6} for AlexNet and VGG.
   */
  public static String headModule(Family family) {
    return switch (family) {
      case RESNET -> "fc";
      case ALEXNET, VGG -> "classifier.6";
    };
  }

  /**
   * The torchvision name of a metart parameter name.
   *
   * @param metartName e.g. {@code backbone_features_0_weight}
   * @return e.g. {@code features.0.weight}
   */
  public static String of(String metartName) {
    String[] parts = metartName.split("_");
    int first = parts.length > 1 && parts[0].equals("backbone") ? 1 : 0;
    String[] path = Arrays.copyOfRange(parts, first, parts.length);
    String leaf = path[path.length - 1];
    path[path.length - 1] = LEAVES.getOrDefault(leaf, leaf);
    return String.join(".", path);
  }
}
