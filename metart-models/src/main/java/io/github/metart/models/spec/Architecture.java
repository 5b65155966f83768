package io.github.metart.models.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The architectures metart builds, each a family and a depth. */
public enum Architecture {
  /** AlexNet (Krizhevsky et al. 2012, single-tower variant): 5 conv + 3 FC layers. */
  ALEXNET(Family.ALEXNET, 8, "5 conv (64-192-384-256-256), 3 max pools, 2 hidden FC"),
  /** VGG-11 (configuration A of Simonyan and Zisserman 2014). */
  VGG11(Family.VGG, 11, "8 conv 3x3 in 5 groups (A), 2 hidden FC"),
  /** VGG-13 (configuration B). */
  VGG13(Family.VGG, 13, "10 conv 3x3 in 5 groups (B), 2 hidden FC"),
  /** VGG-16 (configuration D). */
  VGG16(Family.VGG, 16, "13 conv 3x3 in 5 groups (D), 2 hidden FC"),
  /** VGG-19 (configuration E). */
  VGG19(Family.VGG, 19, "16 conv 3x3 in 5 groups (E), 2 hidden FC"),
  /** ResNet-18 (He et al. 2015): basic blocks, stages [2, 2, 2, 2]. */
  RESNET18(Family.RESNET, 18, "basic blocks [2, 2, 2, 2], global pool"),
  /** ResNet-34: basic blocks, stages [3, 4, 6, 3]. */
  RESNET34(Family.RESNET, 34, "basic blocks [3, 4, 6, 3], global pool"),
  /** ResNet-50: bottleneck blocks, stages [3, 4, 6, 3]. */
  RESNET50(Family.RESNET, 50, "bottleneck blocks [3, 4, 6, 3], global pool"),
  /** ResNet-101: bottleneck blocks, stages [3, 4, 23, 3]. */
  RESNET101(Family.RESNET, 101, "bottleneck blocks [3, 4, 23, 3], global pool"),
  /** ResNet-152: bottleneck blocks, stages [3, 8, 36, 3]. */
  RESNET152(Family.RESNET, 152, "bottleneck blocks [3, 8, 36, 3], global pool");

  private final Family family;
  private final int depth;
  private final String layout;

  Architecture(Family family, int depth, String layout) {
    this.family = family;
    this.depth = depth;
    this.layout = layout;
  }

  /** A short description of the layout, e.g. {@code bottleneck blocks [3, 4, 6, 3], global pool}. */
  public String layout() {
    return layout;
  }

  /** The family. */
  public Family family() {
    return family;
  }

  /** The number of weight layers that names the architecture (8 for AlexNet). */
  public int depth() {
    return depth;
  }

  /** The name used in specs and on the command line, e.g. {@code resnet50}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The ids of all architectures, comma separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", "));
  }

  /**
   * The architecture with the given id, e.g. {@code vgg16} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  @JsonCreator
  public static Architecture fromId(String id) {
    for (Architecture architecture : values()) {
      if (architecture.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
        return architecture;
      }
    }
    throw new IllegalArgumentException(
        "unknown architecture '" + id + "'; expected one of " + ids());
  }

  /**
   * The architecture of the given family and depth.
   *
   * @throws IllegalArgumentException naming the depths the family has
   */
  public static Architecture of(Family family, int depth) {
    for (Architecture architecture : values()) {
      if (architecture.family == family && architecture.depth == depth) {
        return architecture;
      }
    }
    throw new IllegalArgumentException(
        family.id() + " depth must be one of " + depths(family) + ", got " + depth);
  }

  /** The depths available in a family, e.g. {@code [11, 13, 16, 19]} for VGG. */
  public static List<Integer> depths(Family family) {
    return Arrays.stream(values())
        .filter(a -> a.family == family)
        .map(Architecture::depth)
        .collect(Collectors.toList());
  }
}
