package io.github.metart.models.transfer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.metart.models.MetModel;
import io.github.metart.models.blocks.NamedSequence;
import io.github.metart.models.io.ModelFolder;
import io.github.metart.models.network.MetNetwork;
import io.github.metart.models.network.Networks;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.metart.models.engine.MetEngine;

/**
 * Loads backbone weights into a model from a file the user brings, matching parameters by name and
 * shape. Nothing is downloaded. Sources:
 *
 * <ul>
 *   <li>a metart model folder (any head: only its backbone is used);
 *   <li>a DJL {@code .params} file saved from a metart network of the same architecture (a
 *       checkpoint; the head it was saved with does not matter);
 *   <li>named arrays, {@code .npz} or {@code .safetensors}, with metart names ({@code
 *       backbone_layer1_0_conv1_weight}) or torchvision names ({@code layer1.0.conv1.weight}, a
 *       leading {@code module.} is ignored) — e.g. ImageNet weights exported from torchvision with
 *       {@code safetensors.torch.save_file(model.state_dict(), "resnet50.safetensors")};
 *   <li>a PyTorch state dict saved with {@code torch.save} ({@code .pth} or {@code .pt}), such as
 *       torchvision's published weights ({@link io.github.metart.models.pretrained}), read by
 *       {@link TorchCheckpoint} without running its pickle.
 * </ul>
 *
 * <p>Only backbone parameters are loaded (batch-norm running statistics included); the head keeps
 * its initialization, and the source's head is dropped. In {@link TransferMode#STRICT} mode any
 * missing or differently shaped backbone parameter, and any source weight other than the head's
 * that finds no place in the target (a hidden layer or stem the target lacks), aborts the transfer
 * before anything is changed; {@link TransferMode#LENIENT} loads what matches and reports the rest.
 */
public final class BackboneTransfer {

  private static final Logger LOG = LoggerFactory.getLogger(BackboneTransfer.class);
  private static final String BACKBONE_PREFIX = MetNetwork.BACKBONE + "_";
  private static final String MODULE_PREFIX = "module.";

  private BackboneTransfer() {}

