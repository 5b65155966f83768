package io.github.metart.models.io;

import io.github.metart.data.files.JsonFiles;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.provenance.LibraryVersion;
import io.github.metart.models.MetModel;
import io.github.metart.models.engine.EngineInfo;
import io.github.metart.models.network.MetNetwork;
import io.github.metart.models.network.Networks;
import io.github.metart.models.predict.Preprocessing;
import io.github.metart.models.spec.ModelSpec;
import io.github.metart.models.spec.SpecJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.metart.models.engine.MetEngine;

/**
 * Saves and loads a {@link MetModel} as one folder:
 *
 * <ul>
 *   <li>{@code spec.json} — the {@link ModelSpec}, head included (label names or year range);
 *   <li>{@code preprocessing.json} — the {@link Preprocessing} of the training images;
 *   <li>{@code model.json} — {@link ModelFolderInfo}: format, versions, parameter count;
 *   <li>{@code weights-NNNN.params} — the weights in DJL's parameter format.
 * </ul>
 *
 * <p>Saving writes a temporary sibling folder and then swaps it in, so an interrupted save never
 * leaves a half-written model; it replaces an existing model folder but refuses to replace a
 * folder that is not one. Loading checks every weight's name and shape against the spec.
 */
public final class ModelFolder {

  /** The folder format version this code writes and reads. */
  public static final int FORMAT = 1;

  /** The spec file. */
  public static final String SPEC_FILE = "spec.json";

  /** The preprocessing file. */
  public static final String PREPROCESSING_FILE = "preprocessing.json";

  /** The info file. */
  public static final String INFO_FILE = "model.json";

  /** The prefix of the weights file, as DJL names it: {@code weights-NNNN.params}. */
  public static final String WEIGHTS_PREFIX = "weights";

  private static final Pattern WEIGHTS_FILE = Pattern.compile("weights-(\\d{4})\\.params");
  private static final Logger LOG = LoggerFactory.getLogger(ModelFolder.class);
  private static final ObjectMapper JSON = JsonFiles.lenient();
  private static final ObjectMapper STRICT_JSON = JsonFiles.strict();

  private ModelFolder() {}

  /** The model folder's name inside a training folder ({@code runs/culture/model}). */
  public static final String IN_TRAINING_FOLDER = "model";

  /**
   * The model folder a path names: a model folder itself, or a training folder holding one in
   * {@value #IN_TRAINING_FOLDER}/ (what {@code metart train} writes).
   *
   * @throws IllegalArgumentException naming the folder when it is neither
   */
  public static Path locate(Path folder) {
    if (isModelFolder(folder)) {
      return folder;
    }
    Path inside = folder.resolve(IN_TRAINING_FOLDER);
    if (isModelFolder(inside)) {
      return inside;
    }
    if (!Files.exists(folder)) {
      throw new IllegalArgumentException(
          folder + ": no such folder (expected a model folder, or a folder written by metart train)");
    }
    throw new IllegalArgumentException(
        folder + ": not a model folder (no " + SPEC_FILE + ") and holds no " + IN_TRAINING_FOLDER
            + "/ (is training finished?)");
  }

  /** Whether a folder looks like a model folder (has a {@code spec.json}). */
  public static boolean isModelFolder(Path folder) {
    return Files.isDirectory(folder) && Files.isRegularFile(folder.resolve(SPEC_FILE));
  }

