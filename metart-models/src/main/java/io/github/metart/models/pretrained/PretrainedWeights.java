package io.github.metart.models.pretrained;

import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ImageNet weights torchvision publishes for the architectures metart builds: one constant per
 * published file, named after the file. A file name ends in the first hex digits of the file's
 * SHA-256 ({@code resnet50-11ad3fa6.pth}), which {@link WeightCache} checks after a download.
 *
 * <p>Weights are chosen as torchvision chooses them: {@code imagenet} (or {@code default}) takes the
 * best generation an architecture has, {@code IMAGENET1K_V1} or {@code IMAGENET1K_V2} a given one.
 * The names of the architectures are those of {@link io.github.metart.models.MetModels#named}.
 */
public enum PretrainedWeights {
  ALEXNET("alexnet", Generation.IMAGENET1K_V1, "alexnet-owt-7be5be79.pth"),
  VGG11("vgg11", Generation.IMAGENET1K_V1, "vgg11-8a719046.pth"),
  VGG11_BN("vgg11_bn", Generation.IMAGENET1K_V1, "vgg11_bn-6002323d.pth"),
  VGG13("vgg13", Generation.IMAGENET1K_V1, "vgg13-19584684.pth"),
  VGG13_BN("vgg13_bn", Generation.IMAGENET1K_V1, "vgg13_bn-abd245e5.pth"),
  VGG16("vgg16", Generation.IMAGENET1K_V1, "vgg16-397923af.pth"),
  VGG16_BN("vgg16_bn", Generation.IMAGENET1K_V1, "vgg16_bn-6c64b313.pth"),
  VGG19("vgg19", Generation.IMAGENET1K_V1, "vgg19-dcbb9e9d.pth"),
  VGG19_BN("vgg19_bn", Generation.IMAGENET1K_V1, "vgg19_bn-c79401a0.pth"),
  RESNET18("resnet18", Generation.IMAGENET1K_V1, "resnet18-f37072fd.pth"),
  RESNET34("resnet34", Generation.IMAGENET1K_V1, "resnet34-b627a593.pth"),
  RESNET50_V1("resnet50", Generation.IMAGENET1K_V1, "resnet50-0676ba61.pth"),
  RESNET50_V2("resnet50", Generation.IMAGENET1K_V2, "resnet50-11ad3fa6.pth"),
  RESNET101_V1("resnet101", Generation.IMAGENET1K_V1, "resnet101-63fe2227.pth"),
  RESNET101_V2("resnet101", Generation.IMAGENET1K_V2, "resnet101-cd907fc2.pth"),
  RESNET152_V1("resnet152", Generation.IMAGENET1K_V1, "resnet152-394f9c45.pth"),
  RESNET152_V2("resnet152", Generation.IMAGENET1K_V2, "resnet152-f82ba261.pth");

  /** A generation of torchvision's ImageNet weights; a later one is better where both exist. */
  public enum Generation {
    /** The original weights (torchvision's {@code IMAGENET1K_V1}). */
    IMAGENET1K_V1,
    /** Weights retrained with torchvision's newer recipe ({@code IMAGENET1K_V2}). */
    IMAGENET1K_V2
  }

  /** The name choosing the best generation, as torchvision's {@code weights="DEFAULT"}. */
  public static final String IMAGENET = "imagenet";

  private final String model;
  private final Generation generation;
  private final String fileName;

  PretrainedWeights(String model, Generation generation, String fileName) {
    this.model = model;
    this.generation = generation;
    this.fileName = fileName;
  }

  /** The model name these weights are for, e.g. {@code vgg16_bn}. */
  public String model() {
    return model;
  }

  /** The generation. */
  public Generation generation() {
    return generation;
  }

  /** The published file name, e.g. {@code resnet50-11ad3fa6.pth}. */
  public String fileName() {
    return fileName;
  }

  /** The file with the SHA-256 prefix its name carries, e.g. {@code 11ad3fa6}. */
  public WeightFile file() {
    return WeightFile.named(fileName);
  }

  /** What these weights are, e.g. {@code resnet50 IMAGENET1K_V2 (resnet50-11ad3fa6.pth)}. */
  public String describe() {
    return model + " " + generation + " (" + fileName + ")";
  }

  /**
   * Whether a pretrained source is a weights name ({@code imagenet}, {@code default}, {@code
   * IMAGENET1K_V1}, {@code IMAGENET1K_V2}, any case) rather than a file.
   */
  public static boolean isName(String source) {
    if (source == null) {
      return false;
    }
    String name = source.strip().toUpperCase(Locale.ROOT);
    if (name.equals("IMAGENET") || name.equals("DEFAULT")) {
      return true;
    }
    for (Generation generation : Generation.values()) {
      if (generation.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The weights of a model by name.
   *
   * @param model a model name as {@link io.github.metart.models.MetModels#named} accepts, e.g.
   *     {@code resnet50} or {@code vgg11_bn}
   * @param weights {@code imagenet} or {@code default} for the best generation, or a generation
   *     name such as {@code IMAGENET1K_V1}
   * @throws IllegalArgumentException naming what torchvision publishes when there is no such file
   */
  public static PretrainedWeights of(String model, String weights) {
    String id = model == null ? "" : model.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    String name = weights == null ? "" : weights.strip().toUpperCase(Locale.ROOT);
    if (!isName(name)) {
      throw new IllegalArgumentException(
          "unknown pretrained weights '" + weights + "'; expected imagenet, IMAGENET1K_V1 or IMAGENET1K_V2");
    }
    boolean best = name.equals("IMAGENET") || name.equals("DEFAULT");
    PretrainedWeights found = null;
    List<String> published = new ArrayList<>();
    for (PretrainedWeights candidate : values()) {
      if (!candidate.model.equals(id)) {
        continue;
      }
      published.add(candidate.generation.name());
      if (best ? found == null || candidate.generation.compareTo(found.generation) > 0
          : candidate.generation.name().equals(name)) {
        found = candidate;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          published.isEmpty()
              ? "torchvision publishes no ImageNet weights for '" + model + "'; models with weights: "
                  + String.join(", ", models())
              : "torchvision publishes " + String.join(" and ", published) + " weights for " + id
                  + ", not " + weights);
    }
    return found;
  }

  /**
   * The weights for a model spec: its architecture, with {@code _bn} for an AlexNet or VGG with
   * batch norm.
   *
   * @throws IllegalArgumentException when torchvision publishes none for that layout (e.g. a
   *     ResNet without batch norm)
   */
  public static PretrainedWeights of(ModelSpec spec, String weights) {
    Architecture architecture = spec.architecture();
    boolean defaultBatchNorm = architecture.family().defaultBatchNorm();
    if (defaultBatchNorm && !spec.batchNorm()) {
      throw new IllegalArgumentException(
          "torchvision publishes no ImageNet weights for " + architecture.id() + " without batch norm");
    }
    String model = architecture.id() + (spec.batchNorm() && !defaultBatchNorm ? "_bn" : "");
    return of(model, weights);
  }

  /** The model names with published weights, in table order. */
  public static List<String> models() {
    List<String> names = new ArrayList<>();
    for (PretrainedWeights weights : values()) {
      if (!names.contains(weights.model)) {
        names.add(weights.model);
      }
    }
    return names;
  }
}
