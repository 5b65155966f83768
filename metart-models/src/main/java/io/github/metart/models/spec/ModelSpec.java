package io.github.metart.models.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.google.common.base.Preconditions;
import io.github.metart.data.images.ImageRecipe;

/**
 * Everything needed to rebuild a model's network: the architecture, its knobs and its head.
 * Immutable and validated: a spec that exists can be built. Serialized as {@code spec.json} in every
 * model folder (see {@link SpecJson}).
 *
 * @param architecture the architecture, e.g. {@code resnet50}
 * @param inputChannels channels of the input images (3 for RGB), 1 to {@value #MAX_CHANNELS}
 * @param inputSize side of the square input images in pixels, from {@value
 *     ImageRecipe#MIN_SIZE} to {@value ImageRecipe#MAX_SIZE} and large enough for the
 *     architecture (see {@link SpatialPlan#minimumInputSize})
 * @param batchNorm whether convolutions are followed by batch normalization (the {@code _bn} VGG
 *     variants; always on in the reference ResNets)
 * @param hiddenUnits units of each hidden fully connected layer (two in AlexNet and VGG, at least
 *     1); for ResNet 0 (the reference: no hidden layer) or the units of one hidden layer before the
 *     head
 * @param dropout dropout rate of the fully connected layers, 0 to {@value #MAX_DROPOUT}
 * @param stemLayers extra strided 3x3 convolutions in front of the network, each halving the input
 *     side (for large inputs such as 448 px), 0 to {@value #MAX_STEM_LAYERS}
 * @param stemChannels output channels of the stem convolutions (unused without stem layers)
 * @param head the output layer
 */
public record ModelSpec(
    Architecture architecture,
    int inputChannels,
    int inputSize,
    boolean batchNorm,
    int hiddenUnits,
    double dropout,
    int stemLayers,
    int stemChannels,
    HeadSpec head) {

  /** The largest number of input channels. */
  public static final int MAX_CHANNELS = 64;

  /** The largest number of hidden units per fully connected layer. */
  public static final int MAX_HIDDEN_UNITS = 65_536;

  /** The largest dropout rate. */
  public static final double MAX_DROPOUT = 0.9;

  /** The largest number of extra stem layers. */
  public static final int MAX_STEM_LAYERS = 4;

  /** The largest number of stem channels. */
  public static final int MAX_STEM_CHANNELS = 1024;

  /** The default number of stem channels. */
  public static final int DEFAULT_STEM_CHANNELS = 32;

  /** The default input side, the reference networks' 224 px. */
  public static final int DEFAULT_INPUT_SIZE = 224;

  /** Validates every field; messages name the field, the allowed values and the value given. */
  public ModelSpec {
    Preconditions.checkArgument(
        architecture != null, "architecture is required; one of %s", Architecture.ids());
    Preconditions.checkArgument(
        inputChannels >= 1 && inputChannels <= MAX_CHANNELS,
        "inputChannels must be between 1 and %s, got %s",
        MAX_CHANNELS,
        inputChannels);
    Preconditions.checkArgument(
        stemLayers >= 0 && stemLayers <= MAX_STEM_LAYERS,
        "stemLayers must be between 0 and %s, got %s",
        MAX_STEM_LAYERS,
        stemLayers);
    Preconditions.checkArgument(
        stemChannels >= 1 && stemChannels <= MAX_STEM_CHANNELS,
        "stemChannels must be between 1 and %s, got %s",
        MAX_STEM_CHANNELS,
        stemChannels);
    ImageRecipe.checkSize("inputSize", inputSize);
    int minimum = SpatialPlan.minimumInputSize(architecture, stemLayers);
    Preconditions.checkArgument(
        inputSize >= minimum,
        "%s%s needs inputs of at least %s px, got inputSize %s",
        architecture.id(),
        stemLayers == 0 ? "" : " with " + stemLayers + " stem layer" + (stemLayers > 1 ? "s" : ""),
        minimum,
        inputSize);
    int minimumHidden = architecture.family().requiresHiddenUnits() ? 1 : 0;
    Preconditions.checkArgument(
        hiddenUnits >= minimumHidden && hiddenUnits <= MAX_HIDDEN_UNITS,
        "hiddenUnits of %s must be between %s and %s%s, got %s",
        architecture.id(),
        minimumHidden,
        MAX_HIDDEN_UNITS,
        minimumHidden == 0 ? " (0: no hidden layer, as in the reference)" : "",
        hiddenUnits);
    Preconditions.checkArgument(
        dropout >= 0 && dropout <= MAX_DROPOUT,
        "dropout must be between 0 and %s, got %s",
        MAX_DROPOUT,
        dropout);
    Preconditions.checkArgument(head != null, "head is required (classifier, regression or binned-year)");
  }

  /**
   * The reference layout of an architecture (default knobs, 3 channels, 224 px) with the given head.
   */
  public static ModelSpec reference(Architecture architecture, HeadSpec head) {
    Family family = architecture.family();
    return new ModelSpec(
        architecture,
        3,
        DEFAULT_INPUT_SIZE,
        family.defaultBatchNorm(),
        family.defaultHiddenUnits(),
        family.defaultDropout(),
        0,
        DEFAULT_STEM_CHANNELS,
        head);
  }

  /** This spec with another head (the backbone is unchanged). */
  public ModelSpec withHead(HeadSpec newHead) {
    return new ModelSpec(
        architecture,
        inputChannels,
        inputSize,
        batchNorm,
        hiddenUnits,
        dropout,
        stemLayers,
        stemChannels,
        newHead);
  }

  /** This spec with another input size. */
  public ModelSpec withInputSize(int newInputSize) {
    return new ModelSpec(
        architecture,
        inputChannels,
        newInputSize,
        batchNorm,
        hiddenUnits,
        dropout,
        stemLayers,
        stemChannels,
        head);
  }

  /**
   * The name of the layout, e.g. {@code vgg16_bn}: the architecture, {@code _bn} when batch norm is
   * switched on where the reference has none, {@code _nobn} when switched off where it has one.
   */
  @JsonIgnore
  public String name() {
    boolean reference = architecture.family().defaultBatchNorm();
    if (batchNorm == reference) {
      return architecture.id();
    }
    return architecture.id() + (batchNorm ? "_bn" : "_nobn");
  }

  /** The side of the network's input after the stem layers. */
  @JsonIgnore
  public int networkInputSize() {
    int size = inputSize;
    for (int i = 0; i < stemLayers; i++) {
      size = (size + 2 - 3) / 2 + 1;
    }
    return size;
  }

  /**
   * One line such as {@code resnet50, 224 px, 3 channels, regression (1500..1900)}, with the knobs
   * that differ from the reference.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(name());
    text.append(", ").append(inputSize).append(" px");
    if (inputChannels != 3) {
      text.append(", ").append(inputChannels).append(" channels");
    }
    Family family = architecture.family();
    if (hiddenUnits != family.defaultHiddenUnits()) {
      text.append(", hidden ").append(hiddenUnits);
    }
    if (dropout != family.defaultDropout()) {
      text.append(", dropout ").append(dropout);
    }
    if (stemLayers > 0) {
      text.append(", stem ").append(stemLayers).append("x").append(stemChannels);
    }
    return text.append(", ").append(head.describe()).toString();
  }
}