  /**
   * Saves a model into a folder, replacing a model folder already there.
   *
   * @throws IllegalArgumentException when the folder exists and is neither empty nor a model folder
   * @throws UncheckedIOException naming the folder when writing fails
   */
  public static void save(MetModel model, Path folder) {
    Path target = folder.toAbsolutePath().normalize();
    if (Files.exists(target) && !isModelFolder(target) && !isEmptyDirectory(target)) {
      throw new IllegalArgumentException(
          "refusing to overwrite " + target + ": it exists and is not a metart model folder");
    }
    Path parent = target.getParent();
    Path staging = parent.resolve("." + target.getFileName() + ".saving-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
      SpecJson.write(model.spec(), staging.resolve(SPEC_FILE));
      JSON.writeValue(staging.resolve(PREPROCESSING_FILE).toFile(), model.preprocessing());
      model.djlModel().save(staging, WEIGHTS_PREFIX);
      String weights = weightsFile(staging).getFileName().toString();
      JSON.writeValue(staging.resolve(INFO_FILE).toFile(), info(model, weights));
      swapIn(staging, target);
      LOG.debug("saved {} to {}", model.spec().describe(), target);
    } catch (IOException e) {
      deleteQuietly(staging);
      throw new UncheckedIOException("cannot save model to " + target + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(staging);
      throw e;
    }
  }

  /** Loads a model folder onto the engine's default device. */
  public static MetModel load(Path folder) {
    return load(folder, null);
  }

  /**
   * Loads a model folder.
   *
   * @param folder the folder {@link #save} wrote
   * @param device the device, or {@code null} for the engine's default
   * @throws IllegalArgumentException naming the folder or file when something is missing, malformed
   *     or does not match the spec
   */
  public static MetModel load(Path folder, Device device) {
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("model folder " + dir + " does not exist");
    }
    if (!Files.isRegularFile(dir.resolve(SPEC_FILE))) {
      throw new IllegalArgumentException(
          dir + " is not a metart model folder: " + SPEC_FILE + " is missing");
    }
    checkFormat(dir.resolve(INFO_FILE));
    ModelSpec spec = SpecJson.read(dir.resolve(SPEC_FILE));
    Preprocessing preprocessing = readPreprocessing(dir.resolve(PREPROCESSING_FILE), spec);
    Path weights = weightsFile(dir);
    int epoch = epochOf(weights);
    MetNetwork network = Networks.build(spec);
    Model model = MetModel.newDjlModel(spec, device);
    try {
      model.setBlock(network);
      model.load(dir, WEIGHTS_PREFIX, Map.of("epoch", Integer.toString(epoch)));
      checkShapes(spec, network, weights);
      network.initialize(model.getNDManager(), DataType.FLOAT32, MetModel.inputShape(spec, 1));
      return MetModel.wrap(spec, model, network, preprocessing);
    } catch (IOException | MalformedModelException e) {
      model.close();
      throw new IllegalArgumentException(
          weights + " does not hold the weights of " + spec.describe() + ": " + reason(e), e);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** What went wrong reading weights, also for exceptions without a message (a truncated file). */
  static String reason(Exception e) {
    if (e instanceof java.io.EOFException || e.getCause() instanceof java.io.EOFException) {
      return "the file ends early (truncated or still being written); copy or save the model again";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static Preprocessing readPreprocessing(Path file, ModelSpec spec) {
    if (!Files.isRegularFile(file)) {
      return Preprocessing.defaults(spec.inputSize());
    }
    try {
      return STRICT_JSON.readValue(file.toFile(), Preprocessing.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + JsonFiles.problem(e), e);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new IllegalArgumentException("cannot read " + file + ": " + cause.getMessage(), e);
    }
  }

  /** Reads {@code model.json} of a folder. */
  public static ModelFolderInfo readInfo(Path folder) {
    Path file = folder.resolve(INFO_FILE);
    try {
      return JSON.readValue(file.toFile(), ModelFolderInfo.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + JsonFiles.problem(e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The weights file of a model folder.
   *
   * @throws IllegalArgumentException when there is none or more than one
   */
  public static Path weightsFile(Path folder) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "weights-*.params")) {
      for (Path file : files) {
        if (WEIGHTS_FILE.matcher(file.getFileName().toString()).matches()) {
          found.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    if (found.size() != 1) {
      throw new IllegalArgumentException(
          folder
              + (found.isEmpty()
                  ? " has no weights file (weights-NNNN.params)"
                  : " has several weights files " + found + "; keep one"));
    }
    return found.get(0);
  }

  private static int epochOf(Path weights) {
    Matcher matcher = WEIGHTS_FILE.matcher(weights.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalStateException("not a weights file: " + weights);
    }
    return Integer.parseInt(matcher.group(1));
  }

  private static void checkFormat(Path infoFile) {
    if (!Files.isRegularFile(infoFile)) {
      return;
    }
    ModelFolderInfo info = readInfo(infoFile.getParent());
    if (info.format() > FORMAT) {
      throw new IllegalArgumentException(
          infoFile
              + ": model folder format "
              + info.format()
              + " was written by a newer metart ("
              + info.metart()
              + "); this one reads format "
              + FORMAT);
    }
  }

  /**
   * Compares every loaded array with the shape the spec implies, so a weights file saved for other
   * knobs (e.g. other hidden units) fails with a message naming the parameter.
   */
  private static void checkShapes(ModelSpec spec, MetNetwork loaded, Path weights) {
    Map<String, Shape> expected = expectedShapes(spec);
    for (Pair<String, Parameter> entry : loaded.getParameters()) {
      Parameter parameter = entry.getValue();
      Shape want = expected.get(entry.getKey());
      Shape got = parameter.isInitialized() ? parameter.getArray().getShape() : null;
      if (want == null || !want.equals(got)) {
        throw new IllegalArgumentException(
            weights
                + ": parameter "
                + entry.getKey()
                + " has shape "
                + got
                + " but "
                + spec.name()
                + " in "
                + SPEC_FILE
                + " needs "
                + want);
      }
    }
  }

  /** The name and shape of every parameter of a spec's network, computed without allocating. */
  public static Map<String, Shape> expectedShapes(ModelSpec spec) {
    MetNetwork network = Networks.build(spec);
    network.setInitializer((manager, shape, type) -> manager.create(shape, type), p -> true);
    Map<String, Shape> shapes = new LinkedHashMap<>();
    try (NDManager manager = MetEngine.newManager(null)) {
      network.initialize(manager, DataType.FLOAT32, MetModel.inputShape(spec, 1));
      for (Pair<String, Parameter> entry : network.getParameters()) {
        shapes.put(entry.getKey(), entry.getValue().getShape());
      }
    }
    return shapes;
  }

  private static ModelFolderInfo info(MetModel model, String weights) {
    LibraryVersion version = LibraryVersion.current();
    Engine engine = MetEngine.engine();
    return new ModelFolderInfo(
        FORMAT,
        model.spec().name(),
        model.spec().describe(),
        model.parameterCount(),
        weights,
        version.metart(),
        version.java(),
        engine.getEngineName() + " " + engine.getVersion(),
        Engine.getDjlVersion());
  }

  private static void swapIn(Path staging, Path target) throws IOException {
    if (!Files.exists(target)) {
      move(staging, target);
      return;
    }
    Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
    move(target, old);
    try {
      move(staging, target);
    } catch (IOException e) {
      move(old, target);
      throw e;
    }
    deleteQuietly(old);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }
}
