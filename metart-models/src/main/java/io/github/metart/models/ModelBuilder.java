package io.github.metart.models;

import ai.djl.Device;
import com.google.common.base.Preconditions;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.models.predict.Preprocessing;
import io.github.metart.models.pretrained.PretrainedWeights;
import io.github.metart.models.pretrained.WeightCache;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.Family;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import io.github.metart.models.transfer.TransferMode;
import java.nio.file.Path;
import java.util.List;

/**
 * Fluent builder of a model: start from {@link MetModels}, set the knobs that differ from the
 * reference layout, finish with a head, e.g. {@code MetModels.resnet(50).inputSize(448).extraStem(1)
 * .regression(1500, 1900)}. Each setter checks its own value at once; combinations (an input too
 * small for the architecture and stem) are checked when the head is chosen. Not thread-safe; a
 * builder can finish several models.
 */
public final class ModelBuilder {

  private final Architecture architecture;
  private int inputChannels = 3;
  private int inputSize = ModelSpec.DEFAULT_INPUT_SIZE;
  private boolean batchNorm;
  private int hiddenUnits;
  private double dropout;
  private int stemLayers;
  private int stemChannels = ModelSpec.DEFAULT_STEM_CHANNELS;
  private Device device;
  private String pretrained;
  private WeightCache weightCache;

  ModelBuilder(Architecture architecture) {
    this.architecture = Preconditions.checkNotNull(architecture, "architecture");
    Family family = architecture.family();
    this.batchNorm = family.defaultBatchNorm();
    this.hiddenUnits = family.defaultHiddenUnits();
    this.dropout = family.defaultDropout();
  }

  /** The architecture being built. */
  public Architecture architecture() {
    return architecture;
  }

  /**
   * Units of each hidden fully connected layer (reference: 4096 for AlexNet and VGG; for ResNet 0,
   * no hidden layer, and a positive value adds one before the head).
   */
  public ModelBuilder hiddenUnits(int units) {
    int minimum = architecture.family().requiresHiddenUnits() ? 1 : 0;
    Preconditions.checkArgument(
        units >= minimum && units <= ModelSpec.MAX_HIDDEN_UNITS,
        "hiddenUnits of %s must be between %s and %s, got %s",
        architecture.id(),
        minimum,
        ModelSpec.MAX_HIDDEN_UNITS,
        units);
    this.hiddenUnits = units;
    return this;
  }

  /** Dropout rate of the fully connected layers, 0 to 0.9 (reference: 0.5; ResNet 0). */
  public ModelBuilder dropout(double rate) {
    Preconditions.checkArgument(
        rate >= 0 && rate <= ModelSpec.MAX_DROPOUT,
        "dropout must be between 0 and %s, got %s",
        ModelSpec.MAX_DROPOUT,
        rate);
    this.dropout = rate;
    return this;
  }

  /**
   * Batch normalization after every convolution (reference: off for AlexNet and VGG, where on
   * gives the {@code _bn} variants; on for ResNet).
   */
  public ModelBuilder batchNorm(boolean on) {
    this.batchNorm = on;
    return this;
  }

  /**
   * Side of the square input in pixels ({@value ImageRecipe#MIN_SIZE} to {@value
   * ImageRecipe#MAX_SIZE}; default 224). Adaptive pooling makes any size work that is large
   * enough for the architecture.
   */
  public ModelBuilder inputSize(int pixels) {
    ImageRecipe.checkSize("inputSize", pixels);
    this.inputSize = pixels;
    return this;
  }

  /** Channels of the input images, 1 to 64 (default 3, RGB). */
  public ModelBuilder inputChannels(int channels) {
    Preconditions.checkArgument(
        channels >= 1 && channels <= ModelSpec.MAX_CHANNELS,
        "inputChannels must be between 1 and %s, got %s",
        ModelSpec.MAX_CHANNELS,
        channels);
    this.inputChannels = channels;
    return this;
  }

  /**
   * Adds {@code layers} strided 3x3 convolutions (stride 2, {@value
   * ModelSpec#DEFAULT_STEM_CHANNELS} filters) in front of the network, each halving the input
   * side: one layer lets a 448 px input reach the reference layers at 224 px.
   */
  public ModelBuilder extraStem(int layers) {
    return extraStem(layers, ModelSpec.DEFAULT_STEM_CHANNELS);
  }