  /**
   * Loads backbone weights from a source into a model.
   *
   * @param target the model to load into
   * @param source a model folder, {@code .params}, {@code .pth}, {@code .npz} or {@code
   *     .safetensors} file
   * @param mode how strictly the weights must match
   * @return what was loaded, skipped and missing
   * @throws IllegalArgumentException naming the source when it cannot be read, holds no matching
   *     weights, or (strict) misses or misshapes some or holds backbone weights the target has no
   *     place for
   */
  public static TransferReport load(MetModel target, Path source, TransferMode mode) {
    if (ModelFolder.isModelFolder(source)) {
      try (MetModel donor = ModelFolder.load(source, Device.cpu())) {
        return apply(target, backboneOf(donor), mode, source.toString());
      }
    }
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException(
          "weights source " + source + " is neither a metart model folder nor a file");
    }
    String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
    try (NDManager scratch = MetEngine.newManager(Device.cpu())) {
      Map<String, NDArray> arrays;
      if (name.endsWith(".params")) {
        arrays = readDjlParams(target, source, scratch);
      } else if (name.endsWith(".npz") || name.endsWith(".safetensors")) {
        arrays = readNamedArrays(source, scratch);
      } else if (name.endsWith(".pth") || name.endsWith(".pt")) {
        arrays = TorchCheckpoint.read(source, scratch);
      } else {
        throw new IllegalArgumentException(
            "unsupported weights source "
                + source
                + ": expected a metart model folder, a DJL .params file, .pth, .npz or .safetensors");
      }
      return apply(target, arrays, mode, source.toString());
    }
  }

  /**
   * Copies the whole backbone of one model into another of the same backbone layout (used to swap
   * heads).
   *
   * @throws IllegalArgumentException when the backbones differ
   */
  public static void copyBackbone(MetModel from, MetModel to) {
    apply(to, backboneOf(from), TransferMode.STRICT, from.toString());
  }

  private static Map<String, NDArray> backboneOf(MetModel model) {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    model.parameters().forEach((name, array) -> arrays.put(name, array));
    return arrays;
  }

  private static TransferReport apply(
      MetModel target, Map<String, NDArray> sourceArrays, TransferMode mode, String source) {
    Map<String, NDArray> arrays = stripModulePrefix(sourceArrays);
    Map<String, Parameter> backbone = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : target.network().getParameters()) {
      if (entry.getKey().startsWith(BACKBONE_PREFIX)) {
        backbone.put(entry.getKey(), entry.getValue());
      }
    }
    boolean torchvision = countMatches(backbone, arrays, true) > countMatches(backbone, arrays, false);
    List<String> loaded = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<ShapeMismatch> mismatched = new ArrayList<>();
    Set<String> used = new HashSet<>();
    Map<Parameter, NDArray> plan = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> entry : backbone.entrySet()) {
      String key = torchvision ? TorchvisionNames.of(entry.getKey()) : entry.getKey();
      NDArray array = arrays.get(key);
      if (array == null) {
        missing.add(entry.getKey());
        continue;
      }
      used.add(key);
      Shape expected = entry.getValue().getArray().getShape();
      if (!expected.equals(array.getShape())) {
        mismatched.add(new ShapeMismatch(entry.getKey(), expected, array.getShape()));
        continue;
      }
      loaded.add(entry.getKey());
      plan.put(entry.getValue(), array);
    }
    String headPrefix =
        torchvision
            ? TorchvisionNames.headModule(target.spec().architecture().family()) + "."
            : MetNetwork.HEAD + "_";
    List<String> skipped = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    for (String key : arrays.keySet()) {
      if (used.contains(key)) {
        continue;
      }
      boolean expected =
          key.startsWith(headPrefix)
              || (torchvision && key.endsWith("." + TorchvisionNames.BATCH_COUNTER));
      (expected ? skipped : unused).add(key);
    }
    TransferReport report =
        new TransferReport(
            source,
            torchvision ? "torchvision" : "metart",
            loaded,
            skipped,
            unused,
            missing,
            mismatched);
    if (loaded.isEmpty()) {
      throw new IllegalArgumentException(
          source
              + " holds no backbone weights of "
              + target.spec().name()
              + " (neither metart nor torchvision names match): "
              + report.describe());
    }
    if (mode == TransferMode.STRICT && !report.isExact()) {
      throw new IllegalArgumentException(
          "cannot load the "
              + target.spec().name()
              + " backbone strictly (nothing was changed): "
              + report.describe());
    }
    plan.forEach(BackboneTransfer::copyInto);
    LOG.info("{}", report.describe());
    return report;
  }

  private static int countMatches(
      Map<String, Parameter> backbone, Map<String, NDArray> arrays, boolean torchvision) {
    int count = 0;
    for (String name : backbone.keySet()) {
      if (arrays.containsKey(torchvision ? TorchvisionNames.of(name) : name)) {
        count++;
      }
    }
    return count;
  }

  private static Map<String, NDArray> stripModulePrefix(Map<String, NDArray> arrays) {
    if (arrays.isEmpty() || !arrays.keySet().stream().allMatch(k -> k.startsWith(MODULE_PREFIX))) {
      return arrays;
    }
    Map<String, NDArray> stripped = new LinkedHashMap<>();
    arrays.forEach((k, v) -> stripped.put(k.substring(MODULE_PREFIX.length()), v));
    return stripped;
  }

  /** Copies a value into a parameter's array in place, keeping its device, type and gradient. */
  static void copyInto(Parameter parameter, NDArray value) {
    NDArray array = parameter.getArray();
    NDArray converted =
        value.toType(array.getDataType(), false).toDevice(array.getDevice(), false);
    boolean gradient = array.hasGradient();
    if (gradient) {
      array.setRequiresGradient(false);
    }
    array.set(new NDIndex("..."), converted);
    if (gradient) {
      array.setRequiresGradient(true);
    }
    if (converted != value) {
      converted.close();
    }
  }

  private static Map<String, NDArray> readNamedArrays(Path file, NDManager manager) {
    NDList list;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      list = NDList.decode(manager, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          file + " is not a readable .npz or .safetensors file: " + e.getMessage(), e);
    }
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    for (NDArray array : list) {
      if (array.getName() == null) {
        throw new IllegalArgumentException(
            file + " holds unnamed arrays; weights need names (metart or torchvision)");
      }
      arrays.put(array.getName(), array);
    }
    return arrays;
  }

  /**
   * Reads the backbone part of a DJL parameter file written by {@code Model.save} for a metart
   * network: the header, the network's own record, then the backbone's parameters, parsed with a
   * backbone of the target's layout. The head's record, which follows, is not read.
   */
  private static Map<String, NDArray> readDjlParams(MetModel target, Path file, NDManager manager) {
    NamedSequence backbone = Networks.build(target.spec()).backbone();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] magic = in.readNBytes(4);
      if (!"DJL@".equals(new String(magic, StandardCharsets.US_ASCII))) {
        throw new IllegalArgumentException(file + " is not a DJL parameter file (no DJL@ header)");
      }
      int version = in.readInt();
      if (version != 1) {
        throw new IllegalArgumentException(
            file + ": unsupported DJL parameter file version " + version);
      }
      in.readUTF(); // model name
      in.readUTF(); // data type
      int inputs = in.readInt();
      for (int i = 0; i < inputs; i++) {
        in.readUTF();
        Shape.decode(in);
      }
      int properties = in.readInt();
      for (int i = 0; i < properties; i++) {
        in.readUTF();
        in.readUTF();
      }
      // the MetNetwork record: version byte and input shapes, no parameters of its own
      in.readByte();
      int shapes = in.readInt();
      for (int i = 0; i < shapes; i++) {
        Shape.decode(in);
      }
      backbone.loadParameters(manager, in);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith(file.toString())) {
        throw iae;
      }
      throw new IllegalArgumentException(
          file
              + " does not hold a "
              + target.spec().name()
              + " backbone saved by metart (its layout differs): "
              + e.getMessage(),
          e);
    }
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : backbone.getParameters()) {
      if (entry.getValue().isInitialized()) {
        arrays.put(BACKBONE_PREFIX + entry.getKey(), entry.getValue().getArray());
      }
    }
    return arrays;
  }
}
