package io.github.metart.models.spec;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.ModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A model to build for a prepared folder, before its head is known: an architecture as {@code
 * metart models} names it (e.g. {@code resnet18}, {@code vgg11_bn}, {@code alexnet}), the knobs that
 * differ from its reference layout, the input size and the head choice.
 *
 * @param architecture the architecture name, as {@link MetModels#named(String)} accepts it
 * @param inputSize the side of the square input in pixels
 * @param hiddenUnits units of the hidden fully connected layers, or {@code null} for the
 *     architecture's reference
 * @param dropout the dropout rate of the fully connected layers, or {@code null} for the reference
 * @param batchNorm batch normalization after every convolution, or {@code null} for the reference
 *     (or what the name says, e.g. {@code vgg11_bn})
 * @param stemLayers extra strided 3x3 convolutions in front of the network (1 lets a 448 px input
 *     reach the reference layers at 224 px)
 * @param head the head
 * @param pretrained where the backbone's initial weights come from, or {@code null} to train from
 *     scratch: {@code imagenet} (or {@code IMAGENET1K_V1}, {@code IMAGENET1K_V2}) for torchvision's
 *     published weights (see {@link io.github.metart.models.pretrained.PretrainedWeights}), a
 *     weights file ({@code .pth}, {@code .safetensors}, {@code .npz}, {@code .params}) or a metart
 *     model folder (fine-tuning its backbone with a fresh head)
 */
public record ModelRecipe(
    String architecture,
    int inputSize,
    Integer hiddenUnits,
    Double dropout,
    Boolean batchNorm,
    int stemLayers,
    HeadChoice head,
    String pretrained) {

  /**
   * Validates every knob by building the model's spec with a stand-in head; a knob equal to the
   * architecture's reference becomes {@code null}, so that one model has one recipe.
   *
   * @throws IllegalArgumentException naming the knob that is out of range, or the combination that
   *     does not work (e.g. an input too small for the architecture)
   */
  public ModelRecipe {
    checkArgument(
        architecture != null && !architecture.isBlank(),
        "the architecture is missing; expected one of %s",
        String.join(", ", MetModels.names()));
    architecture = architecture.strip().toLowerCase(Locale.ROOT);
    head = Objects.requireNonNullElse(head, HeadChoice.AUTO);
    pretrained = pretrained == null || pretrained.isBlank() ? null : pretrained.strip();
    checkArgument(
        stemLayers >= 0 && stemLayers <= ModelSpec.MAX_STEM_LAYERS,
        "stem layers must be between 0 and %s, got %s",
        ModelSpec.MAX_STEM_LAYERS,
        stemLayers);
    builderFor(architecture, inputSize, hiddenUnits, dropout, batchNorm, stemLayers)
        .spec(HeadSpec.classifier(2));
    // knobs equal to the reference are not knobs: one model, one recipe (and one run name)
    ModelSpec reference = MetModels.named(architecture).inputSize(inputSize).extraStem(stemLayers)
        .spec(HeadSpec.classifier(2));
    if (hiddenUnits != null && hiddenUnits == reference.hiddenUnits()) {
      hiddenUnits = null;
    }
    if (dropout != null && dropout == reference.dropout()) {
      dropout = null;
    }
    if (batchNorm != null && batchNorm == reference.batchNorm()) {
      batchNorm = null;
    }
  }

  /** The reference layout of an architecture at an input size, with the data's own head. */
  public static ModelRecipe of(String architecture, int inputSize) {
    return new ModelRecipe(architecture, inputSize, null, null, null, 0, HeadChoice.AUTO, null);
  }

  /** This recipe with other hidden units. */
  public ModelRecipe withHiddenUnits(int units) {
    return new ModelRecipe(architecture, inputSize, units, dropout, batchNorm, stemLayers, head, pretrained);
  }

  /** This recipe with another dropout rate. */
  public ModelRecipe withDropout(double rate) {
    return new ModelRecipe(architecture, inputSize, hiddenUnits, rate, batchNorm, stemLayers, head, pretrained);
  }

  /** This recipe with batch norm switched on or off. */
  public ModelRecipe withBatchNorm(boolean on) {
    return new ModelRecipe(architecture, inputSize, hiddenUnits, dropout, on, stemLayers, head, pretrained);
  }

  /** This recipe with another input size and number of stem layers. */
  public ModelRecipe withInput(int size, int stem) {
    return new ModelRecipe(architecture, size, hiddenUnits, dropout, batchNorm, stem, head, pretrained);
  }

  /** This recipe with another head. */
  public ModelRecipe withHead(HeadChoice newHead) {
    return new ModelRecipe(architecture, inputSize, hiddenUnits, dropout, batchNorm, stemLayers, newHead, pretrained);
  }

  /** This recipe starting from other weights ({@code null}: from scratch). */
  public ModelRecipe withPretrained(String source) {
    return new ModelRecipe(architecture, inputSize, hiddenUnits, dropout, batchNorm, stemLayers, head, source);
  }

  /**
   * The recipe of a spec's model (its head left to the data): the architecture and every knob, at
   * the spec's input size.
   *
   * @throws IllegalArgumentException when the spec has stem channels other than the default, which
   *     a recipe does not vary
   */
  public static ModelRecipe of(ModelSpec spec) {
    checkArgument(
        spec.stemLayers() == 0 || spec.stemChannels() == ModelSpec.DEFAULT_STEM_CHANNELS,
        "a model recipe has %s stem channels, the spec %s",
        ModelSpec.DEFAULT_STEM_CHANNELS,
        spec.stemChannels());
    return new ModelRecipe(
        spec.architecture().id(),
        spec.inputSize(),
        spec.hiddenUnits(),
        spec.dropout(),
        spec.batchNorm(),
        spec.stemLayers(),
        HeadChoice.AUTO,
        null);
  }

  /** A model builder with every knob of this recipe set. */
  public ModelBuilder builder() {
    return builderFor(architecture, inputSize, hiddenUnits, dropout, batchNorm, stemLayers);
  }

  /**
   * Builds the model with a given head: freshly initialized, then with the backbone's weights from
   * {@link #pretrained()} when given (strict: every backbone weight must find its place), as
   * {@link ModelBuilder#pretrained(String)} loads them.
   *
   * @throws IllegalArgumentException when the pretrained weights do not fit the backbone
   * @throws IllegalStateException when published weights are not cached and downloads are off
   */
  public MetModel build(HeadSpec headSpec) {
    return builder().pretrained(pretrained).build(headSpec);
  }

  /**
   * Makes sure this recipe's pretrained weights are at hand before training: a weights name
   * ({@code imagenet}, ...) is fetched through the cache (downloaded once when the cache allows
   * it), a path is checked to exist. Training then finds the file without the network.
   *
   * @param cache the cache published weights go through
   * @return the weights file or model folder, or empty when the recipe trains from scratch
   * @throws IllegalArgumentException when torchvision publishes no such weights for the model, or
   *     the path does not exist
   * @throws IllegalStateException when published weights are not cached and downloads are off
   */
  public java.util.Optional<java.nio.file.Path> fetchPretrained(
      io.github.metart.models.pretrained.WeightCache cache) {
    if (pretrained == null) {
      return java.util.Optional.empty();
    }
    java.nio.file.Path path = cache.resolve(spec(HeadSpec.classifier(2)), pretrained);
    checkArgument(
        java.nio.file.Files.exists(path),
        "pretrained weights %s: no such file or model folder",
        path);
    return java.util.Optional.of(path);
  }

  /** The spec of the model with a given head. */
  public ModelSpec spec(HeadSpec headSpec) {
    return builder().spec(headSpec);
  }

  /** A short description, e.g. {@code resnet18 64px hidden=256 head=binned:8}; reference knobs left out. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add(architecture);
    parts.add(inputSize + "px");
    if (hiddenUnits != null) {
      parts.add("hidden=" + hiddenUnits);
    }
    if (dropout != null) {
      parts.add("dropout=" + dropout);
    }
    if (batchNorm != null) {
      parts.add("bn=" + (batchNorm ? "on" : "off"));
    }
    if (stemLayers > 0) {
      parts.add("stem=" + stemLayers);
    }
    if (head.kind() != HeadChoice.Kind.AUTO) {
      parts.add("head=" + head);
    }
    if (pretrained != null) {
      parts.add("pretrained=" + pretrained);
    }
    return String.join(" ", parts);
  }

  private static ModelBuilder builderFor(
      String architecture,
      int inputSize,
      Integer hiddenUnits,
      Double dropout,
      Boolean batchNorm,
      int stemLayers) {
    ModelBuilder builder = MetModels.named(architecture).inputSize(inputSize).extraStem(stemLayers);
    if (hiddenUnits != null) {
      builder.hiddenUnits(hiddenUnits);
    }
    if (dropout != null) {
      builder.dropout(dropout);
    }
    if (batchNorm != null) {
      builder.batchNorm(batchNorm);
    }
    return builder;
  }
}
