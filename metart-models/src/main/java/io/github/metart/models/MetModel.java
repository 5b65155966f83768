package io.github.metart.models;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.google.common.base.Preconditions;
import io.github.metart.models.engine.EngineInfo;
import io.github.metart.models.heads.Head;
import io.github.metart.models.heads.Prediction;
import io.github.metart.models.io.ModelFolder;
import io.github.metart.models.network.MetNetwork;
import io.github.metart.models.network.Networks;
import io.github.metart.models.predict.Preprocessing;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import io.github.metart.models.summary.ModelSummary;
import io.github.metart.models.transfer.BackboneTransfer;
import io.github.metart.models.transfer.TransferMode;
import io.github.metart.models.transfer.TransferReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.metart.models.engine.MetEngine;

/**
 * A model: its {@link ModelSpec}, the DJL {@link Model} holding the initialized network, and the
 * {@link Head} that gives its outputs a meaning. This is what training and evaluation take.
 *
 * <ul>
 *   <li>Training: {@link #djlModel()}{@code .newTrainer(config)} trains the network; choose the loss
 *       by the type of {@code head()} and compare outputs with {@code head().trainingTargets(labels)}.
 *   <li>Evaluation and prediction: {@link #predict(NDArray)} turns a batch of images into class
 *       probabilities or years.
 *   <li>Persistence: {@link #save(Path)} and {@link MetModels#load(Path)} write and read one folder.
 *   <li>Transfer learning: {@link #loadBackbone(Path)}, {@link #freezeBackbone()}, {@link
 *       #withHead(HeadSpec)}.
 * </ul>
 *
 * <p>Owns native memory: close it (try-with-resources). Not thread-safe for training; concurrent
 * {@link #predict} calls are fine.
 */
public final class MetModel implements AutoCloseable {

  private final ModelSpec spec;
  private final Head head;
  private final Model model;
  private final MetNetwork network;
  private volatile Preprocessing preprocessing;

  private MetModel(ModelSpec spec, Model model, MetNetwork network, Preprocessing preprocessing) {
    this.spec = spec;
    this.head = Head.of(spec.head());
    this.model = model;
    this.network = network;
    this.preprocessing = checkPreprocessing(spec, preprocessing);
  }

  /** Builds and initializes the network of a spec on the engine's default device. */
  public static MetModel create(ModelSpec spec) {
    return create(spec, null);
  }