  /**
   * Adds {@code layers} strided 3x3 convolutions with {@code channels} filters in front of the
   * network.
   *
   * @param layers 0 (none) to {@value ModelSpec#MAX_STEM_LAYERS}
   * @param channels 1 to {@value ModelSpec#MAX_STEM_CHANNELS}
   */
  public ModelBuilder extraStem(int layers, int channels) {
    Preconditions.checkArgument(
        layers >= 0 && layers <= ModelSpec.MAX_STEM_LAYERS,
        "stem layers must be between 0 and %s, got %s",
        ModelSpec.MAX_STEM_LAYERS,
        layers);
    Preconditions.checkArgument(
        channels >= 1 && channels <= ModelSpec.MAX_STEM_CHANNELS,
        "stem channels must be between 1 and %s, got %s",
        ModelSpec.MAX_STEM_CHANNELS,
        channels);
    this.stemLayers = layers;
    this.stemChannels = channels;
    return this;
  }

  /** The device the model's weights live on (default: the engine's default device). */
  public ModelBuilder device(Device device) {
    this.device = Preconditions.checkNotNull(device, "device");
    return this;
  }

  /**
   * Starts the backbone from pretrained weights, loaded strictly when the model is built (every
   * backbone weight must find its place; the head stays freshly initialized), as torchvision's
   * {@code resnet50(weights=...)}: {@code imagenet} for the best ImageNet weights torchvision
   * publishes for the architecture, {@code IMAGENET1K_V1} or {@code IMAGENET1K_V2} for a given
   * generation (fetched through {@link #weightCache(WeightCache)}, offline unless downloads are
   * allowed), or the path of a {@code .pth}, {@code .safetensors}, {@code .npz} or {@code .params}
   * file or a metart model folder. {@code null} trains from scratch. The model's preprocessing is
   * the ImageNet one these weights expect ({@link Preprocessing#defaults(int)}).
   *
   * @see PretrainedWeights
   */
  public ModelBuilder pretrained(String source) {
    this.pretrained = source == null || source.isBlank() ? null : source.strip();
    return this;
  }

  /**
   * The cache published weights are fetched through (default: {@link WeightCache#defaults()}, as
   * the system properties and environment set it up).
   */
  public ModelBuilder weightCache(WeightCache cache) {
    this.weightCache = Preconditions.checkNotNull(cache, "cache");
    return this;
  }

  /**
   * The spec of the model with the given head, without building it.
   *
   * @throws IllegalArgumentException when the combination is invalid, e.g. an input too small for
   *     the architecture
   */
  public ModelSpec spec(HeadSpec head) {
    return new ModelSpec(
        architecture,
        inputChannels,
        inputSize,
        batchNorm,
        hiddenUnits,
        dropout,
        stemLayers,
        stemChannels,
        head);
  }

  /**
   * Builds the model with the given head, freshly initialized, then with the {@linkplain
   * #pretrained(String) pretrained} backbone when one is set.
   *
   * @throws IllegalArgumentException when the pretrained weights do not fit the backbone, or
   *     torchvision publishes none for this layout
   * @throws IllegalStateException when published weights are not cached and downloads are off
   */
  public MetModel build(HeadSpec head) {
    ModelSpec spec = spec(head);
    Path weights =
        pretrained == null
            ? null
            : (weightCache == null ? WeightCache.defaults() : weightCache).resolve(spec, pretrained);
    MetModel model = device == null ? MetModel.create(spec) : MetModel.create(spec, device);
    if (weights == null) {
      return model;
    }
    try {
      model.loadBackbone(weights, TransferMode.STRICT);
      return model.setPreprocessing(Preprocessing.defaults(spec.inputSize()));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** A classifier over {@code classes} unnamed classes. */
  public MetModel classifier(int classes) {
    return build(HeadSpec.classifier(classes));
  }

  /** A classifier over the given labels (in target-index order). */
  public MetModel classifier(List<String> labels) {
    return build(HeadSpec.classifier(labels));
  }

  /** A regression of the year normalized over {@code [minYear, maxYear]}. */
  public MetModel regression(int minYear, int maxYear) {
    return build(HeadSpec.regression(minYear, maxYear));
  }

  /**
   * A binned-year head: classification over {@code bins} equal-width bins of {@code [minYear,
   * maxYear]}, predicting the expected year.
   */
  public MetModel binnedYear(int minYear, int maxYear, int bins) {
    return build(HeadSpec.binnedYear(minYear, maxYear, bins));
  }
}