  /**
   * Builds and initializes the network of a spec on a device.
   *
   * @param spec the spec
   * @param device the device, or {@code null} for the engine's default
   */
  public static MetModel create(ModelSpec spec, Device device) {
    Preconditions.checkNotNull(spec, "spec");
    MetNetwork network = Networks.build(spec);
    Model model = newDjlModel(spec, device);
    try {
      model.setBlock(network);
      network.initialize(model.getNDManager(), DataType.FLOAT32, inputShape(spec, 1));
      return new MetModel(spec, model, network, Preprocessing.defaults(spec.inputSize()));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Wraps a network that {@link ModelFolder} has loaded. For use by the {@code io} package.
   *
   * @param spec the spec the network was built from
   * @param model the DJL model whose block is {@code network}, parameters loaded and initialized
   * @param network the network
   * @param preprocessing how the model's training images were prepared
   */
  public static MetModel wrap(
      ModelSpec spec, Model model, MetNetwork network, Preprocessing preprocessing) {
    Preconditions.checkArgument(model.getBlock() == network, "the model's block is not the network");
    Preconditions.checkArgument(network.isInitialized(), "the network is not initialized");
    return new MetModel(spec, model, network, preprocessing);
  }

  /**
   * A new, empty DJL model (PyTorch engine) named after the spec, for {@link ModelFolder}.
   *
   * @param spec the spec
   * @param device the device, or {@code null} for the engine's default
   */
  public static Model newDjlModel(ModelSpec spec, Device device) {
    return MetEngine.newModel(spec.name(), device);
  }

  /** The input shape {@code [batch, channels, size, size]} the spec expects. */
  public static Shape inputShape(ModelSpec spec, int batch) {
    return new Shape(batch, spec.inputChannels(), spec.inputSize(), spec.inputSize());
  }

  /** What this model is. */
  public ModelSpec spec() {
    return spec;
  }

  /** The head: training targets and predictions. */
  public Head head() {
    return head;
  }

  /**
   * How images are prepared for this model (the training cache's recipe and normalization), used by
   * the {@link io.github.metart.models.predict.Predictor}. Defaults to {@link
   * Preprocessing#defaults(int)} for the input size; training records the dataset's.
   */
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /**
   * Records how the training images were prepared, e.g. {@code
   * Preprocessing.of(dataset.cache().recipe(), dataset.normalization())}; saved with the model.
   *
   * @throws IllegalArgumentException when the recipe stores images smaller than the model input
   */
  public MetModel setPreprocessing(Preprocessing newPreprocessing) {
    this.preprocessing = checkPreprocessing(spec, newPreprocessing);
    return this;
  }

  private static Preprocessing checkPreprocessing(ModelSpec spec, Preprocessing preprocessing) {
    Preconditions.checkNotNull(preprocessing, "preprocessing");
    Preconditions.checkArgument(
        preprocessing.cropTo() >= spec.inputSize(),
        "the preprocessing stores %s px images, smaller than the %s px input of %s",
        preprocessing.cropTo(),
        spec.inputSize(),
        spec.name());
    return preprocessing;
  }

  /** The DJL model (for {@code newTrainer}); its block is {@link #network()}. */
  public Model djlModel() {
    return model;
  }

  /** The network (backbone and head layer). */
  public MetNetwork network() {
    return network;
  }

  /** The device the weights live on. */
  public Device device() {
    return model.getNDManager().getDevice();
  }

  /** The input shape {@code [batch, channels, size, size]} this model expects. */
  public Shape inputShape(int batch) {
    return inputShape(spec, batch);
  }

  /**
   * The raw outputs (logits, or the normalized year) for a batch of images, computed in inference
   * mode. The result belongs to the images' manager.
   *
   * @param images float32 {@code [B, channels, size, size]}, preprocessed like the training data
   */
  public NDArray outputs(NDArray images) {
    checkImages(images);
    NDArray input = images.toDevice(device(), false);
    ParameterStore parameters = new ParameterStore(input.getManager(), false);
    return network.forward(parameters, new NDList(input), false).singletonOrThrow();
  }

  /**
   * Predicts a batch of images: class probabilities for a classifier, years for a year head. All
   * intermediate arrays are freed before returning.
   *
   * @param images float32 {@code [B, channels, size, size]}, preprocessed like the training data
   */
  public List<? extends Prediction> predict(NDArray images) {
    try (NDManager scope = images.getManager().newSubManager()) {
      images.tempAttach(scope);
      return head.predict(outputs(images));
    }
  }

  private void checkImages(NDArray images) {
    Shape shape = images.getShape();
    Preconditions.checkArgument(
        shape.dimension() == 4
            && shape.get(1) == spec.inputChannels()
            && shape.get(2) == spec.inputSize()
            && shape.get(3) == spec.inputSize(),
        "%s expects images of shape [B, %s, %s, %s], got %s",
        spec.name(),
        spec.inputChannels(),
        spec.inputSize(),
        spec.inputSize(),
        shape);
  }

  /** The number of learnable parameters (batch-norm running statistics excluded). */
  public long parameterCount() {
    return countParameters(false);
  }

  /** The number of parameters training would update: learnable and not frozen. */
  public long trainableParameterCount() {
    return countParameters(true);
  }

  private long countParameters(boolean onlyTrainable) {
    long count = 0;
    for (Pair<String, Parameter> entry : network.getParameters()) {
      Parameter parameter = entry.getValue();
      if (MetNetwork.isLearnable(parameter) && (!onlyTrainable || parameter.requiresGradient())) {
        count += parameter.getArray().size();
      }
    }
    return count;
  }

  /**
   * Every parameter array by name (e.g. {@code backbone_layer1_0_conv1_weight}), in network order,
   * running statistics included. The arrays are the live weights, not copies.
   */
  public Map<String, NDArray> parameters() {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : network.getParameters()) {
      arrays.put(entry.getKey(), entry.getValue().getArray());
    }
    return arrays;
  }

  /**
   * Freezes the backbone: only the head is trained, and the backbone runs in inference mode
   * (batch-norm statistics and dropout frozen too).
   *
   * @return this model
   */
  public MetModel freezeBackbone() {
    network.freezeBackbone(true);
    return this;
  }

  /**
   * Unfreezes the backbone: everything is trained again.
   *
   * @return this model
   */
  public MetModel unfreezeBackbone() {
    network.freezeBackbone(false);
    return this;
  }

  /** Whether the backbone is frozen. */
  public boolean isBackboneFrozen() {
    return network.isBackboneFrozen();
  }

  /**
   * A new model with this model's backbone weights (copied) and a freshly initialized head of
   * another kind or size, e.g. a culture classifier turned into a year regressor. This model is
   * unchanged and still needs closing. The new model's backbone is not frozen.
   */
  public MetModel withHead(HeadSpec newHead) {
    MetModel swapped = create(spec.withHead(newHead), device());
    try {
      BackboneTransfer.copyBackbone(this, swapped);
      return swapped.setPreprocessing(preprocessing);
    } catch (RuntimeException e) {
      swapped.close();
      throw e;
    }
  }

  /**
   * Loads backbone weights from a metart model folder, a DJL {@code .params} file, or named arrays
   * ({@code .npz}, {@code .safetensors}; metart or torchvision names), strictly: every backbone
   * parameter must be found with the same shape, and every source weight but the source's head
   * must find its place in this backbone.
   *
   * @return what was loaded, skipped and missing
   * @see BackboneTransfer
   */
  public TransferReport loadBackbone(Path source) {
    return BackboneTransfer.load(this, source, TransferMode.STRICT);
  }

  /**
   * Loads backbone weights with the given mode ({@link TransferMode#LENIENT} keeps what is missing
   * or differently shaped at its initialization and reports it).
   */
  public TransferReport loadBackbone(Path source, TransferMode mode) {
    return BackboneTransfer.load(this, source, mode);
  }

  /** The layer table and parameter count. */
  public ModelSummary summary() {
    return ModelSummary.of(this);
  }

  /**
   * Saves the model as one folder: {@code spec.json}, {@code preprocessing.json}, {@code
   * model.json} (versions, parameter count) and the weights. The folder is replaced atomically where the file system allows.
   *
   * @see ModelFolder#save(MetModel, Path)
   */
  public void save(Path folder) {
    ModelFolder.save(this, folder);
  }

  /** Frees the native memory of the weights. */
  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return "MetModel[" + spec.describe() + "]";
  }
}
